// The browser shell's file dialog (Electron uses native ones). Browses folders through core's
// `files-list`: a path field you can type into, breadcrumbs, a keyboard-navigable list with
// workspaces highlighted, and a file-name field when creating. In 'open-file' mode it picks any
// file (what to import), with the importable ones highlighted. In 'save-file' mode it chooses
// where to write a file (an export): folders and files with the extension, a file name (the
// extension is added when missing); whether to replace an existing file is asked by the caller.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { FileEntry } from '../../../core/api/contract.ts';
import { useApp } from '../../store/index.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { breadcrumbs, isAbsolutePath, joinPath, withExt, WORKSPACE_EXT } from '../../lib/paths.ts';
import { formatBytes, formatDate } from '../../lib/format.ts';
import './save-dialog.css';

const KIND_ORDER = { dir: 0, workspace: 1, file: 2 } as const;
const IMPORTABLE = /\.(csv|tsv|tab|txt|psv|dat|jsonl|ndjson|json|xlsx)$/i;

const hasExt = (name: string, ext: string) => ext !== '' && name.toLowerCase().endsWith(ext);

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
  const saveFile = mode === 'save-file';
  /** Modes with a file-name field. */
  const naming = mode === 'create' || saveFile;
  const ext = saveFile ? state.extension : WORKSPACE_EXT;
  const matchesExt = (name: string) => hasExt(name, ext);
  const [showAll, setShowAll] = useState(pickFile);
  const listRef = useRef<HTMLUListElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);

  const entries = useMemo(() => {
    const all = sortEntries(listing?.entries ?? []);
    if (showAll) return all;
    if (saveFile) return all.filter((e) => e.kind === 'dir' || hasExt(e.name, ext));
    return all.filter((e) => e.kind !== 'file');
  }, [listing, showAll, saveFile, ext]);

  // A path the user started typing is not overwritten by a listing that arrives afterwards.
  const pathEdited = useRef(false);
  /** Going somewhere by clicking (not typing) shows that folder's path again. */
  const openFolder = (dir: string) => {
    pathEdited.current = false;
    void browse(dir);
  };
  useEffect(() => {
    if (listing && !pathEdited.current) setPathText(listing.dir);
    setActive(0);
  }, [listing]);

  const current = entries[active];
  useEffect(() => {
    listRef.current?.querySelector<HTMLElement>(`[data-index="${active}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [active]);

  function choose(entry: FileEntry | undefined) {
    if (!entry) return;
    if (entry.kind === 'dir') openFolder(entry.path);
    else if (entry.kind === 'workspace' && mode === 'open') resolve(entry.path);
    else if (entry.kind === 'file' && pickFile) resolve(entry.path);
    else if (naming) {
      setFileName(entry.name);
      nameRef.current?.focus();
    }
  }

  function confirm() {
    if (pickFile) {
      if (current?.kind === 'file') resolve(current.path);
      else if (current?.kind === 'dir') openFolder(current.path);
      return;
    }
    if (mode === 'open') {
      if (current?.kind === 'workspace') resolve(current.path);
      else if (current?.kind === 'dir') openFolder(current.path);
      return;
    }
    const name = withExt(fileName, ext);
    if (!name || !listing) return;
    // A typed absolute path wins over the folder being shown.
    resolve(isAbsolutePath(name) ? name : joinPath(listing.dir, name));
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
      openFolder(listing.parent);
    }
  }

  const canConfirm = pickFile ? current?.kind === 'file' : mode === 'open' ? current?.kind === 'workspace' : withExt(fileName, ext) !== '' && listing !== null;
  const existing = naming ? listing?.entries.find((e) => e.name === withExt(fileName, ext)) : undefined;

  return (
    <Dialog
      title={state.title}
      onCancel={() => resolve(null)}
      className="file-dialog"
      testId="file-dialog"
      initialFocus={naming ? nameRef : listRef}
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
        <button type="button" className="btn icon-only" disabled={!listing?.parent} onClick={() => listing?.parent && openFolder(listing.parent)} title="Up one folder (Backspace)" aria-label="Up one folder">
          <Icon name="arrow-up" size={15} />
        </button>
        <form
          className="file-path-form"
          onSubmit={(e) => {
            e.preventDefault();
            pathEdited.current = false;
            const typed = pathText.trim();
            // A typed workspace file is an answer in itself; anything else is a folder to show.
            if (mode === 'open' && typed.toLowerCase().endsWith(WORKSPACE_EXT)) resolve(typed);
            else if (pickFile && IMPORTABLE.test(typed)) resolve(typed);
            else if (saveFile && matchesExt(typed)) resolve(typed);
            else if (typed) void browse(typed);
          }}
        >
          <input className="input mono" value={pathText} onChange={(e) => {
              pathEdited.current = true;
              setPathText(e.target.value);
            }}
            aria-label="Folder path" spellCheck={false} data-testid="file-dialog-path" />
        </form>
      </div>
      {listing ? (
        <nav className="crumbs" aria-label="Folder path">
          {breadcrumbs(listing.dir).map((c, i, all) => (
            <span key={c.path} className="crumb">
              <button type="button" className="crumb-button" onClick={() => openFolder(c.path)} aria-current={i === all.length - 1 ? 'location' : undefined}>
                {c.label}
              </button>
              {i < all.length - 1 ? <Icon name="chevron-right" size={12} className="icon crumb-sep" /> : null}
            </span>
          ))}
        </nav>
      ) : null}
      {state.notice ? (
        <p className="file-notice" role="status" data-testid="file-dialog-notice">
          <Icon name="info" size={14} /> {state.notice}
        </p>
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
              className={`file-entry kind-${e.kind}${pickFile && e.kind === 'file' && IMPORTABLE.test(e.name) ? ' importable' : ''}${saveFile && e.kind !== 'dir' && matchesExt(e.name) ? ' save-match' : ''}${i === active ? ' active' : ''}`}
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
            <li className="file-empty faint">
              {showAll ? 'This folder is empty.' : pickFile ? 'No folders here.' : saveFile ? `No folders or ${ext} files here.` : `No folders or ${WORKSPACE_EXT} workspaces here.`}
            </li>
          ) : null}
        </ul>
      </div>
      {naming ? (
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
          {existing ? (
            <span className="hint warning-text" data-testid="file-dialog-exists">
              A file with this name already exists here.{saveFile ? ' You will be asked before it is replaced.' : ''}
            </span>
          ) : ext ? (
            <span className="hint">The {ext} extension is added if missing.</span>
          ) : null}
        </div>
      ) : null}
    </Dialog>
  );
}
