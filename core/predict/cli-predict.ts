// `segwb predict`: the app's prediction run for scripts: fitted parameters, log-likelihoods,
// convergence and the backtest as JSON; one row of scores per customer as CSV.
import type { Workspace } from '../store/workspace.ts';
import { terminalJob } from '../sample/cli-demo.ts';
import { writeCsv, type CsvValue } from '../files/csv-writer.ts';
import { runPrediction } from './predict.ts';
import { predictSettingsSchema, type PredictionSummary, type PredictSettingsIn } from './types.ts';


export async function runPredictCli(ws: Workspace, input: PredictSettingsIn, out: string | undefined): Promise<PredictionSummary> {
  const settings = predictSettingsSchema.parse(input);
  const progress = terminalJob();
  const { summary, scores } = runPrediction(ws.db, settings, progress.job);
  progress.done();
  if (out) {
    const num = (v: number) => (Number.isNaN(v) ? null : Math.round(v * 1e6) / 1e6);
    function* rows(): Generator<CsvValue[]> {
      for (let i = 0; i < scores.customerIds.length; i++) {
        yield [scores.customerIds[i]!, scores.x[i]!, num(scores.tx[i]!), num(scores.T[i]!), num(scores.pAlive[i]!), num(scores.expected[i]!), scores.clv ? num(scores.clv[i]!) : null, scores.actual ? scores.actual[i]! : null];
      }
    }
    await writeCsv(out, ['customer_id', 'repeat_purchases', 'recency', 'age', 'p_alive', `expected_purchases_${settings.horizonDays}d`, 'clv', 'holdout_purchases'], rows());
  }
  return summary;
}
