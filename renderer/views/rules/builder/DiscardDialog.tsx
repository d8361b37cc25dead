// "Discard unsaved changes?" before another segment, a new one or a compared cell replaces the draft.
import { useApp } from '../../../store/index.ts';
import { Dialog } from '../../../components/Dialog.tsx';

export function DiscardDialog() {
  const prompt = useApp((s) => s.rulesDiscardPrompt);
  const confirm = useApp((s) => s.confirmRulesDiscard);
  const cancel = useApp((s) => s.cancelRulesDiscard);
  if (!prompt) return null;
  return (
    <Dialog
      title={prompt.title}
      onCancel={cancel}
      testId="rule-discard-dialog"
      footer={
        <>
          <button type="button" className="btn" onClick={cancel} data-testid="rule-discard-cancel" autoFocus>
            Keep editing
          </button>
          <button type="button" className="btn danger-solid" onClick={confirm} data-testid="rule-discard-confirm">
            {prompt.confirmLabel}
          </button>
        </>
      }
    >
      <p>{prompt.message}</p>
    </Dialog>
  );
}
