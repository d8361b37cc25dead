// The view's title bar: what the table on screen is, and the exclusion list export (first-class:
// it is what the decisions are for).
import { useApp } from '../../store/index.ts';
import { formatDuration, formatInt, plural } from '../../lib/format.ts';
import { ExclusionExport } from './ExclusionExport.tsx';

export function EconomicsHeader() {
  const t = useApp((s) => s.economicsTable);
  const hasWorkspace = useApp((s) => (s.workspace?.events ?? 0) > 0);
  const status = t
    ? `${t.label}: ${plural(t.segments.length, 'segment')}, ${formatInt(t.all.customers)} customers as of ${t.asOf} · computed in ${formatDuration(t.computedMs)}`
    : null;
  return (
    <div className="toolbar vp-header" role="toolbar" aria-label="Economics">
      <h2 className="vp-title">Economics</h2>
      {status ? (
        <span className="vp-status muted" data-testid="economics-status" title={status}>
          {status}
        </span>
      ) : (
        <span className="spacer" />
      )}
      {hasWorkspace ? <ExclusionExport /> : null}
    </div>
  );
}
