// Errors that need reading, e.g. why a workspace would not open. Stays until dismissed or until
// the next workspace action succeeds.
import { useApp } from '../store/index.ts';
import { Icon } from './Icon.tsx';

export function ErrorBanner() {
  const banner = useApp((s) => s.banner);
  const dismiss = useApp((s) => s.dismissBanner);
  if (!banner) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner" data-error-code={banner.code}>
      <Icon name="alert" size={18} />
      <div className="error-banner-text">
        <strong>{banner.title}</strong>
        <p>{banner.message}</p>
      </div>
      <button type="button" className="btn ghost small icon-only" onClick={dismiss} aria-label="Dismiss" title="Dismiss">
        <Icon name="x" size={14} />
      </button>
    </div>
  );
}
