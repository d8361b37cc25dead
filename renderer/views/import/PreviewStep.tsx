// Step 2: how the file is read. What core detected (type, encoding, delimiter, header, sheet) with
// a control to override each, the kind of file, what to look at (warnings, an earlier import of
// the same file), and the first rows. Every change asks core for a fresh preview.
import type { ImportKind, ImportPreview } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import type { Delimiter, ImportWizard, PreviewOverrides, TextEncoding } from '../../store/importSlice.ts';
import { Icon } from '../../components/Icon.tsx';
import { IMPORT_KINDS, KIND_INFO } from '../../lib/importFields.ts';
import { formatBytes, formatDateTime } from '../../lib/format.ts';
import { PreviewTable } from './PreviewTable.tsx';

const ENCODINGS: Array<{ value: TextEncoding; label: string }> = [
  { value: 'utf-8', label: 'UTF-8' },
  { value: 'windows-1252', label: 'Windows-1252 (Western, older Excel)' },
  { value: 'utf-16le', label: 'UTF-16 LE' },
  { value: 'utf-16be', label: 'UTF-16 BE' },
];

const DELIMITERS: Array<{ value: Delimiter; label: string }> = [
  { value: ',', label: 'Comma  ,' },
  { value: ';', label: 'Semicolon  ;' },
  { value: '\t', label: 'Tab' },
  { value: '|', label: 'Pipe  |' },
  { value: 'whitespace', label: 'Spaces (aligned columns)' },
];

const TYPE_LABELS = { delimited: 'Delimited text', jsonl: 'JSON Lines', xlsx: 'Excel workbook (XLSX)' } as const;

