// Which view is shown and how the app looks.
import type { ViewId } from '../lib/views.ts';
import type { ThemeMode } from '../charts/theme.ts';
import { loadThemePreference, saveThemePreference, type ThemePreference } from '../lib/themePreference.ts';
import type { SliceCreator } from './types.ts';

export interface UiSlice {
  view: ViewId;
  themePreference: ThemePreference;
  /** What the operating system prefers, kept up to date by a media-query listener. */
  systemTheme: ThemeMode;
  /** The user's choice for the navigation; small windows collapse it regardless. */
  navCollapsed: boolean;
  setView(view: ViewId): void;
  setThemePreference(pref: ThemePreference): void;
  setSystemTheme(mode: ThemeMode): void;
  toggleNav(): void;
}

export const createUiSlice: SliceCreator<UiSlice> = (set) => ({
  view: 'data',
  themePreference: loadThemePreference(),
  systemTheme: 'light',
  navCollapsed: false,
  setView: (view) => set({ view }),
  setThemePreference: (themePreference) => {
    saveThemePreference(themePreference);
    set({ themePreference });
  },
  setSystemTheme: (systemTheme) => set({ systemTheme }),
  toggleNav: () => set((s) => ({ navCollapsed: !s.navCollapsed })),
});

/** The theme in effect. */
export function resolvedTheme(s: Pick<UiSlice, 'themePreference' | 'systemTheme'>): ThemeMode {
  return s.themePreference === 'system' ? s.systemTheme : s.themePreference;
}
