// What the Predict view says about a fit, in words: each parameter's meaning, which counting model
// is used and why, whether the CLV can be trusted. Pure, so the wording is tested.
import type { ModelFit, PredictionSummary } from '../../../core/api/contract.ts';

export type ModelKey = 'bgnbd' | 'paretoNbd' | 'gammaGamma';

export const MODEL_TITLES: Record<ModelKey, { title: string; role: string }> = {
  bgnbd: { title: 'BG/NBD', role: 'Purchases while alive; may drop out after each purchase' },
  paretoNbd: { title: 'Pareto/NBD', role: 'Purchases while alive; may drop out at any moment' },
  gammaGamma: { title: 'Gamma-Gamma', role: 'Spend per purchase, for lifetime value' },
};

/** One line per parameter: what it governs. */
export const PARAM_MEANINGS: Record<string, { symbol: string; meaning: string }> = {
  r: { symbol: 'r', meaning: 'Purchase-rate heterogeneity: shape of how purchase rates vary across customers' },
  alpha: { symbol: 'α', meaning: 'Purchase-rate heterogeneity: scale (mean rate = r/α per time unit)' },
  a: { symbol: 'a', meaning: 'Dropout: with b, how likely a customer leaves after a purchase (mean a/(a+b))' },
  b: { symbol: 'b', meaning: 'Dropout: large b means few customers leave after a purchase' },
  s: { symbol: 's', meaning: 'Lifetime: shape of how dropout rates vary across customers' },
  beta: { symbol: 'β', meaning: 'Lifetime: scale (mean dropout rate = s/β per time unit)' },
  p: { symbol: 'p', meaning: 'Spend: how much one customer’s purchases vary around their own mean' },
  q: { symbol: 'q', meaning: 'Spend: how mean spend varies across customers (shape)' },
  gamma: { symbol: 'γ', meaning: 'Spend: scale of mean spend (mean ≈ pγ/(q−1))' },
};

export const PARAM_ORDER: Record<ModelKey, string[]> = {
  bgnbd: ['r', 'alpha', 'a', 'b'],
  paretoNbd: ['r', 'alpha', 's', 'beta'],
  gammaGamma: ['p', 'q', 'gamma'],
};

/** Correlations beyond this break Gamma-Gamma's independence assumption enough to say so. */
export const CORRELATION_WARNING = 0.3;

/** A parameter value readable at any magnitude: 4 significant digits, exponent for the extremes. */
export function formatParam(v: number): string {
  if (!Number.isFinite(v)) return '—';
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e6 || a < 1e-3)) return v.toExponential(2);
  return Number(v.toPrecision(4)).toLocaleString('en-US', { maximumFractionDigits: 6 });
}

export function formatLogLik(v: number): string {
  return Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }) : '—';
}

export function formatProb(v: number | null | undefined, digits = 3): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—';
}

export function formatPct(v: number | null | undefined, digits = 1): string {
  return typeof v === 'number' && Number.isFinite(v) ? `${(v * 100).toFixed(digits)}%` : '—';
}

export function formatCount(v: number | null | undefined, digits = 2): string {
  return typeof v === 'number' && Number.isFinite(v) ? v.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits }) : '—';
}

/** A fit's numbers are only shown as valid when it converged without a problem. */
export function isUsable(fit: ModelFit | null): boolean {
  return fit !== null && fit.converged && fit.problem === null;
}

export function convergenceText(fit: ModelFit): string {
  const its = `${fit.iterations.toLocaleString('en-US')} iteration${fit.iterations === 1 ? '' : 's'}`;
  return fit.converged ? `Converged in ${its}` : `Did not converge (${its})`;
}

export const CHOSEN_KEY: Record<'bgnbd' | 'pareto-nbd', 'bgnbd' | 'paretoNbd'> = { bgnbd: 'bgnbd', 'pareto-nbd': 'paretoNbd' };

/**
 * Why the scores come from the chosen model. `requested` is the set-up's model when known (a fit
 * from this view); a result found on entering has none, so the reason is read from the numbers.
 */
