// The bundle as the file will hold it: pretty JSON in a scrolling monospace block, with Copy.
// (The creation time is the one moment that differs from the file an export writes.)
import { useEffect, useMemo, useState } from 'react';
import { Icon } from '../../components/Icon.tsx';
import { formatBytes } from '../../lib/format.ts';

async function copy(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    document.body.appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function RawJson({ id, value }: { id: string; value: unknown }) {
  const text = useMemo(() => JSON.stringify(value, null, 2), [value]);
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <div className="ex-raw" id={id} data-testid="bundle-raw">
      <div className="ex-raw-bar">
        <span className="faint num">
          {formatBytes(new TextEncoder().encode(text).length)} · {text.split('\n').length.toLocaleString('en-US')} lines
        </span>
        <span className="spacer" />
        <button type="button" className="btn small" onClick={() => void copy(text).then((ok) => setState(ok ? 'copied' : 'failed'))} data-testid="bundle-raw-copy">
          <Icon name={state === 'copied' ? 'check' : 'copy'} size={13} />
          <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : 'Copy'}</span>
        </button>
      </div>
      <pre className="ex-raw-text mono" tabIndex={0} aria-label="The bundle as JSON">
        {text}
      </pre>
    </div>
  );
}
