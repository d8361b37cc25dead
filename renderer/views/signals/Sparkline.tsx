// A signal's distribution as a tiny inline SVG (one path): cheap for every catalogue row.
import { memo, useMemo } from 'react';
import type { SignalSummary } from '../../../core/api/contract.ts';
import { formatInt } from '../../lib/format.ts';
import { rangeText, shortNumber, sparkBarsPath } from './sparkline.ts';

const W = 64;
const H = 20;

function describe(s: SignalSummary, customers: number): string {
  const known = customers - s.missing;
  const top = s.histogram.edges[s.histogram.edges.length - 1];
  // Core cuts the bars of a long-tailed signal at its 99th percentile; the last bar holds the tail.
  const clipped = top !== undefined && s.max !== null && top < s.max;
  return [
    `${formatInt(known)} known values: ${rangeText(s.min, s.max)}`,
    clipped ? `bars up to the 99th percentile (${shortNumber(top)})` : null,
    s.median !== null ? `median ${shortNumber(s.median)}, mean ${shortNumber(s.mean ?? NaN)}` : null,
    `${Math.round(s.nonZeroShare * 100)}% non-zero`,
  ]
    .filter(Boolean)
    .join(' · ');
}

export const Sparkline = memo(function Sparkline({ summary, customers }: { summary: SignalSummary | undefined; customers: number }) {
  const d = useMemo(() => (summary ? sparkBarsPath(summary.histogram.counts, W, H) : ''), [summary]);
  if (!summary) return <span className="sig-spark sig-spark-empty" aria-hidden="true" />;
  const label = describe(summary, customers);
  return (
    <svg className="sig-spark" width={W} height={H} viewBox={`0 0 ${W} ${H}`} preserveAspectRatio="none" role="img" aria-label={label} data-testid="signal-spark">
      <title>{label}</title>
      <line x1={0} x2={W} y1={H - 0.5} y2={H - 0.5} className="sig-spark-base" />
      <path d={d} />
    </svg>
  );
});
