// The bar a paged table shows when some of its rows could not be fetched; Retry asks again for
// the blocks that failed.
import { Icon } from './Icon.tsx';

export function RowsLoadError({ what, error, onRetry }: { what: string; error: string; onRetry: () => void }) {
  return (
    <div className="grid-error" role="alert">
      <Icon name="alert" size={14} /> Some {what} could not be loaded: {error}
      <button type="button" className="btn small" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}
