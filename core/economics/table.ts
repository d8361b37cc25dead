// The economics table of one segmentation as of a date: figures per segment, the likelihood to
// convert (observed in the outcome window when the data has it, else predicted), and each
// segment's current decision. Shared by the app's handler and `segwb economics`.
import { outcomeInput, type OutcomePlan } from '../compare/outcome-plan.ts';
import type { StoredPrediction } from '../predict/stored.ts';
import type { Labelled } from '../rules/segmentations.ts';
import { columnOf, type SignalFrame } from '../signals/frame.ts';
import type { OutcomeRows } from '../signals/outcome.ts';
import { segmentEconomics } from './economics.ts';
import type { CustomerFigures } from './figures.ts';
import { decisionIdentity, decisionKey } from './identity.ts';
import type { EconomicsSettings, EconomicsTable, SegmentDecision } from './types.ts';

export interface TableInput {
  frame: SignalFrame;
  day: string;
  segmentation: Labelled;
  figures: CustomerFigures;
  plan: OutcomePlan;
  outcome: OutcomeRows | null;
  outcomeDays: number;
  prediction: StoredPrediction | null;
  settings: EconomicsSettings;
  decisions: ReadonlyMap<string, SegmentDecision>;
  /** Customer id -> frame row (the session keeps one per frame: rebuilding it costs ~0.5 s at 10^6). */
  index: ReadonlyMap<string, number>;
  started: number;
}

export function economicsTable(input: TableInput): EconomicsTable {
  const { frame, segmentation, plan, settings } = input;
  const ref = segmentation.info.ref;
  const converted = plan.window && input.outcome ? outcomeInput(frame, input.index, input.outcome, plan).bought : null;
  const { segments, all } = segmentEconomics({
    customerIds: frame.customerIds,
    index: input.index,
    labels: segmentation.labels,
    segments: segmentation.info.segments,
    figures: input.figures,
    asOf: frame.asOf,
    converted,
    clv: columnOf(frame, 'predicted_clv') ?? null,
    expectedPurchases: columnOf(frame, 'expected_purchases') ?? null,
    settings,
  });
  const observed = converted !== null;
  const predicted = all.predictedConversion !== null;
  return {
    ref,
    label: segmentation.info.label,
    family: decisionIdentity(ref, '').family,
    asOf: input.day,
    outcomeDays: input.outcomeDays,
    outcome: { windowEnd: plan.windowEnd, complete: plan.complete, available: plan.window !== null, note: plan.note },
    likelihoodSource: observed ? 'observed' : predicted ? 'predicted' : 'none',
    prediction: input.prediction ? { horizonDays: input.prediction.horizonDays, fittedOn: input.prediction.calibrationEnd } : null,
    settings,
    purchasesWithMarginColumn: input.figures.rowsWithMarginColumn,
    segments: segments.map((s) => ({
      ...s,
      likelihood: observed ? s.conversionRate : s.predictedConversion,
      decision: input.decisions.get(decisionKey(decisionIdentity(ref, s.key))) ?? null,
    })),
    all,
    computedMs: Math.round(performance.now() - input.started),
  };
}
