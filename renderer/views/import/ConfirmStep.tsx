// Step 4: what will happen, the one choice left (all or nothing, or skip bad rows), and Start.
import { useApp } from '../../store/index.ts';
import type { ImportWizard } from '../../store/importSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { FIELD_INFO, fieldsForKind, PERSONAL_FIELDS, PERSONAL_POLICY_INFO } from '../../lib/importFields.ts';
import { unmappedColumns } from '../../lib/importMapping.ts';
import { DATE_FORMAT_LABELS } from '../../lib/importDates.ts';
import { formatBytes } from '../../lib/format.ts';
import { AlreadyImported } from './PreviewStep.tsx';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe', whitespace: 'spaces' };

export function ConfirmStep({ w, issues }: { w: ImportWizard; issues: string[] }) {
  const setOptions = useApp((s) => s.setImportOptions);
  const { preview, mapping } = w;
  if (!preview || !mapping) return null;
  const f = preview.format;
  const formatText =
    f.type === 'delimited'
      ? `${f.encoding.toUpperCase()}, ${DELIMITER_NAMES[f.delimiter] ?? f.delimiter}-separated, ${f.hasHeader ? 'with' : 'without'} a header row`
      : f.type === 'jsonl'
        ? `JSON Lines, ${f.encoding.toUpperCase()}`
        : `XLSX sheet “${f.sheet}”, ${f.hasHeader ? 'with' : 'without'} a header row`;
  const mapped = fieldsForKind(mapping.kind).filter((fl) => mapping.fields[fl]);
  const kept = unmappedColumns(mapping, preview.columns).filter((c) => !mapping.ignore.includes(c));
  const personal = PERSONAL_FIELDS.filter((p) => mapping.fields[p]).map((p) => `${FIELD_INFO[p].label}: ${PERSONAL_POLICY_INFO[mapping.personal[p]].label.toLowerCase()}`);

  return (
    <div className="import-confirm">
      <dl className="import-summary">
        <dt>File</dt>
        <dd>
          <strong>{w.fileName}</strong> <span className="muted num">{formatBytes(preview.sizeBytes)}</span>
        </dd>
        <dt>Read as</dt>
        <dd>{formatText}</dd>
        <dt>Kind</dt>
        <dd>{mapping.kind}</dd>
        <dt>Fields</dt>
        <dd>{mapped.map((fl) => `${FIELD_INFO[fl].label} ← ${mapping.fields[fl]}`).join(' · ')}</dd>
        <dt>Dates</dt>
        <dd>
          {DATE_FORMAT_LABELS[mapping.dateFormat]}, time zone {mapping.timezone}
        </dd>
        {kept.length > 0 ? (
          <>
            <dt>Also kept</dt>
            <dd>
              {kept.join(', ')} <span className="muted">as {mapping.kind === 'customers' ? 'attributes' : 'event props'}</span>
            </dd>
          </>
        ) : null}
        {mapping.ignore.length > 0 ? (
          <>
            <dt>Ignored</dt>
            <dd>{mapping.ignore.join(', ')}</dd>
          </>
        ) : null}
        {personal.length > 0 ? (
          <>
            <dt>Personal data</dt>
            <dd>{personal.join(' · ')}</dd>
          </>
        ) : null}
      </dl>

      <AlreadyImported w={w} />

      <div className={`import-option${w.skipBadRows ? ' on' : ''}`}>
        <label className="check">
          <input type="checkbox" checked={w.skipBadRows} onChange={(e) => setOptions({ skipBadRows: e.target.checked })} data-testid="import-skip-bad" />
          <strong>Skip bad rows (import the rest and write a report)</strong>
        </label>
        <p className="muted">
          {w.skipBadRows
            ? 'Rows that cannot be read (no customer ID, an unreadable date or number…) are left out and listed in a report — file, line, column, value and reason for each. All other rows are imported.'
            : 'Off: all or nothing. If any row cannot be read, nothing is imported and the message names the first problems; a report lists them all. Fix the file, or tick this to import the rest.'}
        </p>
      </div>

      {issues.length > 0 ? (
        <div className="import-alert warning" role="status">
          <Icon name="alert" size={16} />
          <ul>
            {issues.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
