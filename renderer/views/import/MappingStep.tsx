// Step 3: what each column means. One row per field the kind of file can fill, with the source
// column chosen for it and example values; then dates (format, day/month order, time zone),
// personal data, numbers, the columns kept as attributes/props, and saved mappings.
import { useState } from 'react';
import type { ColumnMapping, ImportPreview } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import type { ImportWizard } from '../../store/importSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { FIELD_INFO, fieldsForKind, PERSONAL_FIELDS, PERSONAL_POLICY_INFO, timestampField, type PersonalPolicy, type TargetField } from '../../lib/importFields.ts';
import {
  assignColumn,
  columnExamples,
  fieldsOfColumn,
  needsDateChoice,
  requirementLabel,
  setIgnored,
  setPersonalPolicy,
  timestampDetection,
  unmappedColumns,
  validateMapping,
  type MappingIssue,
} from '../../lib/importMapping.ts';
import { ambiguityText, COMMON_TIMEZONES, DATE_FORMAT_LABELS, DATE_FORMATS, dateExample } from '../../lib/importDates.ts';

const NOT_IN_FILE = '';

interface FieldRowProps {
  field: TargetField;
  preview: ImportPreview;
  mapping: ColumnMapping;
  issue: MappingIssue | undefined;
  /** The dates' day/month order is still open: show them as written, not read one way. */
  dateUndecided: boolean;
}

function FieldRow({ field, preview, mapping, issue, dateUndecided }: FieldRowProps) {
  const edit = useApp((s) => s.editMapping);
  const column = mapping.fields[field];
  const info = FIELD_INFO[field];
  const req = requirementLabel(mapping.kind, field);
  const examples = columnExamples(preview, column);
  const isTs = field === timestampField(mapping.kind);
  const id = `map-${field}`;
  return (
    <div className={`map-row${issue ? ' invalid' : ''}${column ? ' mapped' : ''}`}>
      <div className="map-field">
        <label htmlFor={id}>
          {info.label}
          {req ? <span className={`map-req${req === 'required' ? '' : ' one-of'}`}>{req}</span> : null}
        </label>
        {info.hint ? <span className="hint">{info.hint}</span> : null}
      </div>
      <div className="map-source">
        <select
          id={id}
          className="select"
          value={column ?? NOT_IN_FILE}
          aria-invalid={issue ? true : undefined}
          onChange={(e) => edit(assignColumn(mapping, field, e.target.value === NOT_IN_FILE ? null : e.target.value))}
          data-testid={`mapping-field-${field}`}
        >
          <option value={NOT_IN_FILE}>— not in this file —</option>
          {column && !preview.columns.includes(column) ? <option value={column}>{column} (missing)</option> : null}
          {preview.columns.map((c) => {
            const others = fieldsOfColumn(mapping, c).filter((f) => f !== field);
            return (
              <option key={c} value={c}>
                {c}
                {others.length ? ` (also ${others.map((f) => FIELD_INFO[f].label).join(', ')})` : ''}
              </option>
            );
          })}
        </select>
        {issue ? <span className="field-error">{issue.message}</span> : null}
      </div>
      <div className="map-examples mono" title={examples.join('\n')}>
        {examples.length === 0 ? (
          <span className="faint">{column ? 'empty in the first rows' : ''}</span>
        ) : isTs && !dateUndecided ? (
          examples.slice(0, 2).map((v) => (
            <span key={v} className="map-example">
              {v} <span className="faint">→ {dateExample(v, mapping.dateFormat)}</span>
            </span>
          ))
        ) : (
          examples.map((v) => (
            <span key={v} className="map-example">
              {v}
            </span>
          ))
        )}
      </div>
    </div>
  );
}

/** The two readings side by side, so the analyst settles the question where it is asked. */
function DayMonthChoice({ w }: { w: ImportWizard }) {
  const choose = useApp((s) => s.chooseDateFormat);
  const det = timestampDetection(w.preview!, w.mapping!);
  const example = det?.examples.find((v) => dateExample(v, 'dmy') !== dateExample(v, 'mdy')) ?? det?.examples[0] ?? '';
  return (
    <span className="day-month-choice">
      <button type="button" className="btn small" onClick={() => choose('dmy')} data-testid="mapping-date-dmy">
        Day first{example ? ` — ${dateExample(example, 'dmy')}` : ''}
      </button>
      <button type="button" className="btn small" onClick={() => choose('mdy')} data-testid="mapping-date-mdy">
        Month first{example ? ` — ${dateExample(example, 'mdy')}` : ''}
      </button>
    </span>
  );
}

