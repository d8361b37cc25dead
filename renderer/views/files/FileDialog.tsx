// The browser shell's file dialog (Electron uses native ones). Browses folders through core's
// `files-list`: a path field you can type into, breadcrumbs, a keyboard-navigable list with
// workspaces highlighted, and a file-name field when creating. In 'open-file' mode it picks any
// file (what to import), with the importable ones highlighted.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FileEntry } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { breadcrumbs, joinPath, withWorkspaceExt, WORKSPACE_EXT } from '../../lib/paths.ts';
import { formatBytes, formatDate } from '../../lib/format.ts';

const KIND_ORDER = { dir: 0, workspace: 1, file: 2 } as const;
const IMPORTABLE = /\.(csv|tsv|tab|txt|psv|dat|jsonl|ndjson|json|xlsx)$/i;

function sortEntries(entries: FileEntry[]): FileEntry[] {
  return [...entries].sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.name.localeCompare(b.name, undefined, { numeric: true, sensitivity: 'base' }));
}

export function FileDialog() {
  const state = useApp((s) => s.fileDialog);
  if (!state) return null;
  return <FileDialogBody key={state.mode + state.title} />;
}

function FileDialogBody() {
  const state = useApp((s) => s.fileDialog)!;
  const browse = useApp((s) => s.browseDir);
  const resolve = useApp((s) => s.resolveFileDialog);
  const { mode, listing, loading, error } = state;
  const [pathText, setPathText] = useState('');
  const [fileName, setFileName] = useState(state.suggestedName);
  const [active, setActive] = useState(0);
  const pickFile = mode === 'open-file';
  const [showAll, setShowAll] = useState(pickFile);
  const listRef = useRef<HTMLUListElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const entries = useMemo(() => {
    const all = sortEntries(listing?.entries ?? []);
    return showAll ? all : all.filter((e) => e.kind !== 'file');
  }, [listing, showAll]);

  useEffect(() => {
    if (listing) setPathText(listing.dir);
    setActive(0);
  }, [listing]);

  const current = entries[active];
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function choose(entry: FileEntry | undefined) {
    if (!entry) return;
    if (entry.kind === 'dir') void browse(entry.path);
    else if (entry.kind === 'workspace' && mode === 'open') resolve(entry.path);
    else if (entry.kind === 'file' && pickFile) resolve(entry.path);
    else if (mode === 'create') {
      setFileName(entry.name);
      nameRef.current?.focus();
    }
  }

  function confirm() {
    if (pickFile) {
      if (current?.kind === 'file') resolve(current.path);
      else if (current?.kind === 'dir') void browse(current.path);
      return;
    }
    if (mode === 'open') {
      if (current?.kind === 'workspace') resolve(current.path);
      else if (current?.kind === 'dir') void browse(current.path);
      return;
    }
    const name = withWorkspaceExt(fileName);
    if (!name || !listing) return;
    // A typed absolute path wins over the folder being shown.
    resolve(/^([A-Za-z]:)?[\\/]/.test(name) ? name : joinPath(listing.dir, name));
  }

  function onListKey(e: React.KeyboardEvent) {
    const last = entries.length - 1;
    const go = (i: number) => {
      e.preventDefault();
      setActive(Math.max(0, Math.min(last, i)));
    };
    if (e.key === 'ArrowDown') go(active + 1);
    else if (e.key === 'ArrowUp') go(active - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(last);
    else if (e.key === 'PageDown') go(active + 10);
    else if (e.key === 'PageUp') go(active - 10);
    else if (e.key === 'Enter') {
      e.preventDefault();
      choose(current);
    } else if (e.key === 'Backspace' && listing?.parent) {
      e.preventDefault();
      void browse(listing.parent);
    }
  }

  const canConfirm = pickFile ? current?.kind === 'file' : mode === 'open' ? current?.kind === 'workspace' : withWorkspaceExt(fileName) !== '' && listing !== null;
  const existing = mode === 'create' ? listing?.entries.find((e) => e.name === withWorkspaceExt(fileName)) : undefined;

  return (
    <Dialog
      title={state.title}
      onCancel={() => resolve(null)}
      className="file-dialog"
      testId="file-dialog"
      initialFocus={mode === 'create' ? nameRef : listRef}
      footer={
        <>
          <label className="file-show-all">
            <input type="checkbox" checked={showAll} onChange={(e) => setShowAll(e.target.checked)} /> Show all files
          </label>
          <span className="spacer" />
          <button type="button" className="btn" onClick={() => resolve(null)}>
            Cancel
          </button>
          <button type="button" className="btn primary" onClick={confirm} disabled={!canConfirm} data-testid="file-dialog-confirm">
            {pickFile ? 'Choose' : mode === 'open' ? 'Open' : 'Save'}
          </button>
        </>
      }
    >
      <div className="file-nav">
        <button type="button" className="btn icon-only" disabled={!listing?.parent} onClick={() => listing?.parent && void browse(listing.parent)} title="Up one folder (Backspace)" aria-label="Up one folder">
          <Icon name="arrow-up" size={15} />
        </button>
        <form
          className="file-path-form"
          onSubmit={(e) => {
            e.preventDefault();
            const typed = pathText.trim();
            // A typed workspace file is an answer in itself; anything else is a folder to show.
            if (mode === 'open' && typed.toLowerCase().endsWith(WORKSPACE_EXT)) resolve(typed);
            else if (pickFile && IMPORTABLE.test(typed)) resolve(typed);
            else if (typed) void browse(typed);
          }}
        >
          <input className="input mono" value={pathText} onChange={(e) => setPathText(e.target.value)} aria-label="Folder path" spellCheck={false} data-testid="file-dialog-path" />
        </form>
      </div>
      {listing ? (
        <nav className="crumbs" aria-label="Folder path">
          {breadcrumbs(listing.dir).map((c, i, all) => (
            <span key={c.path} className="crumb">
              <button type="button" className="crumb-button" onClick={() => void browse(c.path)} aria-current={i === all.length - 1 ? 'location' : undefined}>
                {c.label}
              </button>
              {i < all.length - 1 ? <Icon name="chevron-right" size={12} className="icon crumb-sep" /> : null}
            </span>
          ))}
        </nav>
      ) : null}
      <div className="file-list-wrap">
        {error ? (
          <div className="file-error" role="alert">
            <Icon name="alert" size={16} /> {error}
          </div>
        ) : null}
        {loading && !listing ? (
          <div className="file-loading muted">
            <span className="spinner" /> Reading folder…
          </div>
        ) : null}
        <ul
          ref={listRef}
          className={`file-list${loading ? ' loading' : ''}`}
          role="listbox"
          tabIndex={0}
          aria-label="Folder contents"
          aria-activedescendant={current ? `file-opt-${active}` : undefined}
          onKeyDown={onListKey}
          data-testid="file-list"
        >
          {entries.map((e, i) => (
            <li
              key={e.path}
              id={`file-opt-${i}`}
              data-index={i}
              role="option"
              aria-selected={i === active}
              className={`file-entry kind-${e.kind}${pickFile && e.kind === 'file' && IMPORTABLE.test(e.name) ? ' importable' : ''}${i === active ? ' active' : ''}`}
              onClick={() => setActive(i)}
              onDoubleClick={() => choose(e)}
              data-testid="file-entry"
              data-kind={e.kind}
            >
              <Icon name={e.kind === 'dir' ? 'folder' : e.kind === 'workspace' ? 'workspace' : 'file'} size={15} />
              <span className="file-name">{e.name}</span>
              <span className="file-size num faint">{e.kind === 'dir' ? '' : formatBytes(e.size)}</span>
              <span className="file-date num faint">{formatDate(e.modified)}</span>
            </li>
          ))}
          {listing && entries.length === 0 ? (
            <li className="file-empty faint">{showAll ? 'This folder is empty.' : pickFile ? 'No folders here.' : `No folders or ${WORKSPACE_EXT} workspaces here.`}</li>
          ) : null}
        </ul>
      </div>
      {mode === 'create' ? (
        <div className="field file-name-field">
          <label htmlFor="file-dialog-name">File name</label>
          <input
            ref={nameRef}
            id="file-dialog-name"
            className="input mono"
            value={fileName}
            onChange={(e) => setFileName(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                confirm();
              }
            }}
            spellCheck={false}
            data-testid="file-dialog-name"
          />
          {existing ? <span className="hint warning-text">A file with this name already exists here.</span> : <span className="hint">The {WORKSPACE_EXT} extension is added if missing.</span>}
        </div>
      ) : null}
    </Dialog>
  );
}
