// How a long job ended when it failed, next to the button that started it (or above the results
// it would have replaced). A view names its own error codes in `titles`; the common ones and then
// `fallback` cover the rest.
import { Icon } from '../../components/Icon.tsx';
import { jobFailureTitle, type JobFailure } from '../../store/signalsSlice.ts';

interface JobFailureNoteProps {
  failure: JobFailure;
  fallback: string;
  testId: string;
  titles?: Readonly<Record<string, string>>;
}

export function JobFailureNote({ failure, fallback, testId, titles }: JobFailureNoteProps) {
  return (
    <div className="sig-alert error" role="alert" data-testid={testId} data-code={failure.code}>
      <Icon name="alert" size={16} />
      <p>
        <strong>{titles?.[failure.code] ?? jobFailureTitle(failure, fallback)}.</strong> {failure.message}
      </p>
    </div>
  );
}
