// The saved rule segments: name, description, version and member count (as of the signals' date,
// counted lazily one after another), the one being edited highlighted; new, duplicate, delete.
import { useEffect, useState } from 'react';
import type { SavedSegment } from '../../../../core/api/contract.ts';
import { useApp } from '../../../store/index.ts';
import { draftDirty } from '../../../store/rulesSlice.ts';
import { Icon } from '../../../components/Icon.tsx';
import { Menu, type MenuEntry } from '../../../components/Menu.tsx';
import { Dialog } from '../../../components/Dialog.tsx';
import { DecisionBadge } from '../../../components/DecisionBadge.tsx';
import { formatInt } from '../../../lib/format.ts';
import { shareText } from './ruleDisplay.ts';
import { RULE_TEMPLATES } from './ruleTemplates.ts';

export function newSegmentEntries(start: (templateId: string | null) => void): MenuEntry[] {
  return [
    { kind: 'item', label: 'Empty rule', icon: 'plus', onSelect: () => start(null), testId: 'rule-new-empty' },
    { kind: 'label', text: 'From a template' },
    ...RULE_TEMPLATES.map((t): MenuEntry => ({ kind: 'item', label: t.title, title: t.summary, onSelect: () => start(t.id), testId: `rule-new-${t.id}` })),
  ];
}

function SegmentCountText({ seg }: { seg: SavedSegment }) {
  const c = useApp((s) => s.rulesSegmentCounts[seg.segmentId]);
  if (!c || c.version !== seg.version) return <span className="faint rb-seg-count" aria-label="Counting">…</span>;
  if (c.error || c.count === null) {
    return (
      <span className="faint rb-seg-count" title={c.error ?? undefined}>
        —
      </span>
    );
  }
  return (
    <span className="num rb-seg-count" data-testid="segment-count" data-count={c.count} title={`${formatInt(c.count)} customers as of ${c.asOf}`}>
      {formatInt(c.count)}
      {c.customers ? <span className="faint"> · {shareText(c.count, c.customers)}</span> : null}
    </span>
  );
}

function DeleteDialog({ seg, onClose }: { seg: SavedSegment; onClose: () => void }) {
  const del = useApp((s) => s.deleteRuleSegment);
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  return (
    <Dialog
      title={`Delete “${seg.name}”?`}
      onCancel={busy ? undefined : onClose}
      testId="rule-delete-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={onClose} disabled={busy}>
            {refusal ? 'Close' : 'Cancel'}
          </button>
          {refusal ? null : (
            <button
              type="button"
              className="btn danger-solid"
              disabled={busy}
              data-testid="rule-delete-confirm"
              onClick={() => {
                setBusy(true);
                void del(seg.segmentId).then((err) => {
                  setBusy(false);
                  if (err) setRefusal(err);
                  else onClose();
                });
              }}
            >
              {busy ? <span className="spinner" /> : <Icon name="trash" size={14} />} Delete
            </button>
          )}
        </>
      }
    >
      {refusal ? (
        <p className="rb-inline-error" role="alert" data-testid="rule-delete-refused">
          <Icon name="alert" size={14} /> {refusal}
        </p>
      ) : (
        <p>
          The segment and all its versions are removed from the workspace. Segments whose rules refer to it must be changed first.
        </p>
      )}
    </Dialog>
  );
}

