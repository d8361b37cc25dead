// Dropping a file anywhere on the window imports it. While files are dragged over the window a
// full-window overlay says so; it lives in the top layer (a manual popover) so it shows above
// open dialogs too, and ignores the pointer so the drop lands on the page underneath.
//
// Dragging anything (also text or a link) is allowed over the page; only drags carrying files
// are taken, and their default (the browser or Electron opening the file) is always prevented.
import { useEffect, useRef, useState } from 'react';
import { useApp } from '../../store/index.ts';
import { Icon } from '../../components/Icon.tsx';

function carriesFiles(e: DragEvent): boolean {
  return Array.from(e.dataTransfer?.types ?? []).includes('Files');
}

export function useFileDrop(onFile: (file: File, more: number) => void): boolean {
  const [dragging, setDragging] = useState(false);
  const onFileRef = useRef(onFile);
  onFileRef.current = onFile;

  useEffect(() => {
    let depth = 0;
    // dragleave is unreliable when the pointer leaves the window fast: stop after a quiet spell too.
    let quiet: ReturnType<typeof setTimeout> | null = null;
    const stop = () => {
      depth = 0;
      if (quiet) clearTimeout(quiet);
      quiet = null;
      setDragging(false);
    };
    const keepAlive = () => {
      if (quiet) clearTimeout(quiet);
      quiet = setTimeout(stop, 400);
    };
    const onEnter = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
      keepAlive();
    };
    const onOver = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
      setDragging(true);
      keepAlive();
    };
    const onLeave = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0 || e.relatedTarget === null) stop();
    };
    const onDrop = (e: DragEvent) => {
      if (!carriesFiles(e)) return;
      e.preventDefault();
      stop();
      const files = Array.from(e.dataTransfer?.files ?? []);
      const first = files[0];
      if (first) onFileRef.current(first, files.length - 1);
    };
    window.addEventListener('dragenter', onEnter);
    window.addEventListener('dragover', onOver);
    window.addEventListener('dragleave', onLeave);
    window.addEventListener('drop', onDrop);
    window.addEventListener('dragend', stop);
    return () => {
      window.removeEventListener('dragenter', onEnter);
      window.removeEventListener('dragover', onOver);
      window.removeEventListener('dragleave', onLeave);
      window.removeEventListener('drop', onDrop);
      window.removeEventListener('dragend', stop);
      if (quiet) clearTimeout(quiet);
    };
  }, []);

  return dragging;
}

export function DropOverlay() {
  const ref = useRef<HTMLDivElement>(null);
  const hasWorkspace = useApp((s) => s.workspace !== null);
  const running = useApp((s) => s.importer?.step === 'running');
  const dragging = useFileDrop((file, more) => {
    const a = useApp.getState();
    if (more > 0 && a.workspace) a.toast({ kind: 'info', title: 'One file at a time', message: `Importing ${file.name}; drop the other ${more === 1 ? 'file' : `${more} files`} after this one.` });
    void a.importFile(file);
  });

  useEffect(() => {
    const el = ref.current;
    if (!el || typeof el.showPopover !== 'function') return;
    if (dragging && !el.matches(':popover-open')) el.showPopover();
    if (!dragging && el.matches(':popover-open')) el.hidePopover();
  }, [dragging]);

  return (
    <div ref={ref} popover="manual" className={`drop-overlay${dragging ? ' active' : ''}`} data-testid="import-drop-overlay" aria-hidden={!dragging}>
      <div className="drop-card">
        <Icon name="file-plus" size={36} strokeWidth={1.5} />
        <strong>Drop a CSV, TSV, JSON Lines or XLSX file to import</strong>
        <span className="muted">
          {!hasWorkspace ? 'Open or create a workspace first — imports go into the open workspace.' : running ? 'An import is running: wait for it to finish first.' : 'You check how it is read and map its columns before anything is imported.'}
        </span>
      </div>
    </div>
  );
}
