// Colours and icons per event type, shared by the timeline list, its type chips and the activity
// chart so one type looks the same everywhere. Hues are grouped by journey stage (browsing blue,
// messaging teal/green, buying orange/red, service purple) and chosen to stay readable on both
// the light and the dark surface.
import type { IconName } from '../components/Icon.tsx';

export interface EventTypeStyle {
  color: string;
  icon: IconName;
}

export const EVENT_TYPE_ORDER = [
  'session_start',
  'page_view',
  'login',
  'signup',
  'feature_use',
  'email_sent',
  'email_open',
  'email_click',
  'sms_sent',
  'sms_reply',
  'add_to_cart',
  'checkout_start',
  'purchase',
  'return',
  'support_contact',
] as const;

const STYLES: Record<string, EventTypeStyle> = {
  session_start: { color: '#7b8794', icon: 'play' },
  page_view: { color: '#4e8fe0', icon: 'eye' },
  login: { color: '#6f7fd6', icon: 'key' },
  signup: { color: '#9a6fe0', icon: 'user-plus' },
  feature_use: { color: '#4fb0c6', icon: 'zap' },
  email_sent: { color: '#7fb8a8', icon: 'mail' },
  email_open: { color: '#2fa38a', icon: 'mail-open' },
  email_click: { color: '#17866f', icon: 'pointer' },
  sms_sent: { color: '#9bbf6a', icon: 'message' },
  sms_reply: { color: '#6f9f35', icon: 'reply' },
  add_to_cart: { color: '#e0a23a', icon: 'cart' },
  checkout_start: { color: '#e07d2e', icon: 'card' },
  purchase: { color: '#d9502f', icon: 'bag' },
  return: { color: '#b5405e', icon: 'undo' },
  support_contact: { color: '#a35fb8', icon: 'help' },
};

const FALLBACK_COLORS = ['#8d99a6', '#a68d6e', '#6e8da6', '#a66e8d', '#8da66e'];

function hash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (h * 31 + s.charCodeAt(i)) | 0;
  return Math.abs(h);
}

/** Types outside the canonical list (kept as imported) get a stable neutral colour. */
export function eventTypeStyle(type: string): EventTypeStyle {
  return STYLES[type] ?? { color: FALLBACK_COLORS[hash(type) % FALLBACK_COLORS.length]!, icon: 'dot' };
}

/** Canonical types first in journey order, then any others alphabetically. */
export function sortEventTypes(types: Iterable<string>): string[] {
  const rank = (t: string) => {
    const i = (EVENT_TYPE_ORDER as readonly string[]).indexOf(t);
    return i < 0 ? EVENT_TYPE_ORDER.length : i;
  };
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}
