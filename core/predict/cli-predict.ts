// `segwb predict`: the app's prediction run for scripts: fitted parameters, log-likelihoods,
// convergence and the backtest as JSON; one row of scores per customer as CSV.
import { createWriteStream, renameSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import type { Workspace } from '../store/workspace.ts';
import { ProgressBar } from '../sample/cli-demo.ts';
import { runPrediction } from './predict.ts';
import { predictSettingsSchema, type PredictionSummary, type PredictSettingsIn } from './types.ts';

const csvField = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const num = (v: number) => (Number.isNaN(v) ? '' : String(Math.round(v * 1e6) / 1e6));

export async function runPredictCli(ws: Workspace, input: PredictSettingsIn, out: string | undefined): Promise<PredictionSummary> {
  const settings = predictSettingsSchema.parse(input);
  const bar = new ProgressBar(process.stderr);
  const { summary, scores } = runPrediction(ws.db, settings, { isCancelled: () => false, progress: (u) => bar.update(u) });
  if (process.stderr.isTTY) process.stderr.write('\n');
  if (out) {
    const target = `${out}.partial`;
    const stream = createWriteStream(target);
    try {
      let chunk = `customer_id,repeat_purchases,recency,age,p_alive,expected_purchases_${settings.horizonDays}d,clv,holdout_purchases\n`;
      for (let i = 0; i < scores.customerIds.length; i++) {
        chunk += `${csvField(scores.customerIds[i]!)},${scores.x[i]},${num(scores.tx[i]!)},${num(scores.T[i]!)},${num(scores.pAlive[i]!)},${num(scores.expected[i]!)},${scores.clv ? num(scores.clv[i]!) : ''},${scores.actual ? scores.actual[i] : ''}\n`;
        if (chunk.length > 1 << 20) {
          if (!stream.write(chunk)) await once(stream, 'drain');
          chunk = '';
        }
      }
      stream.end(chunk);
      await once(stream, 'finish');
      // Renamed only when complete: an interrupted run never leaves a half-written file behind.
      renameSync(target, out);
    } catch (err) {
      rmSync(target, { force: true });
      throw err;
    }
  }
  return summary;
}
