// One click flips between light and dark (what people expect of a "theme toggle"); the small
// menu next to it offers System / Light / Dark, where System follows the OS setting.
import { useApp } from '../store/index.ts';
import { resolvedTheme } from '../store/uiSlice.ts';
import { Icon } from './Icon.tsx';
import { Menu } from './Menu.tsx';

export function ThemeControl({ compact }: { compact: boolean }) {
  const pref = useApp((s) => s.themePreference);
  const mode = useApp(resolvedTheme);
  const setPref = useApp((s) => s.setThemePreference);
  const next = mode === 'dark' ? 'light' : 'dark';
  const following = pref === 'system' ? ' (now following the system)' : '';

  return (
    <div className={`theme-control${compact ? ' compact' : ''}`}>
      <button
        type="button"
        className="btn ghost nav-button theme-toggle"
        data-testid="theme-toggle"
        data-theme-mode={mode}
        title={`Switch to the ${next} theme${following}`}
        aria-label={`Switch to the ${next} theme`}
        onClick={() => setPref(next)}
      >
        <Icon name={mode === 'dark' ? 'moon' : 'sun'} size={16} />
        {compact ? null : <span className="nav-label">{mode === 'dark' ? 'Dark' : 'Light'} theme</span>}
      </button>
      {compact ? null : (
        <Menu
          label={<Icon name="chevron-down" size={14} />}
          buttonClassName="btn ghost icon-only small theme-menu-button"
          buttonTitle="Theme: System, Light or Dark"
          ariaLabel="Theme options"
          align="left"
          entries={[
            { kind: 'label', text: 'Theme' },
            { kind: 'item', label: 'System', detail: 'Follow the operating system', checked: pref === 'system', onSelect: () => setPref('system'), testId: 'theme-option-system' },
            { kind: 'item', label: 'Light', checked: pref === 'light', onSelect: () => setPref('light'), testId: 'theme-option-light' },
            { kind: 'item', label: 'Dark', checked: pref === 'dark', onSelect: () => setPref('dark'), testId: 'theme-option-dark' },
          ]}
        />
      )}
    </div>
  );
}
