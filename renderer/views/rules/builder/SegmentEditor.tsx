// Membership of another segmentation: "in cluster 2 or 3 of the newest model", "in the decision
// phase", "in saved segment X". The segments and their sizes come from core per segmentation.
import { useEffect } from 'react';
import type { SegmentCondition } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { segmentationInfoKey } from '../../../store/rulesSlice.ts';
import { formatInt } from '../../../lib/format.ts';
import type { RuleIssue } from './ruleValidation.ts';
import { fieldIssue } from './ruleValidation.ts';
import { refKey } from '../../../lib/segmentationOptions.ts';
import { parseRefKey } from './ruleDisplay.ts';
import { Word } from './fields.tsx';
import { useNodeEdit } from './useNodeEdit.ts';
import type { NodePath } from './ruleTree.ts';

export function SegmentEditor({ node, path, issues }: { node: SegmentCondition; path: NodePath; issues: RuleIssue[] | undefined }) {
  const edit = useNodeEdit<SegmentCondition>(path);
  const options = useApp((s) => s.rulesSegmentations);
  const optionsError = useApp((s) => s.rulesSegmentationsError);
  const ownId = useApp((s) => s.rulesDraft?.segmentId ?? null);
  const key = refKey(node.segmentation);
  const asOf = useApp((s) => s.rulesAsOf);
  const entry = useApp((s) => s.rulesSegmentationInfo[segmentationInfoKey(node.segmentation, asOf)]);
  const load = useApp((s) => s.loadSegmentationInfo);
  const segmentation = node.segmentation;
  useEffect(() => {
    load(segmentation);
  }, [load, key, segmentation, asOf]);

  const known = options?.some((o) => refKey(o.ref) === key);
  const problem = fieldIssue(issues, 'segments');
  const chosen = new Set(node.segments);
  const info = entry?.info;
  return (
    <div className="rb-segment">
      <div className="rb-fields">
        <Word>is in</Word>
        <select
          className="select rb-select rb-segmentation"
          value={key}
          aria-label="Segmentation"
          title={optionsError ?? 'Segmentation'}
          data-testid="cond-segmentation"
          onChange={(e) => {
            const ref = parseRefKey(e.target.value);
            if (ref) edit((n) => ({ ...n, segmentation: ref, segments: [] }));
          }}
        >
          {known ? null : <option value={key}>{options ? `${key} (not available)` : key}</option>}
          {(options ?? []).map((o) => {
            // A rule may not depend on itself; the priority list includes every saved segment.
            const own = o.ref.kind === 'segment' && o.ref.segmentId === ownId;
            const priority = o.ref.kind === 'rules';
            const why = own ? 'this segment itself' : priority ? 'a rule cannot refer to the priority list' : o.available ? null : o.reason;
            return (
              <option key={refKey(o.ref)} value={refKey(o.ref)} disabled={!o.available || own || priority} title={why ?? o.label}>
                {o.label}
                {why ? ` — ${why}` : ''}
              </option>
            );
          })}
        </select>
        {entry?.loading ? <span className="spinner" aria-label="Loading segments" /> : null}
      </div>
      {entry?.error ? (
        <p className="rb-inline-error" role="alert">
          {entry.error}{' '}
          <button type="button" className="btn small" onClick={() => load(segmentation, true)}>
            Retry
          </button>
        </p>
      ) : null}
      {info ? (
        <div className={`rb-seg-list${problem ? ' invalid' : ''}`} role="group" aria-label={`Segments of ${info.label}`} title={problem} data-testid="cond-segments">
          {info.segments.map((s) => (
            <label key={s.key} className={`rb-seg-chip${chosen.has(s.key) ? ' on' : ''}`} data-testid="cond-segment" data-key={s.key}>
              <input
                type="checkbox"
                checked={chosen.has(s.key)}
                onChange={(e) => edit((n) => ({ ...n, segments: e.target.checked ? [...n.segments.filter((k) => k !== s.key), s.key] : n.segments.filter((k) => k !== s.key) }))}
              />
              {s.colour ? <span className="rb-chip-dot" style={{ background: s.colour }} aria-hidden="true" /> : null}
              <span className="rb-seg-name">{s.name}</span>
              <span className="num faint">{formatInt(s.customers)}</span>
            </label>
          ))}
          {node.segments
            .filter((k) => !info.segments.some((s) => s.key === k))
            .map((k) => (
              <label key={k} className="rb-seg-chip on missing" title="Not a segment of this segmentation now">
                <input type="checkbox" checked onChange={() => edit((n) => ({ ...n, segments: n.segments.filter((x) => x !== k) }))} />
                <span className="rb-seg-name">{k}</span>
              </label>
            ))}
        </div>
      ) : null}
    </div>
  );
}
