// How cluster figures read: shares, z-scores, signal values in their unit, outcomes and CLV
// (with the reason when there is nothing to show), the adjusted Rand index in words.
import type { ClusterInfo, ClusterModel, ClusterModelListItem, ClusterSettings, SignalUnit } from '../../../core/api/contract.ts';
import { formatDateTime, formatInt, formatMoney } from '../../lib/format.ts';

const DASH = '—';
const MINUS = '\u2212';

/** 0.234 → "23.4%". */
export function formatShare(share: number | null | undefined): string {
  if (typeof share !== 'number' || !Number.isFinite(share)) return DASH;
  return `${(share * 100).toFixed(1)}%`;
}

/** Standard deviations from the population mean, signed with a real minus: "+1.8σ", "−0.4σ". */
export function formatZ(z: number | null | undefined, digits = 1): string {
  if (typeof z !== 'number' || !Number.isFinite(z)) return DASH;
  const v = Math.abs(z).toFixed(digits);
  if (Number(v) === 0) return `${(0).toFixed(digits)}σ`;
  return `${z > 0 ? '+' : MINUS}${v}σ`;
}

const compact = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/** A raw signal value in its unit: days, counts, money, shares as percentages, hours. */
export function formatSignalValue(value: number | null | undefined, unit: SignalUnit | string): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DASH;
  switch (unit) {
    case 'days':
      return `${compact.format(value)} d`;
    case 'count':
      return Number.isInteger(value) ? formatInt(value) : compact.format(value);
    case 'money':
      return formatMoney(value);
    case 'share':
      return `${compact.format(value * 100)}%`;
    case 'hour':
      return `${compact.format(value)} h`;
    default:
      return twoDecimals.format(value);
  }
}

/** What the outcome cells read of a model. */
export interface OutcomeContext {
  asOf: string;
  outcome: ClusterModel['outcome'];
  settings: Pick<ClusterSettings, 'outcomeDays'>;
}

export interface Cell {
  text: string;
  /** Tooltip: what the figure means, or why there is none. */
  title: string;
  /** No figure to show: rendered muted. */
  missing: boolean;
}

/** Conversion in the outcome window, against the base rate; "—" with the reason when unknown. */
export function conversionCell(info: ClusterInfo, model: OutcomeContext): Cell {
  const days = model.outcome?.days ?? model.settings.outcomeDays;
  if (!info.outcome) {
    return {
      text: DASH,
      title: `Not known yet: the ${days} days after the as-of date (${model.asOf}) are not in the data. Fit as of an earlier date to see what customers did next.`,
      missing: true,
    };
  }
  const base = model.outcome ? ` (all customers: ${formatShare(model.outcome.baseRate)})` : '';
  const partial = model.outcome && !model.outcome.complete ? ` Only part of the ${days}-day window is in the data yet.` : '';
  return {
    text: formatShare(info.outcome.conversionRate),
    title: `${formatInt(info.outcome.converted)} of ${formatInt(info.size)} members purchased within ${days} days after ${model.asOf}${base}.${partial}`,
    missing: false,
  };
}

export function revenueCell(info: ClusterInfo, model: OutcomeContext): Cell {
  const days = model.outcome?.days ?? model.settings.outcomeDays;
  if (!info.outcome) {
    return { text: DASH, title: `Not known yet: the ${days} days after ${model.asOf} are not in the data.`, missing: true };
  }
  const base = model.outcome ? ` (all customers: ${formatMoney(model.outcome.revenuePerCustomer)})` : '';
  return { text: formatMoney(info.outcome.revenuePerCustomer), title: `Purchases minus returns per member in the ${days} days after ${model.asOf}${base}.`, missing: false };
}

export const CLV_PENDING = 'Predicted lifetime value appears here once a lifetime-value model exists (propensity scoring in Rules & Compare). It is not zero — it is not predicted yet.';

export function clvCell(info: ClusterInfo): Cell {
  if (info.clvPerCustomer === null) return { text: DASH, title: CLV_PENDING, missing: true };
  return { text: formatMoney(info.clvPerCustomer), title: 'Predicted lifetime value per member.', missing: false };
}

/** The adjusted Rand index in words (0 = no better than chance, 1 = the same grouping). */
export function describeAri(ari: number): string {
  if (!Number.isFinite(ari)) return 'not computed';
  if (ari >= 0.8) return 'very close to the hidden behaviour types';
  if (ari >= 0.6) return 'close to the hidden behaviour types';
  if (ari >= 0.4) return 'moderately close to the hidden behaviour types';
  if (ari >= 0.2) return 'loosely related to the hidden behaviour types';
  return 'hardly related to the hidden behaviour types';
}

/** "#3 · as of 2024-06-01 · k = 6 · 12 signals" for the model history. */
export function modelLabel(m: Pick<ClusterModelListItem, 'modelId' | 'asOf' | 'k' | 'signals'>): string {
  return `#${m.modelId} · as of ${m.asOf} · k = ${m.k} · ${m.signals} signal${m.signals === 1 ? '' : 's'}`;
}

export function modelTitle(m: Pick<ClusterModelListItem, 'createdAt' | 'names'>): string {
  return `Fitted ${formatDateTime(m.createdAt)} UTC. Clusters: ${m.names.join(', ')}`;
}

/** Why k-means stopped, for the header: "converged after 14 iterations" or a warning. */
export function convergenceText(m: Pick<ClusterModel, 'converged' | 'iterations'>): string {
  return m.converged ? `converged after ${m.iterations} iteration${m.iterations === 1 ? '' : 's'}` : `stopped at ${m.iterations} iterations without converging`;
}