function DatesSection({ w, issues }: { w: ImportWizard; issues: MappingIssue[] }) {
  const edit = useApp((s) => s.editMapping);
  const choose = useApp((s) => s.chooseDateFormat);
  const preview = w.preview!;
  const mapping = w.mapping!;
  const tsField = timestampField(mapping.kind);
  const column = mapping.fields[tsField];
  const det = timestampDetection(preview, mapping);
  const mustChoose = needsDateChoice(preview, mapping, w.dateChosenFor);
  const examples = columnExamples(preview, column, 3);
  const tzIssue = issues.find((i) => i.field === 'timezone');
  return (
    <section className="map-section" aria-labelledby="map-dates">
      <h4 id="map-dates">Dates and times</h4>
      {mustChoose && det ? (
        <div className="import-alert warning" role="alert" data-testid="mapping-date-ambiguous">
          <Icon name="calendar" size={16} />
          <p>
            <strong>{ambiguityText(det.examples)}.</strong> Every value in the first rows fits both orders: choose how this file writes dates — day first or month first.
          </p>
        </div>
      ) : null}
      <div className="map-grid-2">
        <div className="field">
          <label htmlFor="map-date-format">Date format{column ? ` of “${column}”` : ''}</label>
          <select
            id="map-date-format"
            className="select"
            value={mustChoose ? '' : mapping.dateFormat}
            aria-invalid={mustChoose || undefined}
            onChange={(e) => e.target.value && choose(e.target.value as ColumnMapping['dateFormat'])}
            data-testid="mapping-date-format"
          >
            {mustChoose ? (
              <option value="" disabled>
                Choose day first or month first…
              </option>
            ) : null}
            {DATE_FORMATS.filter((f) => !mustChoose || !det || det.candidates.includes(f) || f === 'dmy' || f === 'mdy').map((f) => (
              <option key={f} value={f}>
                {DATE_FORMAT_LABELS[f]}
              </option>
            ))}
          </select>
          {examples.length > 0 && !mustChoose ? (
            <span className="hint" data-testid="mapping-date-example">
              {examples.map((v) => `${v} → ${dateExample(v, mapping.dateFormat)}`).join(' · ')}
            </span>
          ) : null}
          {det && !det.ambiguous && det.format && det.format !== mapping.dateFormat ? (
            <span className="hint warning-text">The first rows look like {DATE_FORMAT_LABELS[det.format].split(' — ')[0]}.</span>
          ) : null}
        </div>
        <div className="field">
          <label htmlFor="map-timezone">Time zone</label>
          <input
            id="map-timezone"
            className="input"
            list="map-timezones"
            value={mapping.timezone}
            spellCheck={false}
            aria-invalid={tzIssue ? true : undefined}
            onChange={(e) => edit({ ...mapping, timezone: e.target.value })}
            data-testid="mapping-timezone"
          />
          <datalist id="map-timezones">
            {COMMON_TIMEZONES.map((z) => (
              <option key={z} value={z} />
            ))}
          </datalist>
          {tzIssue ? <span className="field-error">{tzIssue.message}</span> : <span className="hint">For times written without an offset. UTC, an offset such as +01:00, or a name such as Europe/Berlin.</span>}
        </div>
      </div>
    </section>
  );
}

function PersonalSection({ mapping }: { mapping: ColumnMapping }) {
  const edit = useApp((s) => s.editMapping);
  return (
    <section className="map-section" aria-labelledby="map-personal">
      <h4 id="map-personal">Personal data</h4>
      <div className="map-personal">
        {PERSONAL_FIELDS.map((f) => {
          const mapped = mapping.fields[f];
          const policy = mapping.personal[f];
          return (
            <div key={f} className="field">
              <label htmlFor={`map-personal-${f}`}>
                {FIELD_INFO[f].label} {mapped ? <span className="faint">from “{mapped}”</span> : <span className="faint">— not in this file</span>}
              </label>
              <select id={`map-personal-${f}`} className="select" value={policy} onChange={(e) => edit(setPersonalPolicy(mapping, f, e.target.value as PersonalPolicy))} data-testid={`mapping-personal-${f}`}>
                {(['keep', 'hash', 'drop'] as const).map((p) => (
                  <option key={p} value={p}>
                    {PERSONAL_POLICY_INFO[p].label}
                  </option>
                ))}
              </select>
              <span className="hint">{PERSONAL_POLICY_INFO[policy].text}</span>
            </div>
          );
        })}
      </div>
    </section>
  );
}

function NumbersSection({ preview, mapping }: { preview: ImportPreview; mapping: ColumnMapping }) {
  const edit = useApp((s) => s.editMapping);
  const column = mapping.fields.amount ?? mapping.fields.unit_price;
  const examples = columnExamples(preview, column, 3);
  return (
    <section className="map-section" aria-labelledby="map-numbers">
      <h4 id="map-numbers">Numbers</h4>
      <label className="check">
        <input type="checkbox" checked={mapping.decimalComma ?? false} onChange={(e) => edit({ ...mapping, decimalComma: e.target.checked })} data-testid="mapping-decimal-comma" />
        Decimal comma (1.234,50 means one thousand two hundred thirty-four and a half)
      </label>
      {examples.length > 0 ? <span className="hint mono">{`${column}: ${examples.join(' · ')}`}</span> : null}
    </section>
  );
}

