// "Import a file": choose a file, check how it is read, map its columns, run the import with
// progress and Cancel, read how it ended. One large dialog whose body is the current step and
// whose footer holds that step's way forward and back. While the import runs the dialog cannot be
// dismissed — Cancel is the way out, and it leaves the workspace unchanged.
import { useEffect, useRef } from 'react';
import { useApp } from '../../store/index.ts';
import type { ImportStep, ImportWizard } from '../../store/importSlice.ts';
import { Dialog } from '../../components/Dialog.tsx';
import { Icon } from '../../components/Icon.tsx';
import { JobProgress } from '../../components/JobProgress.tsx';
import { validateMapping } from '../../lib/importMapping.ts';
import { formatBytes } from '../../lib/format.ts';
import { SourceStep } from './SourceStep.tsx';
import { PreviewStep } from './PreviewStep.tsx';
import { MappingStep } from './MappingStep.tsx';
import { ConfirmStep } from './ConfirmStep.tsx';
import { ImportOutcome } from './ImportOutcome.tsx';

const STEPS: Array<{ id: 'source' | 'preview' | 'mapping' | 'confirm'; label: string }> = [
  { id: 'source', label: 'File' },
  { id: 'preview', label: 'Preview' },
  { id: 'mapping', label: 'Mapping' },
  { id: 'confirm', label: 'Import' },
];

function stepIndex(step: ImportStep): number {
  if (step === 'running' || step === 'done' || step === 'failed' || step === 'cancelled') return 3;
  return STEPS.findIndex((s) => s.id === step);
}

/** Issues that keep the import from starting: the mapping's own, and an unconfirmed re-import. */
export function blockingIssues(w: ImportWizard): string[] {
  if (!w.preview || !w.mapping) return ['Choose a file first.'];
  const issues = validateMapping(w.mapping, { columns: w.preview.columns, dates: w.preview.dates, dateChosenFor: w.dateChosenFor }).map((i) => i.message);
  if (w.preview.alreadyImported && !w.allowReimport) {
    issues.push(`This exact file was imported before (import #${w.preview.alreadyImported.importId}): tick "Import again anyway" to import it a second time.`);
  }
  return issues;
}

