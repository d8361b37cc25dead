// Text as a file will hold it (the bundle's JSON, the SQL script): monospace, scrolling, with its
// size, a Copy of the whole text and, for long text, only the first lines until "Show all".
import { useMemo, useState } from 'react';
import { CopyButton } from '../../components/CopyButton.tsx';
import { formatBytes } from '../../lib/format.ts';
import { headLines } from './exportText.ts';

interface CodeBlockProps {
  id: string;
  text: string;
  /** What the text is, for the Copy button's title and the block's accessible name ("the bundle as JSON"). */
  what: string;
  testId: string;
  /** Lines shown until "Show all"; all when absent. */
  maxLines?: number;
}

export function CodeBlock({ id, text, what, testId, maxLines }: CodeBlockProps) {
  const [all, setAll] = useState(false);
  const bytes = useMemo(() => new TextEncoder().encode(text).length, [text]);
  const head = useMemo(() => headLines(text, all || maxLines === undefined ? Infinity : maxLines), [text, all, maxLines]);
  return (
    <div className="ex-raw" id={id} data-testid={testId} data-lines={head.total} data-shown={head.shown}>
      <div className="ex-raw-bar">
        <span className="faint num">
          {formatBytes(bytes)} · {head.total.toLocaleString('en-US')} lines
          {head.shown < head.total ? ` · the first ${head.shown.toLocaleString('en-US')} shown` : ''}
        </span>
        <span className="spacer" />
        {head.shown < head.total || all ? (
          <button type="button" className="btn small ghost" onClick={() => setAll(!all)} aria-controls={`${id}-text`} data-testid={`${testId}-all`}>
            {all ? `Show the first ${maxLines?.toLocaleString('en-US')} lines` : 'Show all'}
          </button>
        ) : null}
        <CopyButton text={text} label="Copy" title={`Copy ${what} (all of it)`} testId={`${testId}-copy`} />
      </div>
      <pre id={`${id}-text`} className="ex-raw-text mono" tabIndex={0} aria-label={what}>
        {head.text}
      </pre>
    </div>
  );
}
