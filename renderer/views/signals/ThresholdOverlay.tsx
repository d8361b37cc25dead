// The two draggable thresholds over the score histogram: HTML handles laid over the chart's plot
// area (whose pixel margins are fixed by the option builder), so they can be dragged with the
// mouse or touch (pointer capture keeps the drag when the pointer leaves the handle) and moved
// with the keyboard (role="slider": arrows, Shift+arrows, Page Up/Down, Home/End).
import { useRef, type PointerEvent as ReactPointerEvent } from 'react';
import { useApp } from '../../store/index.ts';
import { SCORE_GRID } from '../../charts/score-histogram/buildScoreHistogramOption.ts';
import { keyStep, moveThreshold, scoreToX, xToScore, type ThresholdKey } from './thresholds.ts';

const LABELS: Record<ThresholdKey, string> = { consideration: 'Consideration threshold', decision: 'Decision threshold' };

export function ThresholdOverlay({ width, height }: { width: number; height: number }) {
  const thresholds = useApp((s) => s.scoring?.thresholds);
  const setThresholds = useApp((s) => s.setThresholds);
  const box = useRef<HTMLDivElement>(null);
  const dragging = useRef<ThresholdKey | null>(null);
  if (!thresholds || width <= 0) return null;
  const geometry = { width, left: SCORE_GRID.left, right: SCORE_GRID.right };

  const moveTo = (key: ThresholdKey, score: number) => {
    const current = useApp.getState().scoring?.thresholds;
    if (current) setThresholds(moveThreshold(current, key, score));
  };
  const scoreAt = (e: ReactPointerEvent) => {
    const rect = box.current!.getBoundingClientRect();
    return xToScore(e.clientX - rect.left, geometry);
  };

  const handle = (key: ThresholdKey) => {
    const value = thresholds[key];
    const x = scoreToX(value, geometry);
    return (
      <div
        key={key}
        className={`sig-threshold sig-threshold-${key}`}
        style={{ left: x, top: SCORE_GRID.top, height: Math.max(0, height - SCORE_GRID.top - SCORE_GRID.bottom) }}
        role="slider"
        tabIndex={0}
        aria-label={LABELS[key]}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={value}
        aria-orientation="horizontal"
        data-testid={`threshold-handle-${key}`}
        onKeyDown={(e) => {
          const next = keyStep(e.key, e.shiftKey, value);
          if (next === null) return;
          e.preventDefault();
          moveTo(key, next);
        }}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.preventDefault();
          e.currentTarget.focus();
          e.currentTarget.setPointerCapture(e.pointerId);
          dragging.current = key;
        }}
        onPointerMove={(e) => {
          if (dragging.current !== key) return;
          moveTo(key, scoreAt(e));
        }}
        onPointerUp={(e) => {
          if (dragging.current !== key) return;
          dragging.current = null;
          e.currentTarget.releasePointerCapture(e.pointerId);
          moveTo(key, scoreAt(e));
        }}
        onPointerCancel={() => {
          dragging.current = null;
        }}
      >
        <span className="sig-threshold-line" />
        <span className="sig-threshold-grip" aria-hidden="true">
          {key === 'consideration' ? 'C' : 'D'} {value}
        </span>
      </div>
    );
  };

  return (
    <div className="sig-threshold-layer" ref={box} style={{ width, height }}>
      {/* Decision last: when both sit at the same score, the decision handle is on top (its grip points right). */}
      {handle('consideration')}
      {handle('decision')}
    </div>
  );
}
