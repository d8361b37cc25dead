// The first rows of the file as core reads them, with the field each column goes to (or that it is
// kept as an attribute/prop, or ignored). Sticky header, horizontal scroll, monospace cells.
import type { ColumnMapping, ImportPreview } from '../../../core/api/contract.ts';
import { FIELD_INFO } from '../../lib/importFields.ts';
import { fieldsOfColumn } from '../../lib/importMapping.ts';

interface PreviewTableProps {
  preview: ImportPreview;
  mapping: ColumnMapping;
  maxRows?: number;
}

export function PreviewTable({ preview, mapping, maxRows = 20 }: PreviewTableProps) {
  const keptAs = mapping.kind === 'customers' ? 'attribute' : 'event prop';
  const rows = preview.rows.slice(0, maxRows);
  return (
    <div className="preview-table-wrap" data-testid="import-preview-table" tabIndex={0} role="region" aria-label="First rows of the file">
      <table className="preview-table">
        <thead>
          <tr>
            <th className="preview-rownum" scope="col">
              #
            </th>
            {preview.columns.map((c) => {
              const fields = fieldsOfColumn(mapping, c);
              const ignored = mapping.ignore.includes(c);
              return (
                <th key={c} scope="col" className={ignored ? 'ignored' : fields.length ? 'mapped' : ''}>
                  <span className="preview-col-name" title={c}>
                    {c}
                  </span>
                  <span className="preview-col-role">
                    {fields.length ? `→ ${fields.map((f) => FIELD_INFO[f].label).join(', ')}` : ignored ? 'ignored' : `kept as ${keptAs}`}
                  </span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={i}>
              <td className="preview-rownum num">{i + 1}</td>
              {preview.columns.map((c, j) => {
                const v = r[j] ?? '';
                return (
                  <td key={c} title={v.length > 30 ? v : undefined} className={v === '' ? 'empty' : undefined}>
                    {v === '' ? '∅' : v}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