function FormatControls({ preview, overrides, disabled }: { preview: ImportPreview; overrides: PreviewOverrides; disabled: boolean }) {
  const repreview = useApp((s) => s.repreview);
  const f = preview.format;
  // What was asked for wins over what the last preview said, while the next one is on its way.
  const encoding = overrides.encoding ?? (f.type !== 'xlsx' ? f.encoding : 'utf-8');
  const delimiter = overrides.delimiter ?? (f.type === 'delimited' ? f.delimiter : ',');
  const hasHeader = overrides.hasHeader ?? (f.type !== 'jsonl' ? f.hasHeader : true);
  const sheets = f.type === 'xlsx' ? preview.sheets : null;
  return (
    <div className="import-format" aria-label="How the file is read">
      <div className="field">
        <span className="label">Type</span>
        <span className="import-format-value" data-testid="import-format-type">
          {TYPE_LABELS[f.type]}
        </span>
      </div>
      {f.type !== 'xlsx' ? (
        <div className="field">
          <label htmlFor="import-encoding">Encoding</label>
          <select id="import-encoding" className="select" value={encoding} disabled={disabled} onChange={(e) => void repreview({ encoding: e.target.value as TextEncoding })} data-testid="import-format-encoding">
            {ENCODINGS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {f.type === 'delimited' ? (
        <div className="field">
          <label htmlFor="import-delimiter">Delimiter</label>
          <select id="import-delimiter" className="select" value={delimiter} disabled={disabled} onChange={(e) => void repreview({ delimiter: e.target.value as Delimiter })} data-testid="import-format-delimiter">
            {DELIMITERS.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ) : null}
      {f.type === 'xlsx' ? (
        <div className="field">
          <label htmlFor="import-sheet">Sheet</label>
          {sheets ? (
            <select id="import-sheet" className="select" value={f.sheet} disabled={disabled} onChange={(e) => void repreview({ sheet: e.target.value })} data-testid="import-format-sheet">
              {sheets.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          ) : (
            <input
              id="import-sheet"
              key={f.sheet}
              className="input"
              defaultValue={f.sheet}
              disabled={disabled}
              title="Type another sheet's name and press Enter"
              onKeyDown={(e) => {
                const v = e.currentTarget.value.trim();
                if (e.key === 'Enter' && v && v !== f.sheet) {
                  e.preventDefault();
                  void repreview({ sheet: v });
                }
              }}
              data-testid="import-format-sheet"
            />
          )}
          {sheets ? null : <span className="hint">Another sheet: type its name, press Enter.</span>}
        </div>
      ) : null}
      {f.type !== 'jsonl' ? (
        <label className="check import-header-check">
          <input type="checkbox" checked={hasHeader} disabled={disabled} onChange={(e) => void repreview({ hasHeader: e.target.checked })} data-testid="import-format-header" />
          First row is a header
        </label>
      ) : null}
    </div>
  );
}

function KindPicker({ kind, disabled }: { kind: ImportKind; disabled: boolean }) {
  const repreview = useApp((s) => s.repreview);
  return (
    <fieldset className="import-kinds" disabled={disabled}>
      <legend>This file holds</legend>
      {IMPORT_KINDS.map((k) => (
        <label key={k} className={`import-kind${k === kind ? ' selected' : ''}`} title={KIND_INFO[k].text}>
          <input type="radio" name="import-kind" value={k} checked={k === kind} onChange={() => void repreview({ kind: k })} data-testid={`import-kind-${k}`} />
          <span className="import-kind-text">
            <strong>{KIND_INFO[k].label}</strong>
            <span className="muted">{KIND_INFO[k].text}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function Warnings({ warnings }: { warnings: string[] }) {
  if (warnings.length === 0) return null;
  return (
    <div className="import-alert warning" role="status">
      <Icon name="alert" size={16} />
      <ul>
        {warnings.map((w, i) => (
          <li key={i} data-testid="import-warning">
            {w}
          </li>
        ))}
      </ul>
    </div>
  );
}

export function AlreadyImported({ w }: { w: ImportWizard }) {
  const setOptions = useApp((s) => s.setImportOptions);
  const prev = w.preview?.alreadyImported;
  if (!prev) return null;
  return (
    <div className="import-alert info" data-testid="import-already-imported">
      <Icon name="info" size={16} />
      <div>
        <p>
          This exact file was imported on <span className="num">{formatDateTime(prev.finishedAt)}</span> UTC (import #{prev.importId}). Rows already in the workspace are skipped as duplicates.
        </p>
        <label className="check">
          <input type="checkbox" checked={w.allowReimport} onChange={(e) => setOptions({ allowReimport: e.target.checked })} data-testid="import-allow-reimport" />
          Import again anyway
        </label>
      </div>
    </div>
  );
}

export function PreviewStep({ w }: { w: ImportWizard }) {
  const { preview, mapping } = w;
  if (!preview || !mapping) return null;
  return (
    <div className={`import-preview${w.previewing ? ' refreshing' : ''}`}>
      <div className="import-file-line">
        <Icon name="file" size={16} />
        <strong className="import-file-name" title={preview.path}>
          {w.fileName}
        </strong>
        <span className="muted num">{formatBytes(preview.sizeBytes)}</span>
        {w.previewing ? (
          <span className="muted import-refreshing" role="status">
            <span className="spinner" /> Reading again…
          </span>
        ) : null}
      </div>
      {w.previewError ? (
        <div className="import-alert error" role="alert" data-testid="import-preview-error">
          <Icon name="alert" size={16} />
          <p>{w.previewError}</p>
        </div>
      ) : null}
      <FormatControls preview={preview} overrides={w.overrides} disabled={w.previewing} />
      <KindPicker kind={w.overrides.kind ?? mapping.kind} disabled={w.previewing} />
      <Warnings warnings={preview.warnings} />
      <AlreadyImported w={w} />
      <div className="import-section-head">
        <h4>First rows</h4>
        <span className="faint">
          {preview.rows.length} shown · {preview.columns.length} columns
        </span>
      </div>
      <PreviewTable preview={preview} mapping={mapping} />
    </div>
  );
}
