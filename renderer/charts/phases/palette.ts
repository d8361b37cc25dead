// One colour per funnel phase, used by every chart and card of the Signals & Phases view, from
// cold (orientation) to hot (decision), retention apart. Mirrored by --phase-* in styles/signals.css.
import { PHASES, type Phase } from '../../../core/api/contract.ts';
import type { ThemeMode } from '../theme.ts';

export const PHASE_LABELS: Record<Phase, string> = {
  orientation: 'Orientation',
  consideration: 'Consideration',
  decision: 'Decision',
  retention: 'Retention',
};

export const PHASE_COLORS: Record<ThemeMode, Record<Phase, string>> = {
  light: { orientation: '#8392a7', consideration: '#d99a1a', decision: '#dd5f33', retention: '#7656c4' },
  dark: { orientation: '#7d8ca1', consideration: '#e6b03e', decision: '#f07a4f', retention: '#9d82e3' },
};

export function phaseColor(phase: Phase, mode: ThemeMode): string {
  return PHASE_COLORS[mode][phase];
}

export { PHASES };
export type { Phase };

/** The score band a score falls in (retention is behavioural and never a score band). */
export function scorePhase(score: number, thresholds: { consideration: number; decision: number }): Exclude<Phase, 'retention'> {
  if (score >= thresholds.decision) return 'decision';
  if (score >= thresholds.consideration) return 'consideration';
  return 'orientation';
}
