// A small "Copy" button for paths and ids, with a moment of "Copied" feedback. Falls back to a
// hidden textarea where the async clipboard API is unavailable or refused.
import { useEffect, useState } from 'react';
import { Icon } from './Icon.tsx';

async function copyText(text: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.style.position = 'fixed';
    area.style.opacity = '0';
    // Inside an open modal dialog the rest of the page is inert: put it where it can be selected.
    (document.querySelector('dialog[open]') ?? document.body).appendChild(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

interface CopyButtonProps {
  text: string;
  /** Empty for an icon-only button (the text is then in its tooltip). */
  label?: string;
  testId?: string;
  className?: string;
  /** The tooltip; by default the label and the text (too long for large texts). */
  title?: string;
}

export function CopyButton({ text, label = 'Copy path', testId, className = 'btn small', title }: CopyButtonProps) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  useEffect(() => {
    if (state === 'idle') return;
    const t = setTimeout(() => setState('idle'), 1800);
    return () => clearTimeout(t);
  }, [state]);
  return (
    <button
      type="button"
      className={className}
      onClick={() => void copyText(text).then((ok) => setState(ok ? 'copied' : 'failed'))}
      data-testid={testId}
      title={title ?? `${label || 'Copy'}: ${text}`}
      aria-label={label ? undefined : 'Copy'}
    >
      <Icon name={state === 'copied' ? 'check' : 'copy'} size={13} />
      {label || state !== 'idle' ? <span aria-live="polite">{state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : label}</span> : null}
    </button>
  );
}
