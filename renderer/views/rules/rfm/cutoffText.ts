// The cut-offs in plain words: what each R, F and M score means with the cut-offs actually used
// ("R 5: bought within 12 days", "F 2: 2–3 orders", "M 5: spent more than 480.00"). Core's rule:
// R = 5 for days since purchase <= recencyDays[0] … 1 above recencyDays[3]; F = 1 for orders <=
// orders[0] … 5 above orders[3]; M likewise with revenue.
import { formatMoney } from '../../../lib/format.ts';

export interface ScoreText {
  score: number;
  text: string;
  /** True when no buyer can get this score (two equal cut-offs). */
  empty: boolean;
}

// Days since purchase are fractional (quantile cut-offs too): one decimal reads well enough.
const num = (v: number) => v.toLocaleString('en-US', { maximumFractionDigits: 1 });
const days = (v: number) => `${num(v)} ${v === 1 ? 'day' : 'days'}`;
const orders = (v: number) => `${num(v)} ${v === 1 ? 'order' : 'orders'}`;

/**
 * The values between two cut-offs (lo, hi]. Whole-number cut-offs of a whole-number measure give
 * "lo + 1–hi"; otherwise "lo–hi" (lo itself belongs to the score below).
 */
function between(lo: number, hi: number, whole: boolean, unit: (v: number) => string, plain: (v: number) => string): string {
  if (whole && Number.isInteger(lo) && Number.isInteger(hi)) {
    const first = lo + 1;
    return first === hi ? unit(hi) : `${plain(first)}–${unit(hi)}`;
  }
  return `${plain(lo)}–${unit(hi)}`;
}

/** R 5 first (most recent), down to R 1. */
export function recencyText(c: readonly number[]): ScoreText[] {
  const [a, b, d, e] = c as [number, number, number, number];
  const mid = (score: number, lo: number, hi: number, above: number): ScoreText =>
    hi <= lo ? { score, text: `none (same cut-off as R ${above})`, empty: true } : { score, text: `bought ${between(lo, hi, true, days, num)} ago`, empty: false };
  return [
    { score: 5, text: a === 0 ? 'bought on the as-of day' : `bought within ${days(a)}`, empty: false },
    mid(4, a, b, 5),
    mid(3, b, d, 4),
    mid(2, d, e, 3),
    { score: 1, text: `bought more than ${days(e)} ago`, empty: false },
  ];
}

/** F 1 (fewest orders) up to F 5. */
export function frequencyText(c: readonly number[]): ScoreText[] {
  const [a, b, d, e] = c as [number, number, number, number];
  const mid = (score: number, lo: number, hi: number): ScoreText =>
    hi <= lo ? { score, text: `none (same cut-off as F ${score - 1})`, empty: true } : { score, text: between(lo, hi, true, orders, num), empty: false };
  return [
    { score: 1, text: `at most ${orders(a)}`, empty: false },
    mid(2, a, b),
    mid(3, b, d),
    mid(4, d, e),
    { score: 5, text: `more than ${orders(e)}`, empty: false },
  ];
}

/** M 1 (least revenue) up to M 5. */
export function monetaryText(c: readonly number[]): ScoreText[] {
  const [a, b, d, e] = c as [number, number, number, number];
  const mid = (score: number, lo: number, hi: number): ScoreText =>
    hi <= lo ? { score, text: `none (same cut-off as M ${score - 1})`, empty: true } : { score, text: `spent ${formatMoney(lo)}–${formatMoney(hi)}`, empty: false };
  return [
    { score: 1, text: `spent at most ${formatMoney(a)}`, empty: false },
    mid(2, a, b),
    mid(3, b, d),
    mid(4, d, e),
    { score: 5, text: `spent more than ${formatMoney(e)}`, empty: false },
  ];
}
