// A cluster's name, renamed in place: Enter or leaving the field saves, Escape cancels, an empty
// name goes back to the generated one.
import { useEffect, useRef, useState } from 'react';
import type { ClusterInfo } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';

function PencilIcon() {
  return (
    <svg className="icon" width={12} height={12} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d="M4 20h4L19 9l-4-4L4 16zM13.5 6.5l4 4" />
    </svg>
  );
}

export function ClusterName({ info }: { info: ClusterInfo }) {
  const rename = useApp((s) => s.renameCluster);
  const saving = useApp((s) => s.renamingKey === info.key);
  const error = useApp((s) => (s.renameError?.key === info.key ? s.renameError.message : null));
  const readonly = useApp((s) => s.workspace?.readonly ?? false);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState(info.name);
  const input = useRef<HTMLInputElement>(null);
  // Escape and Enter both end editing, and the blur that follows must not save a second time.
  const done = useRef(false);

  useEffect(() => {
    if (!editing) setText(info.name);
  }, [info.name, editing]);
  useEffect(() => {
    if (editing) input.current?.select();
  }, [editing]);

  async function save() {
    if (done.current) return;
    done.current = true;
    const name = text.trim();
    if (name === info.name || (name === '' && !info.renamed)) {
      setEditing(false);
      return;
    }
    if (await rename(info.key, name)) setEditing(false);
    else done.current = false;
  }

  if (editing) {
    return (
      <div className="cl-name-edit" onClick={(e) => e.stopPropagation()}>
        <input
          ref={input}
          className="input cl-name-input"
          value={text}
          maxLength={120}
          placeholder={info.generatedName}
          aria-label={`New name for ${info.name} (empty: back to “${info.generatedName}”)`}
          onChange={(e) => setText(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => {
            e.stopPropagation();
            if (e.key === 'Enter') void save();
            if (e.key === 'Escape') {
              done.current = true;
              setText(info.name);
              setEditing(false);
            }
          }}
          disabled={saving}
          data-testid="cluster-name-input"
        />
        {saving ? <span className="spinner" aria-label="Saving" /> : null}
        {error ? (
          <span className="danger-text cl-name-error" role="alert">
            {error}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <div className="cl-name">
      <span className="cl-name-text" title={info.renamed ? `${info.name} — generated name: ${info.generatedName}` : info.name} data-testid="cluster-name">
        {info.name}
      </span>
      <button
        type="button"
        className="btn small ghost icon-only cl-rename"
        onClick={(e) => {
          e.stopPropagation();
          done.current = false;
          setEditing(true);
        }}
        disabled={readonly}
        aria-label={`Rename ${info.name}`}
        title={readonly ? 'The workspace is read-only' : 'Rename'}
        data-testid="cluster-rename"
      >
        <PencilIcon />
      </button>
    </div>
  );
}