function Stepper({ w }: { w: ImportWizard }) {
  const go = useApp((s) => s.goToImportStep);
  const current = stepIndex(w.step);
  const locked = w.step === 'running';
  return (
    <ol className="import-steps" aria-label="Import steps">
      {STEPS.map((s, i) => {
        const reachable = !locked && i !== current && (s.id === 'source' || w.preview !== null) && i <= Math.max(current, w.preview ? 3 : 0);
        return (
          <li key={s.id} className={`import-step${i === current ? ' current' : ''}${i < current ? ' done' : ''}`} aria-current={i === current ? 'step' : undefined}>
            <button type="button" className="import-step-button" disabled={!reachable} onClick={() => go(s.id)}>
              <span className="import-step-num">{i < current ? <Icon name="check" size={12} strokeWidth={2.5} /> : i + 1}</span>
              <span>{s.label}</span>
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function Footer({ w }: { w: ImportWizard }) {
  const a = useApp.getState();
  const close = a.closeImport;
  const issues = blockingIssues(w);
  const back = (to: 'preview' | 'mapping') => (
    <button type="button" className="btn" onClick={() => a.goToImportStep(to)}>
      <Icon name="chevron-left" size={14} /> Back
    </button>
  );
  const closeBtn = (
    <button type="button" className="btn" onClick={close}>
      {w.step === 'done' ? 'Close' : 'Cancel'}
    </button>
  );
  switch (w.step) {
    case 'source':
      return (
        <>
          <span className="spacer" />
          {closeBtn}
        </>
      );
    case 'preview':
      return (
        <>
          <button type="button" className="btn ghost" onClick={() => a.goToImportStep('source')} data-testid="import-another-file">
            <Icon name="file" size={14} /> Another file…
          </button>
          <span className="spacer" />
          {closeBtn}
          <button type="button" className="btn primary" onClick={() => a.goToImportStep('mapping')} disabled={w.previewing || !w.preview || w.previewError !== null} data-testid="import-next">
            Next: mapping <Icon name="chevron-right" size={14} />
          </button>
        </>
      );
    case 'mapping': {
      const mappingIssues = issues.filter((m) => !m.startsWith('This exact file'));
      return (
        <>
          {back('preview')}
          <span className="spacer" />
          {mappingIssues.length > 0 ? <span className="footer-note warning-text">{mappingIssues.length === 1 ? '1 thing to settle above' : `${mappingIssues.length} things to settle above`}</span> : null}
          {closeBtn}
          <button type="button" className="btn primary" onClick={() => a.goToImportStep('confirm')} disabled={w.previewing || mappingIssues.length > 0} data-testid="import-next">
            Next: import <Icon name="chevron-right" size={14} />
          </button>
        </>
      );
    }
    case 'confirm':
      return (
        <>
          {back('mapping')}
          <span className="spacer" />
          {closeBtn}
          <button type="button" className="btn primary" onClick={() => void a.startImport()} disabled={issues.length > 0 || w.previewing} data-testid="import-start">
            <Icon name="file-plus" size={14} /> Import {w.preview ? formatBytes(w.preview.sizeBytes) : ''}
          </button>
        </>
      );
    case 'done':
      return (
        <>
          <button type="button" className="btn" onClick={a.restartImport}>
            <Icon name="file-plus" size={14} /> Import another file
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              close();
              a.setDataTab('imports');
            }}
          >
            <Icon name="history" size={14} /> Import history
          </button>
          <span className="spacer" />
          <button type="button" className="btn primary" onClick={close} autoFocus>
            Done
          </button>
        </>
      );
    case 'failed':
    case 'cancelled':
      return (
        <>
          <span className="spacer" />
          <button type="button" className="btn" onClick={close}>
            Close
          </button>
          <button type="button" className="btn primary" onClick={() => a.goToImportStep('mapping')} autoFocus data-testid="import-back-to-mapping">
            <Icon name="chevron-left" size={14} /> Back to mapping
          </button>
        </>
      );
    default:
      return null;
  }
}

export function ImportDialog() {
  const open = useApp((s) => s.importer !== null);
  return open ? <ImportDialogBody /> : null;
}

function ImportDialogBody() {
  const w = useApp((s) => s.importer)!;
  const fileInput = useRef<HTMLInputElement>(null);
  const chooseButton = useRef<HTMLButtonElement>(null);
  const body = useRef<HTMLDivElement>(null);
  const a = useApp.getState();
  const running = w.step === 'running';
  const chooseFile = () => fileInput.current?.click();

  // A new step replaces the buttons that had focus: start the keyboard at the top of the step,
  // unless the step focused something itself (autoFocus).
  const step = w.step;
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body || !active.isConnected) body.current?.focus({ preventScroll: true });
  }, [step]);

  return (
    <Dialog
      title={w.fileName ? `Import ${w.fileName}` : 'Import a file'}
      onCancel={running ? undefined : a.closeImport}
      className="import-dialog"
      testId="import-dialog"
      initialFocus={chooseButton}
      footer={running ? undefined : <Footer key={w.step} w={w} />}
    >
      <Stepper w={w} />
      <div ref={body} className="import-body" data-step={w.step} tabIndex={-1}>
        {w.step === 'source' ? <SourceStep w={w} onChooseFile={chooseFile} chooseButton={chooseButton} /> : null}
        {w.step === 'preview' ? <PreviewStep w={w} /> : null}
        {w.step === 'mapping' ? <MappingStep w={w} /> : null}
        {w.step === 'confirm' ? <ConfirmStep w={w} issues={blockingIssues(w)} /> : null}
        {running ? (
          <div className="import-running">
            <p className="muted">
              Importing <strong>{w.fileName}</strong> as {w.mapping?.kind}. Nothing is written until the whole file has been read: cancelling leaves the workspace exactly as it was.
            </p>
            <JobProgress progress={w.progress} startedAt={w.startedAt} cancelling={w.cancelling} onCancel={a.cancelImport} testIdPrefix="import" startingText="Starting the import…" />
          </div>
        ) : null}
        {w.step === 'done' || w.step === 'failed' || w.step === 'cancelled' ? <ImportOutcome w={w} /> : null}
      </div>
      <input
        ref={fileInput}
        type="file"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        accept=".csv,.tsv,.tab,.txt,.psv,.dat,.jsonl,.ndjson,.json,.xlsx,text/csv,text/plain,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        data-testid="import-file-input"
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) void a.importFile(file);
        }}
      />
    </Dialog>
  );
}
