// Event occurrence: "did purchase at least 1 times in the last 30 days", with optional filters
// on the events ("where product is X") and what is counted (times, amount, distinct days).
// Event types are offered from the data (with how many of the newest events each has) and the
// canonical list; text filters suggest the values seen for the chosen event types.
import { useEffect, useState } from 'react';
import type { EventCondition, EventFilter, EventWindow } from '../../../../core/api/contract.ts';
import { EVENT_NUMBER_FIELDS, EVENT_TEXT_FIELDS } from '../../../../core/api/contract.ts';
import { Icon } from '../../../components/Icon.tsx';
import { eventTypeStyle } from '../../../lib/eventTypes.ts';
import { addDays } from '../../../lib/isoDay.ts';
import { useApp } from '../../../store/index.ts';
import type { RuleIssue } from './ruleValidation.ts';
import { fieldIssue } from './ruleValidation.ts';
import { EVENT_FIELD_LABELS, eventTypeLabel, isNumberField, listOp, measureOptions, noValueOp, WINDOW_LABELS } from './ruleDisplay.ts';
import { NumInput, Select, Word } from './fields.tsx';
import { SuggestListInput, SuggestTextInput } from './SuggestInput.tsx';
import { countedLabel, eventsRead, eventTypeOptions, type SuggestField } from './suggestions.ts';
import { useEventTypeCounts, useEventValueSource } from './useSuggestions.ts';
import { useNodeEdit } from './useNodeEdit.ts';
import { boundMode, withBoundMode, type BoundMode, type NodePath } from './ruleTree.ts';
import { NUMBER_OP_OPTIONS, withNumberOp } from './SignalEditor.tsx';
import { TEXT_OP_OPTIONS, withTextOp } from './AttributeEditor.tsx';

const DID_OPTIONS = [
  { value: 'did', label: 'did' },
  { value: 'did-not', label: 'did not' },
] as const;
const BOUND_OPTIONS: Array<{ value: BoundMode; label: string }> = [
  { value: 'at-least', label: 'at least' },
  { value: 'at-most', label: 'at most' },
  { value: 'between', label: 'between' },
];
const WINDOW_OPTIONS = (Object.keys(WINDOW_LABELS) as Array<EventWindow['kind']>).map((k) => ({ value: k, label: WINDOW_LABELS[k] }));
const FILTER_FIELDS = [...EVENT_TEXT_FIELDS, ...EVENT_NUMBER_FIELDS].map((f) => ({ value: f, label: EVENT_FIELD_LABELS[f] }));
const OTHER = '__other__';

/** A window of the given kind, keeping the dates around the as-of date sensible. */
export function windowOfKind(kind: EventWindow['kind'], current: EventWindow, asOf: string | null): EventWindow {
  if (kind === current.kind) return current;
  switch (kind) {
    case 'all':
      return { kind: 'all' };
    case 'month-to-date':
      return { kind: 'month-to-date' };
    case 'last':
      return { kind: 'last', days: 30 };
    case 'between': {
      const end = asOf ? addDays(asOf, -1) : '';
      return { kind: 'between', from: end ? addDays(end, -29) : '', to: end };
    }
  }
}

export function newFilter(field: EventFilter['field']): EventFilter {
  return isNumberField(field) ? ({ field, op: 'gte' } as EventFilter) : ({ field, op: 'is' } as EventFilter);
}

