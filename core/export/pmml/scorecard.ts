// The intent score and phase as a PMML 4.4 Scorecard, so PMML scorers (JPMML, Spark, KNIME) score
// customers as the workbench does (scoring-state.ts, normalise.ts, score.ts, phases.ts):
//   n_j   = the signal's normalisation (percentile frozen at the export date, or robust-z),
//   den   = sum of |w_j| over the signals with a value (in frame order, as the app adds them),
//   score = sum_j 100 * (w_j * n_j + b_j) / den,  b_j = -w_j for a negative weight, else 0,
// one Characteristic per weighted signal, so reason codes (pointsAbove a per-signal mean) say which
// signals lifted a customer's score; the phase is an OutputField over the retention fields and
// the thresholds.
import { ApiError } from '../../api/contract.ts';
import { normaliseColumn, robustZScale } from '../../scoring/normalise.ts';
import { sortedPresent } from '../../scoring/sorted-values.ts';
import type { SignalFrame } from '../../signals/frame.ts';
import type { ScoringSettings, SignalInfo } from '../../signals/types.ts';
import { APPLICATION_NAME, PMML_NAMESPACE } from './clustering.ts';
import { el, num, text, xmlDocument, type XmlElement } from './xml.ts';

export interface ScorecardPmmlInfo {
  workbenchVersion: string;
  /** The signal catalogue: labels for the DataFields (ids are the field names). */
  signals: readonly SignalInfo[];
  /** The export date (YYYY-MM-DD) the frame was computed for. */
  asOf: string;
}

export const RETENTION_FIELDS = ['days_since_purchase', 'days_since_active'] as const;
export const SCORE_OUTPUT = 'intent_score';
export const PHASE_OUTPUT = 'phase';

// Signal ids are lower case (SIGNAL_ID), so these capitalised names never collide with a DataField.
export const normalisedName = (id: string) => `Normalised_${id}`;
const DENOMINATOR = 'Denominator';
const RETAINED = 'Retained';
const Z_CLIP = 3;

const constant = (x: number, dataType = 'double') => el('Constant', { dataType }, [text(num(x))]);
const stringConstant = (s: string) => el('Constant', { dataType: 'string' }, [text(s)]);
const fieldRef = (field: string) => el('FieldRef', { field });
const apply = (fn: string, ...args: XmlElement[]) => el('Apply', { function: fn }, args);
const derived = (name: string, expression: XmlElement, dataType = 'double', optype = 'continuous') => el('DerivedField', { name, optype, dataType }, [expression]);
const isMissing = (field: string) => apply('isMissing', fieldRef(field));

interface WeightedSignal {
  info: SignalInfo;
  column: Float64Array;
  weight: number;
  /** What a negative weight adds so the signal counts "against" intent: -w, else 0 (score.ts). */
  offset: number;
}

function unsupported(message: string): never {
  throw new ApiError({ code: 'pmml-unsupported', message });
}

/**
 * The app's percentile frozen as one bin per distinct value of the export date's population, each
 * bin's value the app's float32 Math.fround(count / n) written exactly. Direction 1 counts values
 * strictly below v, which is the same for every v in (d_{j-1}, d_j]; direction -1 counts values
 * strictly above v, the same for every v in [d_j, d_{j+1}). Values outside the population get
 * what the same count gives them (0 or 1).
 */
export function percentileDiscretize(field: string, sorted: Float64Array, direction: 1 | -1): XmlElement {
  const n = sorted.length;
  if (n === 0) return constant(0);
  const bins: XmlElement[] = [];
  const bin = (value: number, closure: string, left?: number, right?: number) =>
    el('DiscretizeBin', { binValue: num(Math.fround(value)) }, [el('Interval', { closure, leftMargin: left, rightMargin: right })]);
  if (direction === 1) {
    bins.push(bin(0, 'openClosed', undefined, sorted[0]!));
    for (let k = 1; k < n; k++) {
      // k values lie strictly below sorted[k] when it starts a new run.
      if (sorted[k] !== sorted[k - 1]) bins.push(bin(k / n, 'openClosed', sorted[k - 1]!, sorted[k]!));
    }
    bins.push(bin(1, 'openOpen', sorted[n - 1]!, undefined));
  } else {
    bins.push(bin(1, 'openOpen', undefined, sorted[0]!));
    for (let k = 0; k < n; k++) {
      // n - 1 - k values lie strictly above sorted[k] when it ends a run.
      if (k === n - 1 || sorted[k] !== sorted[k + 1]) bins.push(bin((n - 1 - k) / n, 'closedOpen', sorted[k]!, k === n - 1 ? undefined : sorted[k + 1]!));
    }
  }
  return el('Discretize', { field, dataType: 'double' }, bins);
}

