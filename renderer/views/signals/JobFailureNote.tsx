// How a long job ended when it failed, next to the button that started it.
import { Icon } from '../../components/Icon.tsx';
import { jobFailureTitle, type JobFailure } from '../../store/signalsSlice.ts';

export function JobFailureNote({ failure, fallback, testId }: { failure: JobFailure; fallback: string; testId: string }) {
  return (
    <div className="sig-alert error" role="alert" data-testid={testId} data-code={failure.code}>
      <Icon name="alert" size={16} />
      <p>
        <strong>{jobFailureTitle(failure, fallback)}.</strong> {failure.message}
      </p>
    </div>
  );
}
