// What an export to a file shows under the button that started it: its progress with Cancel, the
// file written (rows, size, path) or why it was not, and "Replace the file?" when core found one
// there already (see store/saveFileExport.ts). Test ids: `<prefix>-export`-progress/-error/-result
// and `<prefix>-replace`-dialog/-cancel/-confirm.
import type { SaveFileExport } from '../../store/saveFileExport.ts';
import { formatBytes, formatInt } from '../../lib/format.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { InlineJob } from '../signals/InlineJob.tsx';

interface ReplaceFileDialogProps {
  /** The file that exists; nothing is shown while null. */
  path: string | null;
  /** What replaces it: "these movers", "the exclusion list". */
  replaceWith: string;
  testIdPrefix: string;
  onCancel: () => void;
  onReplace: (path: string) => void;
}

export function ReplaceFileDialog({ path, replaceWith, testIdPrefix, onCancel, onReplace }: ReplaceFileDialogProps) {
  if (!path) return null;
  return (
    <Dialog
      title="Replace the file?"
      onCancel={onCancel}
      testId={`${testIdPrefix}-replace-dialog`}
      footer={
        <>
          <button type="button" className="btn" onClick={onCancel} data-testid={`${testIdPrefix}-replace-cancel`}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={() => onReplace(path)} data-testid={`${testIdPrefix}-replace-confirm`}>
            Replace
          </button>
        </>
      }
    >
      <p>
        <span className="mono vp-path">{path}</span> already exists. Replace it with {replaceWith}?
      </p>
    </Dialog>
  );
}

export interface WrittenFile {
  path: string;
  rows: number;
  bytes: number;
}

interface SaveFileStatusProps {
  state: SaveFileExport<WrittenFile>;
  /** What a row is: "customers", "movers". */
  rowsName: string;
  replaceWith: string;
  testIdPrefix: string;
  onCancel: () => void;
  onDismissReplace: () => void;
  onReplace: (path: string) => void;
}

export function SaveFileStatus({ state, rowsName, replaceWith, testIdPrefix, onCancel, onDismissReplace, onReplace }: SaveFileStatusProps) {
  const { job, error, result } = state;
  return (
    <>
      {job ? <InlineJob job={job} onCancel={onCancel} testIdPrefix={`${testIdPrefix}-export`} startingText="Writing…" /> : null}
      {error ? (
        <div className="sig-alert error" role="alert" data-testid={`${testIdPrefix}-export-error`}>
          <Icon name="alert" size={16} />
          <p>
            <strong>The file was not written.</strong> {error}
          </p>
        </div>
      ) : null}
      {result ? (
        <div className="sig-alert success" role="status" data-testid={`${testIdPrefix}-export-result`} data-rows={result.rows} data-path={result.path}>
          <Icon name="check" size={16} />
          <p>
            Wrote <strong className="num">{formatInt(result.rows)}</strong> {rowsName} ({formatBytes(result.bytes)}) to <span className="mono vp-path">{result.path}</span>
          </p>
        </div>
      ) : null}
      <ReplaceFileDialog path={state.replacePath} replaceWith={replaceWith} testIdPrefix={testIdPrefix} onCancel={onDismissReplace} onReplace={onReplace} />
    </>
  );
}