function TypePicker({ types, onChange, problem }: { types: string[]; onChange: (types: string[]) => void; problem: string | undefined }) {
  const [other, setOther] = useState<string | null>(null);
  const counts = useEventTypeCounts();
  const total = useApp((s) => s.workspace?.events ?? null);
  const load = useApp((s) => s.loadRuleFieldValues);
  useEffect(() => {
    if (!counts) load('type');
  }, [counts, load]);
  const offer = eventTypeOptions(counts?.values ?? null, types);
  const add = (t: string) => {
    const type = t.trim();
    if (type && !types.includes(type)) onChange([...types, type]);
  };
  return (
    <span className={`rb-types${problem ? ' invalid' : ''}`} title={problem} data-testid="cond-types">
      {types.map((t) => (
        <span key={t} className="rb-chip" data-testid="cond-type" data-type={t}>
          <span className="rb-chip-dot" style={{ background: eventTypeStyle(t).color }} aria-hidden="true" />
          {eventTypeLabel(t)}
          <button type="button" className="rb-chip-x" onClick={() => onChange(types.filter((x) => x !== t))} aria-label={`Remove ${eventTypeLabel(t)}`} data-testid="cond-type-remove">
            <Icon name="x" size={11} />
          </button>
        </span>
      ))}
      {other !== null ? (
        <input
          className="input rb-text rb-other-type"
          value={other}
          autoFocus
          placeholder="event type"
          aria-label="Other event type"
          data-testid="cond-type-other"
          onChange={(e) => setOther(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              add(other);
              setOther(null);
            }
            if (e.key === 'Escape') setOther(null);
          }}
          onBlur={() => {
            add(other);
            setOther(null);
          }}
        />
      ) : (
        <select
          className="select rb-select rb-add-type"
          value=""
          aria-label="Add an event type"
          aria-invalid={problem ? true : undefined}
          data-testid="cond-type-add"
          onChange={(e) => {
            if (e.target.value === OTHER) setOther('');
            else add(e.target.value);
          }}
        >
          <option value="">{types.length ? '+ or…' : 'choose event…'}</option>
          {offer.seen.length ? (
            <optgroup label={`In ${eventsRead(counts?.scanned ?? 0, total)}`} data-testid="cond-type-seen">
              {offer.seen.map((t) => (
                <option key={t.value} value={t.value} data-count={t.count}>
                  {countedLabel(eventTypeLabel(t.value), t.count)}
                </option>
              ))}
            </optgroup>
          ) : null}
          {offer.others.length ? (
            <optgroup label={offer.seen.length || counts?.values ? 'Not in the newest events' : 'Event types'}>
              {offer.others.map((t) => (
                <option key={t} value={t}>
                  {eventTypeLabel(t)}
                </option>
              ))}
            </optgroup>
          ) : null}
          <option value={OTHER}>other type…</option>
        </select>
      )}
    </span>
  );
}

interface FilterRowProps {
  filter: EventFilter;
  index: number;
  /** The condition's event types: the values suggested are theirs. */
  types: readonly string[];
  issues: RuleIssue[] | undefined;
  edit: (change: (n: EventCondition) => EventCondition) => void;
}

function FilterRow({ filter, index, types, issues, edit }: FilterRowProps) {
  const setFilter = (change: (f: EventFilter) => EventFilter) => edit((n) => ({ ...n, filters: n.filters.map((f, i) => (i === index ? change(f) : f)) }));
  const p = (field: string) => fieldIssue(issues, `filters.${index}.${field}`);
  const numeric = isNumberField(filter.field);
  // Number fields suggest nothing; the hook still runs (hooks run every render) on a text field's key.
  const source = useEventValueSource((numeric ? 'product' : filter.field) as SuggestField, types);
  return (
    <div className="rb-filter" data-testid="cond-filter">
      <Word>{index === 0 ? 'where' : 'and'}</Word>
      <Select value={filter.field} options={FILTER_FIELDS} onChange={(field) => setFilter((f) => (isNumberField(field) === isNumberField(f.field) ? ({ ...f, field } as EventFilter) : newFilter(field)))} label="Event field" testId="filter-field" />
      {numeric ? (
        <>
          <Select value={filter.op as (typeof NUMBER_OP_OPTIONS)[number]['value']} options={NUMBER_OP_OPTIONS} onChange={(op) => setFilter((f) => withNumberOp(f as never, op))} label="Comparison" testId="filter-op" className="rb-op" />
          {noValueOp(filter.op) ? null : (
            <>
              <NumInput value={filter.value as number | undefined} onChange={(value) => setFilter((f) => ({ ...f, value }) as EventFilter)} label="Value" problem={p('value')} testId="filter-value" />
              {filter.op === 'between' ? (
                <>
                  <Word>and</Word>
                  <NumInput value={(filter as { max?: number }).max} onChange={(max) => setFilter((f) => ({ ...f, max }) as EventFilter)} label="Upper bound" problem={p('max')} testId="filter-max" />
                </>
              ) : null}
            </>
          )}
        </>
      ) : (
        <>
          <Select value={filter.op as (typeof TEXT_OP_OPTIONS)[number]['value']} options={TEXT_OP_OPTIONS} onChange={(op) => setFilter((f) => withTextOp(f as never, op))} label="Test" testId="filter-op" className="rb-op" />
          {noValueOp(filter.op) ? null : listOp(filter.op) ? (
            <SuggestListInput
              values={(filter as { values?: string[] }).values}
              onChange={(values) => setFilter((f) => ({ ...f, values }) as EventFilter)}
              source={source}
              label={`${EVENT_FIELD_LABELS[filter.field]} values`}
              problem={p('values')}
              testId="filter-values"
            />
          ) : (
            <SuggestTextInput
              value={filter.value as string | undefined}
              onChange={(value) => setFilter((f) => ({ ...f, value }) as EventFilter)}
              source={source}
              label={EVENT_FIELD_LABELS[filter.field]}
              problem={p('value')}
              testId="filter-value"
            />
          )}
        </>
      )}
      <button
        type="button"
        className="btn ghost small icon-only"
        onClick={() => edit((n) => ({ ...n, filters: n.filters.filter((_, i) => i !== index) }))}
        aria-label="Remove this filter"
        title="Remove this filter"
        data-testid="filter-remove"
      >
        <Icon name="x" size={13} />
      </button>
    </div>
  );
}

