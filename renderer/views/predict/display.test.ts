import { describe, expect, it } from 'vitest';
import { backtestTotals } from './backtestText.ts';
import { chosenReason, clvMissingReason, convergenceText, correlationWarning, derivedFacts, formatParam, isUsable } from './display.ts';
import { fit, summary } from './fixtures.test-support.ts';

describe('predict display', () => {
  it('formats parameters at any magnitude', () => {
    expect(formatParam(0.2425)).toBe('0.2425');
    expect(formatParam(857810.65)).toBe('857,800');
    expect(formatParam(6.52e-8)).toBe('6.52e-8');
    expect(formatParam(5.22e6)).toBe('5.22e+6');
    expect(formatParam(NaN)).toBe('—');
  });

  it('says which model is used and why', () => {
    expect(chosenReason(summary(), 'auto')).toBe('BG/NBD is used: its log-likelihood is higher by 12.6 (both have four parameters, so the higher one fits better).');
    expect(chosenReason(summary(), 'bgnbd')).toContain('because the set-up asks for it');
    const forced = summary({ chosen: 'pareto-nbd' });
    expect(chosenReason(forced, 'pareto-nbd')).toContain('although BG/NBD’s log-likelihood is higher by 12.6');
    const close = summary();
    close.models.paretoNbd = fit(close.models.paretoNbd.params, { logLikelihood: -9582.5 });
    expect(chosenReason(close, null)).toContain('practically equal');
    const broken = summary();
    broken.models.paretoNbd = fit(broken.models.paretoNbd.params, { converged: false, problem: 'Did not converge in 500 iterations.' });
    expect(chosenReason(broken, 'auto')).toBe('BG/NBD is used: Pareto/NBD is not usable (Did not converge in 500 iterations.).');
    expect(isUsable(broken.models.paretoNbd)).toBe(false);
    expect(convergenceText(broken.models.paretoNbd)).toBe('Did not converge (40 iterations)');
  });

  it('explains when no counting model is usable', () => {
    const none = summary({ chosen: null });
    none.models.bgnbd = fit({}, { problem: 'No customer bought again.' });
    none.models.paretoNbd = fit({}, { problem: 'No customer bought again.' });
    expect(chosenReason(none, 'auto')).toBe('Neither counting model is usable, so no customer is scored. BG/NBD: No customer bought again. Pareto/NBD: No customer bought again.');
  });

  it('warns about correlated spend and frequency only beyond 0.3', () => {
    expect(correlationWarning(0.11)).toBeNull();
    expect(correlationWarning(null)).toBeNull();
    expect(correlationWarning(-0.42)).toContain('r = -0.42');
  });

  it('says why there is no CLV', () => {
    expect(clvMissingReason(summary({ repeatBuyers: 12, models: { ...summary().models, gammaGamma: null } }))).toContain('at least 20 repeat buyers in the calibration period; there are 12.');
    expect(clvMissingReason(summary({ models: { ...summary().models, gammaGamma: fit({ p: 1, q: 0.5, gamma: 1 }, { problem: 'q is not above 1.' }) } }))).toContain('q is not above 1.');
  });

  it('derives readable facts from the parameters', () => {
    expect(derivedFacts('bgnbd', { r: 0.24, alpha: 4.8, a: 1, b: 3 }, 'week')).toEqual(['Mean purchase rate while alive: 0.05 per week', 'Mean chance of dropping out after a purchase: 25.00%']);
    expect(derivedFacts('bgnbd', { r: 1, alpha: 1, a: 1e-9, b: 1 }, 'day')[1]).toContain('< 0.01%');
  });

  it('lists the backtest totals', () => {
    const t = backtestTotals(summary().backtest!);
    expect(Object.fromEntries(t.map((x) => [x.id, x.value]))).toEqual({ actual: '100', predicted: '110.0', error: '+10.0%', mae: '0.900', lift: '1.50×' });
  });
});
