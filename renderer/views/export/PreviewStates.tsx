// What a preview card shows when it has no preview: why it failed (core's message as it is), or a
// button to make it (after a Cancel).
import type { ExportFailure } from '../../store/exportSlice.ts';
import { Icon } from '../../components/Icon.tsx';

export function PreviewError({ error, testId }: { error: ExportFailure | null; testId: string }) {
  if (!error) return null;
  return (
    <div className="sig-alert error" role="alert" data-testid={testId} data-code={error.code}>
      <Icon name="alert" size={16} />
      <p>{error.message}</p>
    </div>
  );
}

export function PreviewIdle({ onRun, testId }: { onRun: () => void; testId: string }) {
  return (
    <p className="vp-note">
      <Icon name="info" size={14} /> No preview.{' '}
      <button type="button" className="vp-link" onClick={onRun} data-testid={testId}>
        Show the preview
      </button>
    </p>
  );
}
