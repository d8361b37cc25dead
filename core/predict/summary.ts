// A workspace's purchases as the buy-till-you-die models see them: one transaction per customer
// and day (same-day purchases merged, as in the published CDNOW analyses), the first purchase as
// the customer's birth, a calibration period that ends on a chosen day (inclusive) and a holdout
// after it. Times are in the model's unit (days or weeks) measured in whole days.
import type { Db } from '../store/db.ts';
import { DAY_MS } from '../signals/catalog.ts';

export const TIME_UNITS = { day: 1, week: 7 } as const;
export type TimeUnit = keyof typeof TIME_UNITS;

export interface RfmSummary {
  customerIds: string[];
  /** Repeat transactions in the calibration period. */
  x: Float64Array;
  tx: Float64Array;
  T: Float64Array;
  /** Day (days since 1970-01-01 UTC) of the first purchase. */
  firstDay: Int32Array;
  /** Mean value of the repeat transactions in the calibration period (NaN without any). */
  monetary: Float64Array;
  /** Transactions in the holdout (calibration end, holdout end]; null without a holdout. */
  holdout: Float64Array | null;
  /** Holdout transactions per day after the calibration end (index 0 = the first holdout day), all customers together. */
  holdoutDaily: Float64Array | null;
  /** Calibration transactions (repeat only) per day since the first birth, all customers together. */
  calibrationDaily: Float64Array;
  calibrationEndDay: number;
  holdoutEndDay: number | null;
  firstBirthDay: number;
  unit: TimeUnit;
}

/**
 * @param calibrationEndDay last day (days since epoch, UTC) of the calibration period
 * @param holdoutEndDay last day of the holdout period, or null for none (scoring as of now)
 */
export function summariseTransactions(db: Db, calibrationEndDay: number, holdoutEndDay: number | null, unit: TimeUnit): RfmSummary {
  const unitDays = TIME_UNITS[unit];
  const lastDay = holdoutEndDay ?? calibrationEndDay;
  const rows = db.iterateArrays(
    `SELECT customer_id, CAST(ts / ${DAY_MS} AS INTEGER) AS day, coalesce(sum(amount), 0) AS value
     FROM events WHERE type = 'purchase' AND ts < ?
     GROUP BY customer_id, day ORDER BY customer_id, day`,
    [(lastDay + 1) * DAY_MS],
  );
  const ids: string[] = [];
  const x: number[] = [];
  const tx: number[] = [];
  const T: number[] = [];
  const first: number[] = [];
  const monetary: number[] = [];
  const holdout: number[] = [];
  const calibrationDaily = new Map<number, number>();
  const holdoutDaily = new Float64Array(holdoutEndDay === null ? 0 : holdoutEndDay - calibrationEndDay);
  let current: string | null = null;
  let firstDay = 0;
  let lastCalDay = 0;
  let repeats = 0;
  let repeatValue = 0;
  let later = 0;
  const flush = () => {
    if (current === null || firstDay > calibrationEndDay) return;
    ids.push(current);
    x.push(repeats);
    tx.push((lastCalDay - firstDay) / unitDays);
    T.push((calibrationEndDay - firstDay) / unitDays);
    first.push(firstDay);
    monetary.push(repeats > 0 ? repeatValue / repeats : NaN);
    holdout.push(later);
  };
  for (const [id, day, value] of rows as Iterable<[string, number, number]>) {
    if (id !== current) {
      flush();
      current = id;
      firstDay = day;
      lastCalDay = day;
      repeats = 0;
      repeatValue = 0;
      later = 0;
      continue;
    }
    if (firstDay > calibrationEndDay) continue;
    if (day <= calibrationEndDay) {
      repeats++;
      repeatValue += value;
      lastCalDay = day;
      calibrationDaily.set(day, (calibrationDaily.get(day) ?? 0) + 1);
    } else {
      later++;
      holdoutDaily[day - calibrationEndDay - 1]!++;
    }
  }
  flush();
  let firstBirthDay = calibrationEndDay;
  for (const day of first) if (day < firstBirthDay) firstBirthDay = day;
  const calDaily = new Float64Array(calibrationEndDay - firstBirthDay + 1);
  for (const [day, n] of calibrationDaily) calDaily[day - firstBirthDay]! += n;
  return {
    customerIds: ids,
    x: Float64Array.from(x),
    tx: Float64Array.from(tx),
    T: Float64Array.from(T),
    firstDay: Int32Array.from(first),
    monetary: Float64Array.from(monetary),
    holdout: holdoutEndDay === null ? null : Float64Array.from(holdout),
    holdoutDaily: holdoutEndDay === null ? null : holdoutDaily,
    calibrationDaily: calDaily,
    calibrationEndDay,
    holdoutEndDay,
    firstBirthDay,
    unit,
  };
}
