// The buy-till-you-die models: the published CDNOW results reproduced from the real file through
// the importer, and known parameters recovered from data simulated with the models themselves.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../store/workspace.ts';
import { importInto } from '../../test/support/import.ts';
import { sharedDataFile } from '../../test/support/shared-data.ts';
import { tempDir } from '../../test/support/temp.ts';
import { bgnbdConditionalExpected, bgnbdExpected, bgnbdLogLikelihood, bgnbdPAlive, fitBgNbd } from './bgnbd.ts';
import { fitGammaGamma, gammaGammaExpectedValue } from './gammagamma.ts';
import { fitParetoNbd, paretoNbdConditionalExpected, paretoNbdPAlive } from './paretonbd.ts';
import { groupRfm, type RfmData } from './rfm.ts';
import { simulateBgNbd, simulateParetoNbd, simulateSpend } from './simulate.ts';
import { summariseTransactions, type RfmSummary } from './summary.ts';
import { runPrediction } from './predict.ts';
import { predictSettingsSchema } from './types.ts';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / 86_400_000;

describe('CDNOW sample: the published results', () => {
  const tmp = tempDir();
  let ws: Workspace;
  let summary: RfmSummary;
  let data: RfmData;

  beforeAll(async () => {
    ws = createWorkspace(tmp.file('cdnow.segwb'));
    await importInto(ws, sharedDataFile('cdnow/CDNOW_sample.txt'));
    summary = summariseTransactions(ws.db, day('1997-09-30'), day('1998-06-30'), 'week');
    data = groupRfm(summary.x, summary.tx, summary.T);
  }, 60_000);
  afterAll(() => {
    ws.db.close();
    tmp.cleanup();
  });

  it('summarises 2,357 customers, 946 of them repeat buyers, with same-day purchases merged', () => {
    expect(summary.customerIds).toHaveLength(2357);
    expect(summary.x.filter((v) => v > 0)).toHaveLength(946);
    // Customer 00004 bought on 1997-01-01, -01-18 and -08-02 in calibration, and on 1997-12-12 after it.
    const i = summary.customerIds.indexOf('00004');
    expect(summary.x[i]).toBe(2);
    expect(summary.tx[i]).toBeCloseTo(213 / 7, 10);
    expect(summary.T[i]).toBeCloseTo(272 / 7, 10);
    expect(summary.holdout![i]).toBe(1);
    expect(summary.monetary[i]).toBeCloseTo((29.73 + 14.96) / 2, 10);
  });

  it('BG/NBD: r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4', () => {
    const fit = fitBgNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.243, 3);
    expect(fit.params.alpha).toBeCloseTo(4.414, 3);
    expect(fit.params.a).toBeCloseTo(0.793, 3);
    expect(fit.params.b).toBeCloseTo(2.426, 3);
    expect(fit.logLikelihood).toBeCloseTo(-9582.4, 1);
  });

  it('Pareto/NBD: r = 0.553, alpha = 10.578, s = 0.606, beta = 11.669, LL = -9595.0', () => {
    const fit = fitParetoNbd(data);
    expect(fit.converged).toBe(true);
    expect(fit.params.r).toBeCloseTo(0.553, 3);
    expect(fit.params.alpha).toBeCloseTo(10.578, 2);
    expect(fit.params.s).toBeCloseTo(0.606, 3);
    expect(fit.params.beta).toBeCloseTo(11.669, 2);
    expect(fit.logLikelihood).toBeCloseTo(-9595.0, 1);
  });

  it('Gamma-Gamma on the 946 repeat buyers: p = 6.25, q = 3.74, gamma = 15.44', () => {
    const repeaters = [...summary.x.keys()].filter((i) => summary.x[i]! > 0);
    expect(repeaters).toHaveLength(946);
    const fit = fitGammaGamma({ x: Float64Array.from(repeaters, (i) => summary.x[i]!), m: Float64Array.from(repeaters, (i) => summary.monetary[i]!) });
    expect(fit.converged).toBe(true);
    expect(fit.params.p).toBeCloseTo(6.25, 2);
    expect(fit.params.q).toBeCloseTo(3.74, 2);
    expect(fit.params.gamma).toBeCloseTo(15.44, 2);
  });

  it('fits the Pareto/NBD on many histories only when it is chosen, and says so', () => {
    const settings = predictSettingsSchema.parse({ calibrationEnd: '1997-09-30' });
    const job = { isCancelled: () => false, progress: () => {} };
    const auto = runPrediction(ws.db, settings, job, 500).summary;
    expect(auto.chosen).toBe('bgnbd');
    expect(auto.models.paretoNbd.problem).toMatch(/^Not fitted: with 1,016 distinct purchase histories .* Choose Pareto\/NBD/);
    const chosen = runPrediction(ws.db, { ...settings, model: 'pareto-nbd' }, job, 500).summary;
    expect(chosen.chosen).toBe('pareto-nbd');
    expect(chosen.models.paretoNbd.params.r).toBeCloseTo(0.553, 3);
  });

  it('tracks cumulative repeat transactions over the 78 weeks within a few percent, as the paper shows', () => {
    const p = fitBgNbd(data).params;
    const expectedBy = (lastDay: number) => {
      let sum = 0;
      for (let i = 0; i < summary.x.length; i++) sum += bgnbdExpected(p, (lastDay - summary.firstDay[i]!) / 7);
      return sum;
    };
    const calibrationActual = summary.x.reduce((a, b) => a + b, 0);
    const holdoutActual = summary.holdout!.reduce((a, b) => a + b, 0);
    expect(calibrationActual).toBe(2457);
    expect(Math.abs(expectedBy(day('1997-09-30')) / calibrationActual - 1)).toBeLessThan(0.02);
    expect(Math.abs(expectedBy(day('1998-06-30')) / (calibrationActual + holdoutActual) - 1)).toBeLessThan(0.05);
    // Conditional on their history, repeat buyers are expected to buy more the more they bought.
    const mean = (x: number) => {
      const rows = [...summary.x.keys()].filter((i) => summary.x[i] === x);
      return rows.reduce((s, i) => s + bgnbdConditionalExpected(p, 39, x, summary.tx[i]!, summary.T[i]!), 0) / rows.length;
    };
    expect(mean(1)).toBeLessThan(mean(3));
  });
});

