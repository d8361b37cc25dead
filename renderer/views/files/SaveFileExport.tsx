// What an export to a file shows under the button that started it: its progress with Cancel, the
// file written (rows, size, path) or why it was not, and "Replace the file?" when core found one
// there already (see store/saveFileExport.ts). Test ids: `<prefix>-export`-progress/-error/-result
// and `<prefix>-replace`-dialog/-cancel/-confirm.
import type { ReactNode } from 'react';
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

interface SaveFileStatusProps<R extends { path: string; bytes: number }> {
  state: SaveFileExport<R>;
  replaceWith: string;
  testIdPrefix: string;
  onCancel: () => void;
  onDismissReplace: () => void;
  onReplace: (path: string) => void;
  /** What the file is, for "… was not written" (default "The file"). */
  fileName?: string;
  /** The progress line before core reports (default "Writing…"). */
  startingText?: string;
  /** The line after writing (default: rows, size and path; rowsName says what a row is). */
  describe?: (result: R) => ReactNode;
  rowsName?: string;
  /** Extra data attributes of the result line, for tests. */
  resultData?: (result: R) => Record<string, string | number | null>;
  /** Hides a written file's line that no longer describes what the button would write. */
  hideResult?: boolean;
}

const rowsLine = (result: { path: string; bytes: number; rows?: number }, rowsName: string) => (
  <>
    Wrote <strong className="num">{formatInt(result.rows ?? 0)}</strong> {rowsName} ({formatBytes(result.bytes)}) to <span className="mono vp-path">{result.path}</span>
  </>
);

export function SaveFileStatus<R extends { path: string; bytes: number }>(props: SaveFileStatusProps<R>) {
  const { state, replaceWith, testIdPrefix, onCancel, onDismissReplace, onReplace } = props;
  const { job, error, result } = state;
  const attributes = result ? (props.resultData?.(result) ?? { rows: (result as { rows?: number }).rows ?? null }) : {};
  const data = Object.fromEntries(Object.entries(attributes).map(([k, v]) => [`data-${k}`, v ?? undefined]));
  return (
    <>
      {job ? <InlineJob job={job} onCancel={onCancel} testIdPrefix={`${testIdPrefix}-export`} startingText={props.startingText ?? 'Writing…'} /> : null}
      {error ? (
        <div className="sig-alert error" role="alert" data-testid={`${testIdPrefix}-export-error`}>
          <Icon name="alert" size={16} />
          <p>
            <strong>{props.fileName ?? 'The file'} was not written.</strong> {error}
          </p>
        </div>
      ) : null}
      {result && !props.hideResult ? (
        <div className="sig-alert success" role="status" data-testid={`${testIdPrefix}-export-result`} data-path={result.path} {...data}>
          <Icon name="check" size={16} />
          <p>{props.describe ? props.describe(result) : rowsLine(result, props.rowsName ?? 'rows')}</p>
        </div>
      ) : null}
      <ReplaceFileDialog path={state.replacePath} replaceWith={replaceWith} testIdPrefix={testIdPrefix} onCancel={onDismissReplace} onReplace={onReplace} />
    </>
  );
}
