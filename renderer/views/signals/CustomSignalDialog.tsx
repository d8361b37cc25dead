// "New signal…": the analyst's own signal from an event filter, an aggregation and a window.
// The form checks what it can; core checks the rest and its message is shown next to the form.
import { useId, useState } from 'react';
import { SIGNAL_AGGREGATIONS, type SignalAggregation } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { EVENT_TYPE_ORDER } from '../../lib/eventTypes.ts';
import { humanize } from '../../lib/format.ts';
import { AGGREGATION_LABELS, describeDraft, draftToSignal, emptyDraft, idFromLabel, type DraftErrors, type SignalDraft } from '../../lib/customSignalForm.ts';

const TEXT_FILTERS: Array<{ key: 'pageCategories' | 'products' | 'categories' | 'channels' | 'campaigns'; label: string; placeholder: string }> = [
  { key: 'pageCategories', label: 'Page categories', placeholder: 'pricing, faq' },
  { key: 'products', label: 'Products', placeholder: 'SKU-1, SKU-2' },
  { key: 'categories', label: 'Product categories', placeholder: 'shoes' },
  { key: 'channels', label: 'Channels', placeholder: 'web, email, sms' },
  { key: 'campaigns', label: 'Campaigns', placeholder: 'spring-sale' },
];

function SignalForm({ draft, setDraft, errors }: { draft: SignalDraft; setDraft: (d: SignalDraft) => void; errors: DraftErrors }) {
  const catalog = useApp((s) => s.catalog ?? []);
  const id = useId();
  const patch = (p: Partial<SignalDraft>) => setDraft({ ...draft, ...p });
  const err = (key: keyof DraftErrors) =>
    errors[key] ? (
      <span className="field-error" id={`${id}-${key}-error`}>
        {errors[key]}
      </span>
    ) : null;
  const perOptions = catalog.filter((s) => s.id !== draft.id);
  return (
    <div className="sig-form">
      <div className="sig-form-grid">
        <div className="field">
          <label htmlFor={`${id}-label`}>Name</label>
          <input
            id={`${id}-label`}
            className="input"
            value={draft.label}
            maxLength={80}
            onChange={(e) => patch({ label: e.target.value, ...(draft.idEdited ? {} : { id: idFromLabel(e.target.value) }) })}
            aria-invalid={Boolean(errors.label)}
            placeholder="Gift card page views (60 d)"
            data-testid="signal-label"
            autoFocus
          />
          {err('label')}
        </div>
        <div className="field">
          <label htmlFor={`${id}-id`}>Id</label>
          <input
            id={`${id}-id`}
            className="input mono"
            value={draft.id}
            maxLength={40}
            onChange={(e) => patch({ id: e.target.value, idEdited: true })}
            aria-invalid={Boolean(errors.id)}
            data-testid="signal-id"
          />
          {err('id') ?? <span className="hint">Used in exports and formulas; lower-case letters, digits and _.</span>}
        </div>
      </div>
      <fieldset className="sig-form-section">
        <legend>Which events</legend>
        <div className="sig-type-chips" role="group" aria-label="Event types">
          {EVENT_TYPE_ORDER.map((t) => {
            const on = draft.types.includes(t);
            return (
              <button
                key={t}
                type="button"
                className={`sig-chip${on ? ' on' : ''}`}
                aria-pressed={on}
                onClick={() => patch({ types: on ? draft.types.filter((x) => x !== t) : [...draft.types, t] })}
                data-testid="signal-type-chip"
                data-type={t}
              >
                {humanize(t)}
              </button>
            );
          })}
        </div>
        <p className="hint faint">No type chosen means every type. Lists below are comma-separated; an empty field does not filter.</p>
        <div className="sig-form-grid">
          <div className="field">
            <label htmlFor={`${id}-url`}>URL contains</label>
            <input id={`${id}-url`} className="input" value={draft.urlContains} onChange={(e) => patch({ urlContains: e.target.value })} placeholder="/gift-cards" data-testid="signal-url" />
          </div>
          {TEXT_FILTERS.map((f) => (
            <div className="field" key={f.key}>
              <label htmlFor={`${id}-${f.key}`}>{f.label}</label>
              <input id={`${id}-${f.key}`} className="input" value={draft[f.key]} onChange={(e) => patch({ [f.key]: e.target.value })} placeholder={f.placeholder} data-testid={`signal-${f.key}`} />
            </div>
          ))}
        </div>
      </fieldset>
      <fieldset className="sig-form-section">
        <legend>How to count them</legend>
        <div className="sig-form-grid">
          <div className="field">
            <label htmlFor={`${id}-agg`}>Aggregation</label>
            <select
              id={`${id}-agg`}
              className="select"
              value={draft.aggregation}
              onChange={(e) => patch({ aggregation: e.target.value as SignalAggregation })}
              data-testid="signal-aggregation"
            >
              {SIGNAL_AGGREGATIONS.map((a) => (
                <option key={a} value={a}>
                  {AGGREGATION_LABELS[a]}
                </option>
              ))}
            </select>
          </div>
          {draft.aggregation === 'rate' ? (
            <div className="field">
              <label htmlFor={`${id}-per`}>Per (divide by)</label>
              <select id={`${id}-per`} className="select" value={draft.per} onChange={(e) => patch({ per: e.target.value })} aria-invalid={Boolean(errors.per)} data-testid="signal-per">
                <option value="">Choose a signal…</option>
                {perOptions.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.label}
                  </option>
                ))}
              </select>
              {err('per')}
            </div>
          ) : null}
          <div className="field">
            <label htmlFor={`${id}-window`}>Window (days)</label>
            <input
              id={`${id}-window`}
              className="input num"
              type="number"
              min={1}
              max={3650}
              value={draft.windowDays}
              onChange={(e) => patch({ windowDays: e.target.value })}
              placeholder="all history"
              aria-invalid={Boolean(errors.windowDays)}
              data-testid="signal-window"
            />
            {err('windowDays') ?? <span className="hint">Days before the as-of date; empty: all history.</span>}
          </div>
          <div className="field">
            <label htmlFor={`${id}-dir`}>Direction</label>
            <select id={`${id}-dir`} className="select" value={draft.direction} onChange={(e) => patch({ direction: e.target.value as SignalDraft['direction'] })} data-testid="signal-direction">
              <option value="auto">Automatic (less is more for “days since”)</option>
              <option value="more">More means more intent</option>
              <option value="less">Less means more intent</option>
            </select>
          </div>
        </div>
        <div className="field">
          <label htmlFor={`${id}-desc`}>Description (optional)</label>
          <input id={`${id}-desc`} className="input" value={draft.description} maxLength={500} onChange={(e) => patch({ description: e.target.value })} placeholder={describeDraft(draft)} />
        </div>
      </fieldset>
      <p className="sig-form-preview" data-testid="signal-preview">
        <Icon name="info" size={14} /> {describeDraft(draft)}
      </p>
    </div>
  );
}