export function chosenReason(summary: PredictionSummary, requested: 'auto' | 'bgnbd' | 'pareto-nbd' | null): string {
  const { bgnbd, paretoNbd } = summary.models;
  if (summary.chosen === null) {
    const why = [bgnbd.problem ? `BG/NBD: ${bgnbd.problem}` : null, paretoNbd.problem ? `Pareto/NBD: ${paretoNbd.problem}` : null].filter(Boolean).join(' ');
    return `Neither counting model is usable, so no customer is scored.${why ? ` ${why}` : ''}`;
  }
  const key = CHOSEN_KEY[summary.chosen];
  const chosen = summary.models[key];
  const other = key === 'bgnbd' ? paretoNbd : bgnbd;
  const name = MODEL_TITLES[key].title;
  const otherName = MODEL_TITLES[key === 'bgnbd' ? 'paretoNbd' : 'bgnbd'].title;
  if (!isUsable(other)) return `${name} is used: ${otherName} is not usable${other.problem ? ` (${other.problem})` : ''}.`;
  const diff = chosen.logLikelihood - other.logLikelihood;
  const close = Math.abs(diff) < 1;
  const llText = close
    ? `the two log-likelihoods are practically equal (difference ${Math.abs(diff).toFixed(2)}), so both describe the data as well`
    : diff > 0
      ? `its log-likelihood is higher by ${diff.toFixed(1)} (both have four parameters, so the higher one fits better)`
      : `although ${otherName}’s log-likelihood is higher by ${(-diff).toFixed(1)}`;
  if (requested && requested !== 'auto') return `${name} is used because the set-up asks for it; ${llText}.`;
  return `${name} is used: ${llText}.`;
}

/** The Gamma-Gamma warning when spend and frequency are correlated; null when there is none to give. */
export function correlationWarning(corr: number | null): string | null {
  if (corr === null || !Number.isFinite(corr) || Math.abs(corr) <= CORRELATION_WARNING) return null;
  return `Repeat frequency and mean spend are correlated (r = ${corr.toFixed(2)}). Gamma-Gamma assumes they are independent, so its CLV is biased: treat it as a rough ranking, not an amount.`;
}

/** Why there is no CLV: no usable spend model. */
export function clvMissingReason(summary: PredictionSummary): string {
  const gg = summary.models.gammaGamma;
  if (gg === null) return `Gamma-Gamma needs at least 20 repeat buyers in the calibration period; there ${summary.repeatBuyers === 1 ? 'is' : 'are'} ${summary.repeatBuyers.toLocaleString('en-US')}.`;
  if (gg.problem) return `Gamma-Gamma is not usable: ${gg.problem}`;
  if (summary.chosen === null) return 'No counting model is usable, so no lifetime is predicted.';
  return 'No lifetime value was computed.';
}

/** The time unit as a word for axis and parameter notes. */
export function unitWord(unit: 'day' | 'week', n = 2): string {
  return n === 1 ? unit : `${unit}s`;
}

/** Derived, readable facts of a counting model (mean purchase rate, dropout), per time unit. */
export function derivedFacts(key: 'bgnbd' | 'paretoNbd', params: Record<string, number>, unit: 'day' | 'week'): string[] {
  const facts: string[] = [];
  const { r, alpha } = params;
  if (r !== undefined && alpha !== undefined && alpha > 0) facts.push(`Mean purchase rate while alive: ${formatParam(r / alpha)} per ${unit}`);
  if (key === 'bgnbd' && params.a !== undefined && params.b !== undefined && params.a + params.b > 0) {
    const p = params.a / (params.a + params.b);
    facts.push(`Mean chance of dropping out after a purchase: ${p < 0.0001 ? '< 0.01%' : formatPct(p, 2)}`);
  }
  if (key === 'paretoNbd' && params.s !== undefined && params.beta !== undefined && params.beta > 0) {
    facts.push(`Mean dropout rate: ${formatParam(params.s / params.beta)} per ${unit}`);
  }
  return facts;
}
