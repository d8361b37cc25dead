// Number formats of the comparison (rates with intervals, lifts, shares, Jaccard), shared by the
// heatmap's tooltip and the tables. Pure.
const DASH = '—';
const EN_DASH = '–';
const MINUS = '\u2212';

/** 0.1234 → "12.3%"; below 1% two decimals ("0.42%"), so small rates stay distinguishable. */
export function formatRate(r: number | null | undefined): string {
  if (typeof r !== 'number' || !Number.isFinite(r)) return DASH;
  const pct = r * 100;
  if (pct !== 0 && Math.abs(pct) < 1) return `${pct.toFixed(2)}%`;
  return `${pct.toFixed(1)}%`;
}

/** "10.1–14.6%" (one unit for the pair). */
export function formatRateInterval(low: number, high: number): string {
  if (!Number.isFinite(low) || !Number.isFinite(high)) return DASH;
  return `${formatRate(low).replace('%', '')}${EN_DASH}${formatRate(high)}`;
}

/** "12.3% (10.1–14.6%)". */
export function formatRateWithInterval(o: { rate: number; low: number; high: number }): string {
  return `${formatRate(o.rate)} (${formatRateInterval(o.low, o.high)})`;
}

/** "×1.84"; a dash when the base rate is 0. */
export function formatLift(lift: number | null | undefined): string {
  if (typeof lift !== 'number' || !Number.isFinite(lift)) return DASH;
  return `×${lift.toFixed(2)}`;
}

/** The share n of total: "23.4%", or a dash for an empty total. */
export function formatShare(n: number, total: number): string {
  if (!(total > 0)) return DASH;
  return formatRate(n / total);
}

/** Two decimals with a real minus: ARI, NMI. */
export function formatIndex(v: number): string {
  if (!Number.isFinite(v)) return DASH;
  const text = Math.abs(v).toFixed(2);
  return v < 0 && Number(text) !== 0 ? `${MINUS}${text}` : text;
}

/** Jaccard with three decimals ("0.123"); "<0.001" for a tiny overlap that is not none. */
export function formatJaccard(j: number): string {
  if (!Number.isFinite(j)) return DASH;
  if (j > 0 && j < 0.0005) return '<0.001';
  return j.toFixed(3);
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