function SegmentItem({ seg, selected, dirty, onDelete }: { seg: SavedSegment; selected: boolean; dirty: boolean; onDelete: () => void }) {
  const select = useApp((s) => s.selectRuleSegment);
  const duplicate = useApp((s) => s.duplicateRuleSegment);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  return (
    <li className={`rb-seg-item${selected ? ' selected' : ''}`} data-testid="segment-item" data-segment-id={seg.segmentId} data-name={seg.name}>
      <button type="button" className="rb-seg-main" onClick={() => select(seg.segmentId)} aria-current={selected ? 'true' : undefined} data-testid="segment-open">
        <span className="rb-seg-title">
          <span className="rb-seg-name-text">{seg.name}</span>
          {dirty ? <span className="unsaved-dot" title="Unsaved changes" aria-label="Unsaved changes" /> : null}
          <DecisionBadge segmentation={{ kind: 'segment', segmentId: seg.segmentId }} segmentKey="in" compact />
        </span>
        {seg.description ? <span className="rb-seg-desc faint">{seg.description}</span> : null}
        <span className="rb-seg-meta">
          <SegmentCountText seg={seg} />
          <span className="faint">v{seg.version}</span>
        </span>
      </button>
      <Menu
        label={<Icon name="more" size={14} />}
        buttonClassName="btn ghost small icon-only rb-seg-more"
        ariaLabel={`Actions for ${seg.name}`}
        buttonTestId="segment-more"
        align="right"
        entries={[
          { kind: 'item', label: 'Duplicate', icon: 'copy', onSelect: () => duplicate(seg.segmentId), testId: 'segment-duplicate' },
          { kind: 'item', label: 'Delete…', icon: 'trash', onSelect: onDelete, disabled: readonly, testId: 'segment-delete' },
        ]}
      />
    </li>
  );
}

export function SegmentList() {
  const segments = useApp((s) => s.rulesSegments);
  const loaded = useApp((s) => s.rulesSegmentsLoaded);
  const loading = useApp((s) => s.rulesSegmentsLoading);
  const error = useApp((s) => s.rulesSegmentsError);
  const reload = useApp((s) => s.loadRuleSegments);
  const draft = useApp((s) => s.rulesDraft);
  const dirty = useApp(draftDirty);
  const start = useApp((s) => s.newRuleDraft);
  const count = useApp((s) => s.countRuleSegments);
  const [deleting, setDeleting] = useState<SavedSegment | null>(null);

  // Counts are made lazily, one segment after another, once the list is on screen.
  useEffect(() => {
    if (loaded && segments.length) count();
  }, [loaded, segments, count]);

  return (
    <aside className="vp-setup rb-list" aria-label="Saved segments" data-testid="segment-list">
      <div className="rb-list-head">
        <h3>Segments</h3>
        <span className="badge num">{segments.length}</span>
        <span className="spacer" />
        <Menu
          label={
            <>
              <Icon name="plus" size={13} /> New
            </>
          }
          entries={newSegmentEntries(start)}
          buttonClassName="btn small"
          buttonTestId="rule-new"
          align="right"
          ariaLabel="New segment"
        />
      </div>
      <ul className="rb-seg-items">
        {draft && draft.segmentId === null ? (
          <li className="rb-seg-item selected new" data-testid="segment-item-new">
            <div className="rb-seg-main">
              <span className="rb-seg-title">
                <span className="rb-seg-name-text">{draft.name.trim() || 'New segment'}</span>
                <span className="unsaved-dot" title="Not saved yet" aria-label="Not saved yet" />
              </span>
              <span className="rb-seg-meta faint">not saved yet</span>
            </div>
          </li>
        ) : null}
        {segments.map((seg) => (
          <SegmentItem key={seg.segmentId} seg={seg} selected={draft?.segmentId === seg.segmentId} dirty={draft?.segmentId === seg.segmentId && dirty} onDelete={() => setDeleting(seg)} />
        ))}
      </ul>
      {loading && !loaded ? (
        <p className="muted rb-list-note">
          <span className="spinner" /> Loading…
        </p>
      ) : null}
      {error ? (
        <div className="rb-list-note rb-inline-error" role="alert">
          <Icon name="alert" size={13} /> {error}{' '}
          <button type="button" className="btn small" onClick={() => void reload()}>
            Try again
          </button>
        </div>
      ) : null}
      {loaded && segments.length === 0 && !draft ? <p className="faint rb-list-note">No saved segments yet.</p> : null}
      {segments.length ? <p className="faint rb-list-note rb-list-foot">Counts as of the signals' date.</p> : null}
      {deleting ? <DeleteDialog seg={deleting} onClose={() => setDeleting(null)} /> : null}
    </aside>
  );
}
