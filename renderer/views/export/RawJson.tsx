// The bundle as the file will hold it: pretty JSON in a scrolling monospace block, with Copy.
// (The creation time is the one moment that differs from the file an export writes.)
import { useMemo } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { formatBytes } from '../../lib/format.ts';

export function RawJson({ id, value }: { id: string; value: unknown }) {
  const text = useMemo(() => JSON.stringify(value, null, 2), [value]);
  return (
    <div className="ex-raw" id={id} data-testid="bundle-raw">
      <div className="ex-raw-bar">
        <span className="faint num">
          {formatBytes(new TextEncoder().encode(text).length)} · {text.split('\n').length.toLocaleString('en-US')} lines
        </span>
        <span className="spacer" />
        <CopyButton text={text} label="Copy" title="Copy the bundle's JSON" testId="bundle-raw-copy" />
      </div>
      <pre className="ex-raw-text mono" tabIndex={0} aria-label="The bundle as JSON">
        {text}
      </pre>
    </div>
  );
}