function DialogBody() {
  const close = useApp((s) => s.closeSignalDialog);
  const save = useApp((s) => s.saveSignal);
  const saving = useApp((s) => s.signalSaving);
  const serverError = useApp((s) => s.signalError);
  const [draft, setDraft] = useState<SignalDraft>(emptyDraft);
  const [tried, setTried] = useState(false);
  const { signal, errors } = draftToSignal(draft);
  const submit = () => {
    setTried(true);
    if (signal) void save(signal);
  };
  return (
    <Dialog
      title="New signal"
      onCancel={saving ? undefined : close}
      className="sig-signal-dialog"
      testId="signal-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={close} disabled={saving}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={submit} disabled={saving} data-testid="signal-save">
            {saving ? <span className="spinner" /> : <Icon name="check" size={14} />} Save signal
          </button>
        </>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <SignalForm draft={draft} setDraft={setDraft} errors={tried ? errors : {}} />
        {serverError ? (
          <div className="sig-alert error" role="alert" data-testid="signal-error">
            <Icon name="alert" size={16} />
            <p>{serverError}</p>
          </div>
        ) : null}
        <p className="faint sig-form-note">Saving keeps the signal in this workspace; compute the signals again to use it (its weight starts at 0).</p>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}

export function CustomSignalDialog() {
  const open = useApp((s) => s.signalDialogOpen);
  return open ? <DialogBody /> : null;
}
