// The manual theme override survives restarts in localStorage. Guarded because storage can be
// unavailable (privacy settings, file:// pages in some shells); then the choice lasts the session.
export type ThemePreference = 'system' | 'light' | 'dark';

const KEY = 'segwb.theme';

export function parseThemePreference(value: unknown): ThemePreference {
  return value === 'light' || value === 'dark' || value === 'system' ? value : 'system';
}

export function loadThemePreference(): ThemePreference {
  try {
    return parseThemePreference(globalThis.localStorage?.getItem(KEY));
  } catch {
    return 'system';
  }
}

export function saveThemePreference(pref: ThemePreference): void {
  try {
    globalThis.localStorage?.setItem(KEY, pref);
  } catch {
    // Not fatal: the preference simply is not remembered.
  }
}
