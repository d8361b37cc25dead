// The intent score and funnel phase as SQL, bit for bit what the app computes (signals/scoring-state.ts
// with a fresh scorer): each weighted signal normalised over the customers of the date (percentile =
// share strictly below, or strictly above for "less is more"; robust-z around the median), rounded to
// float32 as the app's Float32Array columns are (SqlDialect.float32), summed left to right in the app's column order
// (w*n, plus |w| for a negative weight), divided by the customer's sum of |w| over present signals,
// rounded to float32 again; then retention first and the thresholds against that float32 score.
import type { SignalInfo, ScoringSettings } from '../../signals/types.ts';
import type { SqlDialect } from '../../signals/sql-dialect.ts';
import { quantileSql } from './quantile.ts';

/** Signal id as a column name (ids are ^[a-z][a-z0-9_]*$, checked by the schema). */
export const column = (id: string) => `"${id}"`;

const MAD_TO_SD = 1.4826;
const MEAN_ABS_DEV_TO_SD = Math.sqrt(Math.PI / 2);

export interface WeightedSignal {
  info: SignalInfo;
  weight: number;
}

/** The signals that count, in the app's column order (weight 0 or not a number: left out). */
export function weightedSignals(signals: readonly SignalInfo[], settings: ScoringSettings): WeightedSignal[] {
  return signals.map((info) => ({ info, weight: settings.weights[info.id] ?? 0 })).filter((s) => s.weight !== 0 && s.weight === s.weight);
}

/**
 * The body of a view (customer_id, intent_score, phase) over `source`, which has a column per signal
 * id. Retention reads days_since_purchase and days_since_active whether weighted or not.
 */
export function scoringSql(source: string, signals: readonly SignalInfo[], settings: ScoringSettings, d: SqlDialect): string {
  const used = weightedSignals(signals, settings);
  const ctes: string[] = [`base AS MATERIALIZED (SELECT * FROM ${source})`];
  const robust = settings.normalisation === 'robust-z';
  // Robust-z statistics per signal: one row each (median, scale), computed over the customers of the date.
  if (robust) {
    used.forEach(({ info }, i) => {
      const c = column(info.id);
      const median = quantileSql(c, 'base', 0.5, d);
      ctes.push(`med${i} AS MATERIALIZED (SELECT ${median} AS med, count(${c}) AS n FROM base)`);
      const deviations = `(SELECT abs(${c} - m.med) AS dev FROM base, med${i} AS m WHERE ${c} IS NOT NULL) AS dv`;
      ctes.push(`dev${i} AS MATERIALIZED (SELECT ${quantileSql('dev', deviations, 0.5, d)} AS mad, (SELECT ${d.sum('dev')} FROM ${deviations}) AS abssum)`);
      // scale = 1.4826 MAD; when that is 0, sqrt(pi/2) x the mean absolute deviation (normalise.ts).
      const mad = `${d.double(MAD_TO_SD)} * dv.mad`;
      ctes.push(
        `stat${i} AS MATERIALIZED (SELECT m.med, CASE WHEN ${mad} = 0 THEN ${d.double(MEAN_ABS_DEV_TO_SD)} * (dv.abssum / m.n) ELSE ${mad} END AS scale FROM med${i} AS m, dev${i} AS dv)`,
      );
    });
  }
  const unit = ({ info }: WeightedSignal, i: number): string => {
    const c = column(info.id);
    if (!robust) {
      const rank = `rank() OVER (PARTITION BY ${c} IS NULL ORDER BY ${c}${info.direction === 1 ? '' : ' DESC'}) - 1`;
      return `CASE WHEN ${c} IS NULL THEN NULL ELSE ${d.real(rank)} / count(${c}) OVER () END`;
    }
    const z = `${d.least(d.double(3), d.greatest(d.double(-3), `(${c} - st${i}.med) / st${i}.scale`))}`;
    const u = `(${z} + ${d.double(3)}) / ${d.double(6)}`;
    return `CASE WHEN ${c} IS NULL THEN NULL WHEN st${i}.scale = 0 THEN 0.5 ELSE ${info.direction === 1 ? u : `${d.double(1)} - ${u}`} END`;
  };
  const statsJoin = robust ? used.map((_, i) => `, stat${i} AS st${i}`).join('') : '';
  const carried = 'customer_id, days_since_purchase, days_since_active';
  ctes.push(`units AS MATERIALIZED (SELECT ${carried}${used.map((s, i) => `, ${unit(s, i)} AS p${i}`).join('')} FROM base${statsJoin})`);
  // Missing values: 0 under "worst", nothing (neither in the sum nor in the weights) under "exclude".
  const normalised = used.map(({ info }, i) => `, CASE WHEN p${i} IS NULL THEN ${info.missing === 'worst' ? '0.0' : 'NULL'} ELSE ${d.float32(`p${i}`)} END AS n${i}`);
  ctes.push(`norm AS MATERIALIZED (SELECT ${carried}${normalised.join('')} FROM units)`);
  let num = '0.0';
  let den = '0.0';
  used.forEach(({ weight }, i) => {
    const term = weight < 0 ? `${d.double(weight)} * n${i} + ${d.double(-weight)}` : `${d.double(weight)} * n${i}`;
    num = `(${num} + CASE WHEN n${i} IS NULL THEN 0.0 ELSE ${term} END)`;
    den = `(${den} + CASE WHEN n${i} IS NULL THEN 0.0 ELSE ${d.double(Math.abs(weight))} END)`;
  });
  ctes.push(`sums AS MATERIALIZED (SELECT ${carried}, ${num} AS num, ${den} AS den FROM norm)`);
  ctes.push(`raw AS MATERIALIZED (SELECT ${carried}, CASE WHEN den > 0 THEN (${d.double(100)} * num) / den ELSE 0.0 END AS x FROM sums)`);
  ctes.push(`scored AS MATERIALIZED (SELECT ${carried}, ${d.float32('x')} AS intent_score FROM raw)`);
  const { consideration, decision } = settings.thresholds;
  const { purchaseWithinDays, activeWithinDays } = settings.retention;
  return `WITH ${ctes.join(',\n')}
SELECT customer_id, intent_score,
  CASE WHEN days_since_purchase <= ${d.double(purchaseWithinDays)} AND days_since_active <= ${d.double(activeWithinDays)} THEN 'retention'
    WHEN intent_score >= ${d.double(decision)} THEN 'decision'
    WHEN intent_score >= ${d.double(consideration)} THEN 'consideration'
    ELSE 'orientation' END AS phase
FROM scored`;
}