describe('BG/NBD, Pareto/NBD and Gamma-Gamma recover the parameters they simulated with', () => {
  it('BG/NBD', () => {
    const truth = { r: 0.5, alpha: 20, a: 0.8, b: 3 };
    const sim = simulateBgNbd(truth, 30_000, 1);
    const fit = fitBgNbd(groupRfm(sim.x, sim.tx, sim.T));
    expect(fit.converged).toBe(true);
    expect(fit.params.r / truth.r).toBeCloseTo(1, 1);
    expect(fit.params.alpha / truth.alpha).toBeCloseTo(1, 1);
    expect(fit.params.a / truth.a).toBeCloseTo(1, 0);
    expect(fit.params.b / truth.b).toBeCloseTo(1, 0);
    // The truth explains the data about as well as the estimate (the estimate is the maximum).
    const d = groupRfm(sim.x, sim.tx, sim.T);
    expect(fit.logLikelihood).toBeGreaterThanOrEqual(bgnbdLogLikelihood(truth, d));
  });

  it('Pareto/NBD', () => {
    const truth = { r: 0.6, alpha: 15, s: 0.8, beta: 40 };
    const sim = simulateParetoNbd(truth, 10_000, 2);
    const fit = fitParetoNbd(groupRfm(sim.x, sim.tx, sim.T));
    expect(fit.converged).toBe(true);
    expect(fit.params.r / truth.r).toBeCloseTo(1, 1);
    expect(fit.params.alpha / truth.alpha).toBeCloseTo(1, 1);
    expect(fit.params.s / truth.s).toBeCloseTo(1, 0);
    expect(fit.params.beta / truth.beta).toBeCloseTo(1, 0);
  });

  it('Gamma-Gamma', () => {
    const truth = { p: 5, q: 4, gamma: 20 };
    const x = Float64Array.from({ length: 20_000 }, (_, i) => 1 + (i % 6));
    const m = simulateSpend(truth, x, 3);
    const fit = fitGammaGamma({ x, m });
    expect(fit.converged).toBe(true);
    expect(fit.params.p / truth.p).toBeCloseTo(1, 1);
    expect(fit.params.q / truth.q).toBeCloseTo(1, 1);
    expect(fit.params.gamma / truth.gamma).toBeCloseTo(1, 1);
  });
});

describe('model quantities', () => {
  const p = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
  it('P(alive) is 1 without repeat purchases and falls the longer a repeat buyer is silent', () => {
    expect(bgnbdPAlive(p, 0, 0, 30)).toBe(1);
    expect(bgnbdPAlive(p, 3, 30, 32)).toBeGreaterThan(bgnbdPAlive(p, 3, 10, 32));
    const pn = { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 };
    expect(paretoNbdPAlive(pn, 3, 30, 32)).toBeGreaterThan(paretoNbdPAlive(pn, 3, 10, 32));
    expect(paretoNbdConditionalExpected(pn, 39, 3, 30, 32)).toBeGreaterThan(paretoNbdConditionalExpected(pn, 39, 3, 10, 32));
  });
  it('the expected purchases of a new customer grow with time and match the conditional expectation at T = 0', () => {
    expect(bgnbdExpected(p, 0)).toBe(0);
    expect(bgnbdExpected(p, 78)).toBeGreaterThan(bgnbdExpected(p, 39));
    expect(bgnbdConditionalExpected(p, 39, 0, 0, 0)).toBeCloseTo(bgnbdExpected(p, 39), 10);
  });
  it('Gamma-Gamma shrinks a customer’s mean towards the population mean', () => {
    const g = { p: 6.25, q: 3.74, gamma: 15.44 };
    const population = (g.p * g.gamma) / (g.q - 1);
    const one = gammaGammaExpectedValue(g, 1, 100);
    const many = gammaGammaExpectedValue(g, 20, 100);
    expect(one).toBeGreaterThan(population);
    expect(one).toBeLessThan(many);
    expect(many).toBeLessThan(100);
  });
});
