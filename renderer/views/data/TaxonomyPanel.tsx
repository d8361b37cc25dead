// The page taxonomy editor: the workspace's URL pattern → page category rules, a live URL tester,
// and Save (which re-categorises the page views already imported) or Discard.
import { useEffect, useMemo, useRef, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { taxonomyDirty } from '../../store/taxonomySlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { plural } from '../../lib/format.ts';
import {
  categorySuggestions,
  draftWarning,
  matchUrl,
  testableRules,
  validateDraft,
  validateDrafts,
  type RuleProblems,
  type TaxonomyDraft,
  type UrlMatch,
} from '../../lib/taxonomy.ts';
import { TaxonomyRow } from './TaxonomyRow.tsx';
import { TaxonomyTester } from './TaxonomyTester.tsx';

// Drafts are immutable: an unchanged row keeps its problems object, so its memoised row skips rendering.
const problemsCache = new WeakMap<TaxonomyDraft, RuleProblems>();
function problemsOf(d: TaxonomyDraft): RuleProblems {
  let p = problemsCache.get(d);
  if (!p) {
    p = validateDraft(d);
    problemsCache.set(d, p);
  }
  return p;
}

/** The tester's answer with rule positions mapped back to rows. */
function testUrl(drafts: readonly TaxonomyDraft[], url: string): UrlMatch | null {
  if (!url.trim()) return null;
  const { rules, indexes } = testableRules(drafts);
  const m = matchUrl(rules, url);
  return { ...m, index: m.index === null ? null : indexes[m.index]!, skipped: m.skipped.map((i) => indexes[i]!) };
}

function SaveBar({ dirty, invalidRows, listProblem }: { dirty: boolean; invalidRows: number; listProblem: string | null }) {
  const saving = useApp((s) => s.taxonomySaving);
  const save = useApp((s) => s.saveTaxonomy);
  const discard = useApp((s) => s.discardTaxonomyChanges);
  const blocked = invalidRows > 0 || listProblem !== null;
  return (
    <>
      {blocked ? (
        <span className="danger-text taxonomy-blocked" role="status" data-testid="taxonomy-blocked">
          <Icon name="alert" size={13} /> {listProblem ?? `Fix ${plural(invalidRows, 'row')} to save`}
        </span>
      ) : dirty ? (
        <span className="badge warning" data-testid="taxonomy-dirty">
          <span className="unsaved-dot" /> Unsaved changes
        </span>
      ) : null}
      <button type="button" className="btn" onClick={discard} disabled={!dirty || saving} data-testid="taxonomy-discard">
        <Icon name="undo" size={13} /> Discard changes
      </button>
      <button
        type="button"
        className="btn primary"
        onClick={() => void save()}
        disabled={!dirty || blocked || saving}
        title="Save the rules and re-categorise the page views already imported"
        data-testid="taxonomy-save"
      >
        {saving ? <span className="spinner" /> : <Icon name="check" size={14} />} {saving ? 'Saving…' : 'Save'}
      </button>
    </>
  );
}

function RulesTable({ drafts, matchedRow, readonly }: { drafts: TaxonomyDraft[]; matchedRow: number | null; readonly: boolean }) {
  const edit = useApp((s) => s.editTaxonomyRule);
  const remove = useApp((s) => s.removeTaxonomyRule);
  const saving = useApp((s) => s.taxonomySaving);
  return (
    <table className="data-table taxonomy-table">
      <colgroup>
        <col className="taxonomy-col-n" />
        <col className="taxonomy-col-priority" />
        <col className="taxonomy-col-match" />
        <col />
        <col className="taxonomy-col-category" />
        <col className="taxonomy-col-delete" />
      </colgroup>
      <thead>
        <tr>
          <th className="taxonomy-n" title="Position in the list: breaks ties between equal priorities">
            #
          </th>
          <th className="taxonomy-h-number" title="Rules are tried from the lowest priority number up; ties go to the row higher in the list">
            Priority
          </th>
          <th className="taxonomy-h-field taxonomy-h-match">Match</th>
          <th className="taxonomy-h-field" title="Matched against the URL's path, lowercased, without scheme, host, query or fragment">
            Pattern
          </th>
          <th className="taxonomy-h-field">Category</th>
          <th>
            <span className="visually-hidden">Delete</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {drafts.map((d, i) => (
          <TaxonomyRow
            key={d.id}
            draft={d}
            index={i}
            problems={problemsOf(d)}
            warning={draftWarning(d)}
            matched={matchedRow === i}
            disabled={readonly || saving}
            onEdit={edit}
            onRemove={remove}
          />
        ))}
      </tbody>
    </table>
  );
}

export function TaxonomyPanel() {
    const drafts = useApp((s) => s.taxonomyDraft);
  const loading = useApp((s) => s.taxonomyLoading);
  const error = useApp((s) => s.taxonomyError);
  const dirty = useApp(taxonomyDirty);
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const load = useApp((s) => s.loadTaxonomy);
  const add = useApp((s) => s.addTaxonomyRule);
  const save = useApp((s) => s.saveTaxonomy);
  const focusId = useApp((s) => s.taxonomyFocusId);
  const focused = useApp((s) => s.taxonomyFocused);
  const [url, setUrl] = useState('');
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void load();
  }, [load]);

  // "Add rule" puts the cursor in the new row's pattern.
  useEffect(() => {
    if (focusId === null) return;
    const input = panel.current?.querySelector<HTMLInputElement>(`[data-draft-id="${focusId}"] [data-testid="taxonomy-pattern"]`);
    if (input) {
      input.focus();
      input.scrollIntoView({ block: 'nearest' });
    }
    focused();
  }, [focusId, focused]);

  const validation = useMemo(() => (drafts ? validateDrafts(drafts) : null), [drafts]);
  const result = useMemo(() => (drafts ? testUrl(drafts, url) : null), [drafts, url]);
  const suggestions = useMemo(() => categorySuggestions(drafts ?? []), [drafts]);
  const matchedRow = result?.index ?? null;

  // Keep the deciding row in sight while the analyst types a URL.
  useEffect(() => {
    if (matchedRow === null) return;
    panel.current?.querySelector('.taxonomy-row.matched')?.scrollIntoView({ block: 'nearest' });
  }, [matchedRow]);

  const canEdit = !readonly && drafts !== null;

  return (
    <div
      className={`taxonomy-panel${readonly ? ' readonly' : ''}`}
      data-testid="taxonomy-panel"
      ref={panel}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && !e.altKey && !e.shiftKey && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
    >
      <div className="toolbar taxonomy-toolbar" role="toolbar" aria-label="Page taxonomy">
        <button type="button" className="btn" onClick={add} disabled={!canEdit} data-testid="taxonomy-add">
          <Icon name="plus" size={14} /> Add rule
        </button>
        {drafts ? <span className="muted num taxonomy-count">{plural(drafts.length, 'rule')}</span> : null}
        <span className="spacer" />
        <button type="button" className="btn small ghost" onClick={() => void load(true)} disabled={loading || dirty} title={dirty ? 'Save or discard your changes first' : 'Read the rules again'}>
          <Icon name="refresh" size={13} /> Reload
        </button>
        {readonly ? null : <SaveBar dirty={dirty} invalidRows={validation?.invalidRows ?? 0} listProblem={validation?.list ?? null} />}
      </div>
      {readonly ? (
        <div className="import-alert info taxonomy-note" data-testid="taxonomy-readonly">
          <Icon name="lock" size={16} />
          <p>This workspace is read-only: the rules can be read and tested here, but not changed.</p>
        </div>
      ) : null}
      {error && !drafts ? (
        <div className="import-alert error taxonomy-note" role="alert">
          <Icon name="alert" size={16} />
          <p>{error}</p>
        </div>
      ) : null}
      <TaxonomyTester url={url} onUrl={setUrl} result={result} dirty={dirty} />
      <datalist id="taxonomy-categories">
        {suggestions.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      {drafts === null ? (
        loading ? (
          <div className="imports-loading muted" role="status">
            <span className="spinner" /> Reading the page taxonomy…
          </div>
        ) : null
      ) : drafts.length === 0 ? (
        <div className="imports-empty">
          <EmptyState
            icon="rules"
            title={dirty ? 'All rules deleted' : 'No page taxonomy rules'}
            testId="taxonomy-empty"
            actions={
              canEdit ? (
                <button type="button" className="btn primary" onClick={add} data-testid="taxonomy-add-first">
                  <Icon name="plus" size={14} /> Add a rule
                </button>
              ) : null
            }
          >
            <p>
              Without rules, imported page views get no page category, so signals such as visits to pricing or returns pages stay at zero. Add a rule for each kind of page
              to tell apart: a pattern for its URLs and the category it stands for.
            </p>
            {dirty ? <p>Save to keep the taxonomy empty, or Discard changes to bring the rules back.</p> : null}
          </EmptyState>
        </div>
      ) : (
        <div className="taxonomy-scroll">
          <RulesTable drafts={drafts} matchedRow={matchedRow} readonly={readonly} />
          <p className="faint taxonomy-footnote">
            Each page view gets the category of the first rule that matches its URL&apos;s path: the lowest priority number first, and among equal priorities the row
            higher in the list. Saving re-categorises the page views already imported.
          </p>
        </div>
      )}
    </div>
  );
}