export function EventEditor({ node, path, issues }: { node: EventCondition; path: NodePath; issues: RuleIssue[] | undefined }) {
  const edit = useNodeEdit<EventCondition>(path);
  const asOf = useApp((s) => s.rulesAsOf ?? s.rulesEval?.asOf ?? s.rulesSignalsAsOf);
  const mode = boundMode(node);
  const w = node.window;
  const step = node.measure === 'amount' ? undefined : 1;
  return (
    <div className="rb-event">
      <div className="rb-fields">
        <span className="rb-field-group">
          <Select value={node.did ? 'did' : 'did-not'} options={DID_OPTIONS} onChange={(v) => edit((n) => ({ ...n, did: v === 'did' }))} label="Did or did not" testId="cond-did" className="rb-did" />
          <TypePicker types={node.types} onChange={(types) => edit((n) => ({ ...n, types }))} problem={fieldIssue(issues, 'types')} />
        </span>
        <span className="rb-field-group">
          <Select value={mode} options={BOUND_OPTIONS} onChange={(m) => edit((n) => withBoundMode(n, m))} label="Bound" testId="cond-bound" className="rb-bound" />
          {mode !== 'at-most' ? (
            <NumInput value={node.atLeast} onChange={(atLeast) => edit((n) => ({ ...n, atLeast }))} label="At least" problem={fieldIssue(issues, 'atLeast')} testId="cond-at-least" min={0} step={step} />
          ) : null}
          {mode === 'between' ? <Word>and</Word> : null}
          {mode !== 'at-least' ? (
            <NumInput value={node.atMost} onChange={(atMost) => edit((n) => ({ ...n, atMost }))} label="At most" problem={fieldIssue(issues, 'atMost')} testId="cond-at-most" min={0} step={step} />
          ) : null}
          <Select value={node.measure} options={measureOptions(mode === 'at-least' ? node.atLeast : node.atMost)} onChange={(measure) => edit((n) => ({ ...n, measure }))} label="What is counted" testId="cond-measure" className="rb-measure" />
        </span>
        <span className="rb-field-group">
          <Select value={w.kind} options={WINDOW_OPTIONS} onChange={(kind) => edit((n) => ({ ...n, window: windowOfKind(kind, n.window, asOf) }))} label="When" testId="cond-window" className="rb-window" />
          {w.kind === 'last' ? (
            <>
              <NumInput
                value={w.days}
                onChange={(days) => edit((n) => ({ ...n, window: { kind: 'last', days: days as number } }))}
                label="Days"
                problem={fieldIssue(issues, 'window.days')}
                testId="cond-window-days"
                min={1}
                step={1}
              />
              <Word>days</Word>
            </>
          ) : null}
          {w.kind === 'between' ? (
            <>
              <input
                type="date"
                className="input rb-date"
                value={w.from}
                aria-label="First day"
                aria-invalid={fieldIssue(issues, 'window.from') ? true : undefined}
                title={fieldIssue(issues, 'window.from') ?? 'First day (inclusive)'}
                data-testid="cond-window-from"
                onChange={(e) => edit((n) => ({ ...n, window: { ...(n.window as Extract<EventWindow, { kind: 'between' }>), from: e.target.value } }))}
              />
              <Word>and</Word>
              <input
                type="date"
                className="input rb-date"
                value={w.to}
                aria-label="Last day"
                aria-invalid={fieldIssue(issues, 'window.to') ? true : undefined}
                title={fieldIssue(issues, 'window.to') ?? 'Last day (inclusive)'}
                data-testid="cond-window-to"
                onChange={(e) => edit((n) => ({ ...n, window: { ...(n.window as Extract<EventWindow, { kind: 'between' }>), to: e.target.value } }))}
              />
            </>
          ) : null}
        </span>
      </div>
      {node.filters.map((f, i) => (
        <FilterRow key={i} filter={f} index={i} types={node.types} issues={issues} edit={edit} />
      ))}
      {node.filters.length < 20 ? (
        <button type="button" className="btn ghost small rb-add-filter" onClick={() => edit((n) => ({ ...n, filters: [...n.filters, newFilter('product')] }))} data-testid="cond-add-filter">
          <Icon name="filter" size={12} /> Filter the events
        </button>
      ) : null}
    </div>
  );
}
