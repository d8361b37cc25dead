// Canonical event types, and the names other tools export for them. Unknown types are kept as
// given (DESIGN.md: "other types are kept as given"), only trimmed.
export const CANONICAL_EVENT_TYPES = [
  'page_view',
  'session_start',
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
  'signup',
  'login',
  'feature_use',
] as const;

const SYNONYMS: Record<string, string> = {
  pageview: 'page_view',
  page: 'page_view',
  viewed_page: 'page_view',
  viewed_product: 'page_view',
  screen_view: 'page_view',
  session: 'session_start',
  session_started: 'session_start',
  received_email: 'email_sent',
  email_delivered: 'email_sent',
  sent_email: 'email_sent',
  opened_email: 'email_open',
  email_opened: 'email_open',
  open: 'email_open',
  clicked_email: 'email_click',
  email_clicked: 'email_click',
  click: 'email_click',
  received_sms: 'sms_sent',
  sms_delivered: 'sms_sent',
  replied_to_sms: 'sms_reply',
  sms_replied: 'sms_reply',
  added_to_cart: 'add_to_cart',
  add_to_basket: 'add_to_cart',
  started_checkout: 'checkout_start',
  begin_checkout: 'checkout_start',
  checkout_started: 'checkout_start',
  placed_order: 'purchase',
  order_placed: 'purchase',
  order: 'purchase',
  ordered_product: 'purchase',
  refunded_order: 'return',
  refund: 'return',
  returned: 'return',
  cancelled_order: 'return',
  support_ticket: 'support_contact',
  ticket_created: 'support_contact',
  contact: 'support_contact',
  sign_up: 'signup',
  registered: 'signup',
  log_in: 'login',
  logged_in: 'login',
};

const canonical = new Set<string>(CANONICAL_EVENT_TYPES);
const cache = new Map<string, string>();

/** Maps an exported event name to its canonical type; unknown names come back trimmed. */
export function canonicalEventType(raw: string): string {
  const hit = cache.get(raw);
  if (hit !== undefined) return hit;
  const trimmed = raw.trim();
  const key = trimmed
    .toLowerCase()
    .replace(/[\s\-.]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const type = canonical.has(key) ? key : (SYNONYMS[key] ?? trimmed);
  if (cache.size < 10_000) cache.set(raw, type);
  return type;
}