/** robust-z as arithmetic with the app's own median and scale: clip((v - median) / scale) mapped to 0..1. */
function robustZExpression(field: string, sorted: Float64Array, direction: 1 | -1): { expression: XmlElement; median: number | null; scale: number | null } {
  if (sorted.length === 0) return { expression: constant(0), median: null, scale: null };
  const { median, scale } = robustZScale(sorted);
  if (!Number.isFinite(median) || !Number.isFinite(scale)) unsupported(`The robust-z scaling of signal ${field} holds a number that is not finite; PMML cannot carry it.`);
  if (scale === 0) return { expression: constant(0.5), median, scale };
  const z = apply('min', constant(Z_CLIP), apply('max', constant(-Z_CLIP), apply('/', apply('-', fieldRef(field), constant(median)), constant(scale))));
  const unit = apply('/', apply('+', z, constant(Z_CLIP)), constant(2 * Z_CLIP));
  return { expression: direction === 1 ? unit : apply('-', constant(1), unit), median, scale };
}

/** Normalised_<id>: the signal on 0..1; a missing value gives 0 under "worst" and stays missing under "exclude". */
function normalisedField(s: WeightedSignal, method: ScoringSettings['normalisation']): XmlElement {
  const { id, direction, missing } = s.info;
  const sorted = sortedPresent(s.column);
  const expression = method === 'percentile' ? percentileDiscretize(id, sorted, direction) : robustZExpression(id, sorted, direction).expression;
  return derived(normalisedName(id), missing === 'worst' ? apply('if', isMissing(id), constant(0), expression) : expression);
}

/** sum |w| over the signals with a value, added in frame order from 0 like the app's sums. */
function denominatorField(signals: readonly WeightedSignal[]): XmlElement {
  const terms = signals.map((s) => {
    const a = constant(Math.abs(s.weight));
    return s.info.missing === 'worst' ? a : apply('if', isMissing(s.info.id), constant(0), a);
  });
  return derived(DENOMINATOR, terms.reduce((sum, t) => apply('+', sum, t), constant(0)));
}

/** 1 when purchased within P days and active within A days; a missing recency never retains. */
function retainedField(settings: ScoringSettings): XmlElement {
  const [purchase, active] = RETENTION_FIELDS;
  const { purchaseWithinDays, activeWithinDays } = settings.retention;
  const within = apply('and', apply('lessOrEqual', fieldRef(purchase), constant(purchaseWithinDays)), apply('lessOrEqual', fieldRef(active), constant(activeWithinDays)));
  const zero = constant(0, 'integer');
  return derived(
    RETAINED,
    apply('if', isMissing(purchase), zero, apply('if', isMissing(active), zero, apply('if', within, constant(1, 'integer'), zero))),
    'integer',
    'categorical',
  );
}

/** 100 * (w * n + b) / den: the signal's share of the score. */
function partialScore(s: WeightedSignal): XmlElement {
  const weighted = apply('*', constant(s.weight), fieldRef(normalisedName(s.info.id)));
  const term = s.offset === 0 ? weighted : apply('+', weighted, constant(s.offset));
  return apply('/', apply('*', constant(100), term), fieldRef(DENOMINATOR));
}

/** Each signal's mean partial score over the export date's customers: the baseline reason codes are measured from. */
function baselines(signals: readonly WeightedSignal[], method: ScoringSettings['normalisation'], customers: number): number[] {
  if (customers === 0) return signals.map(() => 0);
  const columns = signals.map((s) => normaliseColumn(s.column, s.info.direction, method, s.info.missing));
  const den = new Float64Array(customers);
  columns.forEach((c, j) => {
    for (let i = 0; i < customers; i++) if (c[i] === c[i]) den[i]! += Math.abs(signals[j]!.weight);
  });
  return signals.map((s, j) => {
    const c = columns[j]!;
    let sum = 0;
    for (let i = 0; i < customers; i++) if (c[i] === c[i]) sum += (100 * (s.weight * c[i]! + s.offset)) / den[i]!;
    return sum / customers;
  });
}

function characteristic(s: WeightedSignal, baseline: number): XmlElement {
  const { id, missing } = s.info;
  const attributes = [
    // A missing "exclude" signal says nothing: no points, and its weight is left out of the denominator.
    missing === 'exclude' ? el('Attribute', { partialScore: 0 }, [el('SimplePredicate', { field: id, operator: 'isMissing' })]) : null,
    el('Attribute', {}, [el('True'), el('ComplexPartialScore', {}, [partialScore(s)])]),
  ];
  return el('Characteristic', { name: `${id}_points`, reasonCode: id, baselineScore: num(baseline) }, attributes);
}

function phaseExpression(settings: ScoringSettings): XmlElement {
  const { consideration, decision } = settings.thresholds;
  const atLeast = (threshold: number) => apply('greaterOrEqual', fieldRef(SCORE_OUTPUT), constant(threshold));
  return apply(
    'if',
    apply('equal', fieldRef(RETAINED), constant(1, 'integer')),
    stringConstant('retention'),
    apply('if', atLeast(decision), stringConstant('decision'), apply('if', atLeast(consideration), stringConstant('consideration'), stringConstant('orientation'))),
  );
}

