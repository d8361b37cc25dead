// Display formatting shared by every view. Dates are shown in UTC on purpose: the core buckets
// events by UTC day/week/month, so a customer's "2024-03-05" means the same day in the table,
// the timeline and every chart, whatever the analyst's time zone.

const LOCALE = 'en-US';
const DASH = '—';

const intFmt = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 0 });
const moneyFmt = new Intl.NumberFormat(LOCALE, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const oneDecimal = new Intl.NumberFormat(LOCALE, { maximumFractionDigits: 1 });

const pad2 = (n: number): string => (n < 10 ? `0${n}` : String(n));

function validTime(ms: number | null | undefined): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms);
}

/** YYYY-MM-DD (UTC), or a dash when unknown. */
export function formatDate(ms: number | null | undefined): string {
  if (!validTime(ms)) return DASH;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad2(d.getUTCMonth() + 1)}-${pad2(d.getUTCDate())}`;
}

/** HH:MM (UTC, 24 h). */
export function formatTime(ms: number | null | undefined): string {
  if (!validTime(ms)) return DASH;
  const d = new Date(ms);
  return `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}`;
}

export function formatDateTime(ms: number | null | undefined): string {
  if (!validTime(ms)) return DASH;
  return `${formatDate(ms)} ${formatTime(ms)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** "Tue 2024-03-05" — the heading of a day in the timeline. */
export function formatDayHeading(ms: number): string {
  return `${WEEKDAYS[new Date(ms).getUTCDay()]} ${formatDate(ms)}`;
}

/** "2023-01-02 – 2024-06-30"; one date when both ends fall on the same day. */
export function formatDateRange(from: number | null, to: number | null): string {
  if (!validTime(from) || !validTime(to)) return DASH;
  const a = formatDate(from);
  const b = formatDate(to);
  return a === b ? a : `${a} – ${b}`;
}

export function formatInt(n: number | null | undefined): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return DASH;
  return intFmt.format(n);
}

/** Currency-like amount with two decimals and grouping, no currency symbol (the data has none). */
export function formatMoney(n: number | null | undefined): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return DASH;
  return moneyFmt.format(n);
}

/** 950 → "950", 12 345 → "12.3k", 1 234 567 → "1.2M": for counts in tight spots like the top bar. */
export function formatCompact(n: number | null | undefined): string {
  if (typeof n !== 'number' || !Number.isFinite(n)) return DASH;
  const abs = Math.abs(n);
  if (abs < 10_000) return intFmt.format(n);
  if (abs < 1_000_000) return `${oneDecimal.format(n / 1000)}k`;
  if (abs < 1_000_000_000) return `${oneDecimal.format(n / 1_000_000)}M`;
  return `${oneDecimal.format(n / 1_000_000_000)}B`;
}

/** "1 customer", "20,000 customers". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${formatInt(n)} ${n === 1 ? one : many}`;
}

/** A remaining-time estimate: "about 5 s", "about 2 min 10 s", "about 1 h 5 min". */
export function formatEta(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return '';
  const s = Math.max(1, Math.round(ms / 1000));
  if (s < 60) return `about ${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `about ${m} min ${pad2(s % 60)} s`;
  return `about ${Math.floor(m / 60)} h ${pad2(m % 60)} min`;
}

export function formatBytes(n: number): string {
  if (!Number.isFinite(n) || n < 0) return DASH;
  if (n < 1024) return `${n} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let v = n / 1024;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return `${oneDecimal.format(v)} ${units[i]}`;
}

/** Percentage 0..100 of done/total, clamped; null when the total is unknown. */
export function percent(done: number, total: number | null): number | null {
  if (total === null || total <= 0) return null;
  return Math.min(100, Math.max(0, (done / total) * 100));
}

/** Event-type identifiers as words: "add_to_cart" → "Add to cart". */
export function humanize(id: string): string {
  const words = id.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : id;
}

/** "12.3 MB of 46.3 MB" — byte progress of an upload or an import. */
export function formatByteProgress(done: number, total: number | null): string {
  return total === null ? formatBytes(done) : `${formatBytes(done)} of ${formatBytes(total)}`;
}

/** What a progress report counts, in words: bytes as sizes, anything else as numbers. */
export function formatProgressCount(p: { done: number; total: number | null; unit: string }): string {
  if (p.unit === 'bytes') return formatByteProgress(p.done, p.total);
  return p.total !== null ? `${formatInt(p.done)} / ${formatInt(p.total)} ${p.unit}` : `${formatInt(p.done)} ${p.unit}`;
}

/** How long something took: "850 ms", "4.2 s", "2 min 05 s", "1 h 02 min". */
export function formatDuration(ms: number | null | undefined): string {
  if (typeof ms !== 'number' || !Number.isFinite(ms) || ms < 0) return DASH;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  if (ms < 60_000) return `${oneDecimal.format(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${pad2(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${pad2(m % 60)} min`;
}
