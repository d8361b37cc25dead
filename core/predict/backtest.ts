// How well the expected purchases predicted the holdout: in aggregate, per customer, by
// calibration frequency, by decile, and as cumulative repeat transactions week by week.
import { formatDay } from '../signals/as-of.ts';
import { DAY_MS } from '../signals/catalog.ts';
import type { RfmSummary } from './summary.ts';
import { TIME_UNITS } from './summary.ts';
import type { Backtest } from './types.ts';

const FREQUENCY_CAP = 7;

/**
 * @param predicted expected holdout purchases per customer
 * @param expectedFromBirth expected repeat purchases of a new customer in (0, t], t in model units
 */
export function backtest(s: RfmSummary, predicted: Float64Array, expectedFromBirth: (t: number) => number): Backtest {
  const actual = s.holdout!;
  const n = actual.length;
  let actualTotal = 0;
  let predictedTotal = 0;
  let absolute = 0;
  for (let i = 0; i < n; i++) {
    actualTotal += actual[i]!;
    predictedTotal += predicted[i]!;
    absolute += Math.abs(predicted[i]! - actual[i]!);
  }

  const byFrequency = Array.from({ length: FREQUENCY_CAP + 1 }, (_, x) => ({ x: x === FREQUENCY_CAP ? `${x}+` : String(x), customers: 0, actual: 0, predicted: 0 }));
  for (let i = 0; i < n; i++) {
    const row = byFrequency[Math.min(FREQUENCY_CAP, s.x[i]!)]!;
    row.customers++;
    row.actual += actual[i]!;
    row.predicted += predicted[i]!;
  }
  for (const row of byFrequency) {
    row.actual = row.customers ? row.actual / row.customers : 0;
    row.predicted = row.customers ? row.predicted / row.customers : 0;
  }

  // Deciles by expected purchases, highest first; ties keep customer order (stable sort).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => predicted[b]! - predicted[a]!);
  const mean = n ? actualTotal / n : 0;
  const deciles = Array.from({ length: 10 }, (_, d) => {
    const from = Math.floor((d * n) / 10);
    const to = Math.floor(((d + 1) * n) / 10);
    let p = 0;
    let a = 0;
    for (let k = from; k < to; k++) {
      p += predicted[order[k]!]!;
      a += actual[order[k]!]!;
    }
    const count = to - from;
    return { decile: d + 1, customers: count, predicted: count ? p / count : 0, actual: count ? a / count : 0, lift: count && mean > 0 ? a / count / mean : 0 };
  });

  return {
    holdoutDays: s.holdoutEndDay! - s.calibrationEndDay,
    actualTotal,
    predictedTotal,
    meanAbsoluteError: n ? absolute / n : 0,
    tracking: tracking(s, expectedFromBirth),
    byFrequency,
    deciles,
  };
}

/** Week by week from the first birth to the holdout end: actual and expected cumulative repeat transactions. */
function tracking(s: RfmSummary, expectedFromBirth: (t: number) => number): Backtest['tracking'] {
  const unitDays = TIME_UNITS[s.unit];
  const births = new Map<number, number>();
  for (const day of s.firstDay) births.set(day, (births.get(day) ?? 0) + 1);
  const lastDay = s.holdoutEndDay!;
  const weekEnd: string[] = [];
  const actual: number[] = [];
  const predicted: number[] = [];
  let cumulative = 0;
  let day = s.firstBirthDay;
  let calibrationWeeks = 0;
  for (let end = s.firstBirthDay + 6; ; end += 7) {
    const stop = Math.min(end, lastDay);
    for (; day <= stop; day++) {
      cumulative += day <= s.calibrationEndDay ? (s.calibrationDaily[day - s.firstBirthDay] ?? 0) : (s.holdoutDaily![day - s.calibrationEndDay - 1] ?? 0);
    }
    let expected = 0;
    // Times are whole days from the first purchase, as in the calibration summaries (tx, T).
    for (const [birth, count] of births) if (birth <= stop) expected += count * expectedFromBirth((stop - birth) / unitDays);
    weekEnd.push(formatDay(stop * DAY_MS));
    actual.push(cumulative);
    predicted.push(Math.round(expected * 100) / 100);
    if (stop <= s.calibrationEndDay) calibrationWeeks++;
    if (stop === lastDay) break;
  }
  return { weekEnd, actual, predicted, calibrationWeeks };
}