function annotation(settings: ScoringSettings, info: ScorecardPmmlInfo, signals: readonly WeightedSignal[]): string {
  const { consideration, decision } = settings.thresholds;
  const { purchaseWithinDays, activeWithinDays } = settings.retention;
  return [
    `The intent score and funnel phase of Segment Workbench as of ${info.asOf}, over ${signals.length} weighted signals with ${settings.normalisation} normalisation.`,
    'Each signal is normalised to 0..1 (1 = most intent); the score is sum_j 100 * (w_j * n_j + b_j) / D, where b_j = -w_j for a negative weight (the signal counts against intent) and 0 otherwise, and D is the sum of |w_j| over the signals the customer has a value for.',
    settings.normalisation === 'percentile'
      ? `Percentile normalisation is frozen: the bins hold the share of the customers of ${info.asOf} with a value showing strictly less intent, so they reproduce the workbench's normalisation for the export date's population only; scoring another population (or another date) ranks its customers against the customers of ${info.asOf}, not against each other.`
      : `Robust-z normalisation uses the median and scale of the customers of ${info.asOf}, z clipped to [-3, 3] and mapped to 0..1; PMML computes in double precision where the workbench stores normalised values as float32, so normalised values differ from the workbench's by less than 1e-7 relative.`,
    'A missing value counts as the least intent (0) for signals whose policy is "worst"; for signals whose policy is "exclude" it adds no points and its weight is left out of D. Missing values are not replaced in the MiningSchema, so a missing recency never makes a customer retained.',
    `The output intent_score is converted to float, as the workbench stores scores as float32. The phase is retention when days_since_purchase <= ${purchaseWithinDays} and days_since_active <= ${activeWithinDays}, otherwise decision at intent_score >= ${decision}, consideration at >= ${consideration}, else orientation; customers within rounding distance of a threshold may differ from the workbench.`,
    'Reason codes are signal ids, ranked by points above each signal\'s mean points on the export date (baselineScore).',
  ].join(' ');
}

export function scorecardPmml(frame: SignalFrame, settings: ScoringSettings, info: ScorecardPmmlInfo): string {
  const signals: WeightedSignal[] = [];
  frame.signals.forEach((s, j) => {
    const w = settings.weights[s.id] ?? 0;
    // Weight 0 (and NaN) drop the signal, as in the app.
    if (w === 0 || w !== w) return;
    if (!Number.isFinite(w)) unsupported(`The weight of signal ${s.id} is not finite; PMML cannot carry it.`);
    signals.push({ info: s, column: frame.values[j]!, weight: w, offset: w < 0 ? -w : 0 });
  });
  for (const id of RETENTION_FIELDS) {
    if (!frame.signals.some((s) => s.id === id)) unsupported(`The signal ${id}, which the retention phase needs, is not among the computed signals.`);
  }
  const fieldNames = [...signals.map((s) => s.info.id), ...RETENTION_FIELDS.filter((id) => !signals.some((s) => s.info.id === id))];
  for (const output of [SCORE_OUTPUT, PHASE_OUTPUT]) {
    if (fieldNames.includes(output)) unsupported(`A signal is called ${output}, the name of an output of the scorecard; rename the signal to export it.`);
  }
  const label = (id: string) => info.signals.find((s) => s.id === id)?.label ?? frame.signals.find((s) => s.id === id)?.label;
  const customers = frame.customerIds.length;

  const header = el('Header', { description: `Segment Workbench intent score and phase (as of ${info.asOf})` }, [
    el('Application', { name: APPLICATION_NAME, version: info.workbenchVersion }),
    el('Annotation', {}, [text(annotation(settings, info, signals))]),
  ]);
  const dictionary = el(
    'DataDictionary',
    { numberOfFields: fieldNames.length },
    fieldNames.map((id) => el('DataField', { name: id, displayName: label(id), optype: 'continuous', dataType: 'double' })),
  );
  const miningSchema = el(
    'MiningSchema',
    {},
    fieldNames.map((id) => el('MiningField', { name: id, usageType: 'active', missingValueTreatment: 'asIs' })),
  );
  const output = el('Output', {}, [
    el('OutputField', { name: SCORE_OUTPUT, displayName: 'Intent score', optype: 'continuous', dataType: 'float', feature: 'predictedValue' }),
    el('OutputField', { name: PHASE_OUTPUT, displayName: 'Phase', optype: 'categorical', dataType: 'string', feature: 'transformedValue' }, [phaseExpression(settings)]),
  ]);
  const transformations = el('LocalTransformations', {}, [
    ...signals.map((s) => normalisedField(s, settings.normalisation)),
    denominatorField(signals),
    retainedField(settings),
  ]);
  const means = baselines(signals, settings.normalisation, customers);
  const characteristics = el('Characteristics', {}, signals.map((s, j) => characteristic(s, means[j]!)));
  const scorecard = el(
    'Scorecard',
    {
      modelName: 'intent-score',
      functionName: 'regression',
      initialScore: 0,
      useReasonCodes: true,
      reasonCodeAlgorithm: 'pointsAbove',
      baselineMethod: 'mean',
    },
    [miningSchema, output, transformations, characteristics],
  );
  return xmlDocument(el('PMML', { xmlns: PMML_NAMESPACE, version: '4.4' }, [header, dictionary, scorecard]));
}
