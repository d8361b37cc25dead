// The bundle as the file will hold it: pretty JSON in a scrolling monospace block, with Copy.
// (The creation time is the one moment that differs from the file an export writes.)
import { useMemo } from 'react';
import { CodeBlock } from './CodeBlock.tsx';

export function RawJson({ id, value }: { id: string; value: unknown }) {
  const text = useMemo(() => JSON.stringify(value, null, 2), [value]);
  return <CodeBlock id={id} text={text} what="the bundle as JSON" testId="bundle-raw" />;
}
