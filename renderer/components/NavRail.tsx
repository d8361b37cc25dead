// The left navigation: the eight views, with their shortcuts. Collapses to icons when the user
// asks or the window is narrow (CSS), keeping labels as tooltips.
import { useApp } from '../store/index.ts';
import { VIEWS, shortcutLabel } from '../lib/views.ts';
import { Icon } from './Icon.tsx';
import { ThemeControl } from './ThemeControl.tsx';

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

export function NavRail() {
  const view = useApp((s) => s.view);
  const setView = useApp((s) => s.setView);
  const collapsed = useApp((s) => s.navCollapsed);
  const toggleNav = useApp((s) => s.toggleNav);
  const version = useApp((s) => s.appInfo?.version);

  return (
    <nav className={`nav${collapsed ? ' collapsed' : ''}`} aria-label="Views">
      <div className="nav-brand">
        <span className="nav-logo" aria-hidden="true">
          <Icon name="clusters" size={18} strokeWidth={2} />
        </span>
        <span className="nav-label nav-brand-name">Segment Workbench</span>
      </div>
      <ul className="nav-list">
        {VIEWS.map((v, i) => (
          <li key={v.id}>
            <button
              type="button"
              className={`nav-button${view === v.id ? ' active' : ''}`}
              aria-current={view === v.id ? 'page' : undefined}
              data-testid={`nav-${v.id}`}
              title={`${v.label} (${shortcutLabel(i, isMac)})`}
              onClick={() => setView(v.id)}
            >
              <Icon name={v.icon} size={17} />
              <span className="nav-label">{v.label}</span>
            </button>
          </li>
        ))}
      </ul>
      <div className="nav-footer">
        <ThemeControl compact={collapsed} />
        <button type="button" className="nav-button nav-collapse" onClick={toggleNav} title={collapsed ? 'Expand navigation' : 'Collapse navigation'} aria-label={collapsed ? 'Expand navigation' : 'Collapse navigation'}>
          <Icon name={collapsed ? 'chevron-right' : 'chevron-left'} size={16} />
          <span className="nav-label">Collapse</span>
          {version ? <span className="nav-version">v{version}</span> : null}
        </button>
      </div>
    </nav>
  );
}