function OtherColumns({ preview, mapping }: { preview: ImportPreview; mapping: ColumnMapping }) {
  const edit = useApp((s) => s.editMapping);
  const others = unmappedColumns(mapping, preview.columns);
  const keptAs = mapping.kind === 'customers' ? 'customer attributes' : 'event properties (props)';
  return (
    <section className="map-section" aria-labelledby="map-others">
      <h4 id="map-others">Other columns</h4>
      {others.length === 0 ? (
        <p className="muted">Every column fills a field.</p>
      ) : (
        <>
          <p className="muted">Kept as {keptAs}, so nothing in the file is lost. Tick “Ignore” for columns you do not want stored at all.</p>
          <ul className="map-others">
            {others.map((c) => {
              const ignored = mapping.ignore.includes(c);
              return (
                <li key={c} className={ignored ? 'ignored' : ''}>
                  <span className="map-other-name" title={c}>
                    {c}
                  </span>
                  <span className="mono faint map-other-examples">{columnExamples(preview, c, 3).join(' · ')}</span>
                  <label className="check">
                    <input type="checkbox" checked={ignored} onChange={(e) => edit(setIgnored(mapping, c, e.target.checked))} data-testid={`mapping-ignore-${c}`} />
                    Ignore
                  </label>
                </li>
              );
            })}
          </ul>
        </>
      )}
    </section>
  );
}

function SavedMappings({ w }: { w: ImportWizard }) {
  const saved = useApp((s) => s.savedMappings);
  const apply = useApp((s) => s.applySavedMapping);
  const save = useApp((s) => s.saveMapping);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  return (
    <div className="map-saved">
      <label className="toolbar-field">
        <span>Saved mapping</span>
        <select className="select" value={w.appliedMapping ?? ''} disabled={saved.length === 0 || w.previewing} onChange={(e) => e.target.value && void apply(e.target.value)} data-testid="mapping-saved-select">
          <option value="">{saved.length === 0 ? 'none saved yet' : '— choose to apply —'}</option>
          {saved.map((m) => (
            <option key={m.name} value={m.name}>
              {m.name} ({m.kind})
            </option>
          ))}
        </select>
      </label>
      {naming ? (
        <form
          className="map-save-form"
          onSubmit={(e) => {
            e.preventDefault();
            const n = name.trim();
            if (!n) return;
            void save(n).then((ok) => ok && setNaming(false));
          }}
        >
          <input className="input" value={name} onChange={(e) => setName(e.target.value)} placeholder="Mapping name" maxLength={100} autoFocus aria-label="Mapping name" data-testid="mapping-save-name" />
          <button type="submit" className="btn small primary" disabled={!name.trim()} data-testid="mapping-save-confirm">
            Save
          </button>
          <button type="button" className="btn small ghost" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </form>
      ) : (
        <button
          type="button"
          className="btn small"
          onClick={() => {
            setName(w.appliedMapping ?? (w.fileName ? w.fileName.replace(/\.[^.]+$/, '') : ''));
            setNaming(true);
          }}
          data-testid="mapping-save"
        >
          Save mapping as…
        </button>
      )}
    </div>
  );
}

export function MappingStep({ w }: { w: ImportWizard }) {
  const { preview, mapping } = w;
  if (!preview || !mapping) return null;
  const issues = validateMapping(mapping, { columns: preview.columns, dates: preview.dates, dateChosenFor: w.dateChosenFor });
  const fields = fieldsForKind(mapping.kind);
  const issueFor = (f: TargetField) => issues.find((i) => i.field === f);
  const undecided = needsDateChoice(preview, mapping, w.dateChosenFor);
  return (
    <div className={`import-mapping${w.previewing ? ' refreshing' : ''}`}>
      <div className="map-top">
        <p className="muted">
          Importing <strong>{w.fileName}</strong> as <strong>{mapping.kind}</strong>. Choose the column for each field; fields marked <span className="map-req">required</span> must be filled.
        </p>
        <SavedMappings w={w} />
      </div>
      {issues.length > 0 ? (
        <div className="import-alert warning" role="status" data-testid="mapping-issues">
          <Icon name="alert" size={16} />
          <ul>
            {issues.map((i, k) => (
              <li key={k}>
                {i.message}
                {i.field === 'dateFormat' ? <DayMonthChoice w={w} /> : null}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <section className="map-section" aria-label="Fields">
        <div className="map-table">
          <div className="map-row map-head" aria-hidden="true">
            <span>Field</span>
            <span>Column in the file</span>
            <span>First values</span>
          </div>
          {fields.map((f) => (
            <FieldRow key={f} field={f} preview={preview} mapping={mapping} issue={issueFor(f)} dateUndecided={undecided} />
          ))}
        </div>
      </section>
      <DatesSection w={w} issues={issues} />
      {mapping.kind !== 'customers' ? <NumbersSection preview={preview} mapping={mapping} /> : null}
      <PersonalSection mapping={mapping} />
      <OtherColumns preview={preview} mapping={mapping} />
    </div>
  );
}
