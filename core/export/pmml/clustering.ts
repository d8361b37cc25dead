// A stored cluster model as a PMML 4.4 ClusteringModel, so PMML scorers (JPMML, Spark, KNIME)
// assign new customers exactly as the workbench does: the model's own scaling as
// LocalTransformations in the app's operation order (see clusters/scaling.ts scaleValue), squared
// Euclidean distance over the weighted coordinates, clusters in index order so first-best
// evaluators break ties as the app does, and missing values imputed or, with missing = drop,
// making the model return invalid (the app's "unclustered").
import { ApiError } from '../../api/contract.ts';
import type { StoredModel } from '../../clusters/models.ts';
import type { SignalScaling } from '../../clusters/scaling.ts';
import type { SignalInfo } from '../../signals/types.ts';
import { el, num, text, xmlDocument, type XmlElement } from './xml.ts';

export const PMML_NAMESPACE = 'http://www.dmg.org/PMML-4_4';
export const APPLICATION_NAME = 'Segment Workbench';

export interface ClusteringPmmlInfo {
  workbenchVersion: string;
  /** The signal catalogue: labels for the DataFields (ids are the field names). */
  signals: readonly SignalInfo[];
}

// Signal ids are lower case (SIGNAL_ID), so these capitalised names never collide with a DataField.
export const scaledName = (id: string) => `Scaled_${id}`;
const percentileName = (part: 'A' | 'B' | 'W' | 'F', id: string) => `Percentile${part}_${id}`;

const constant = (x: number) => el('Constant', { dataType: 'double' }, [text(num(x))]);
const fieldRef = (field: string) => el('FieldRef', { field });
const apply = (fn: string, ...args: XmlElement[]) => el('Apply', { function: fn }, args);
const derived = (name: string, expression: XmlElement) => el('DerivedField', { name, optype: 'continuous', dataType: 'double' }, [expression]);

function checkFinite(s: SignalScaling): void {
  const numbers = [s.centre, s.scale, s.weight, ...(s.clip === null ? [] : [s.clip]), ...(s.impute === null ? [] : [s.impute]), ...(s.breakpoints ?? [])];
  if (numbers.some((x) => !Number.isFinite(x))) {
    throw new ApiError({ code: 'pmml-unsupported', message: `The scaling of signal ${s.id} holds a number that is not finite; PMML cannot carry it.` });
  }
  if (!s.breakpoints && s.scale === 0) {
    throw new ApiError({ code: 'pmml-unsupported', message: `The scaling of signal ${s.id} divides by zero.` });
  }
}

interface PercentileBin {
  interval: { closure: 'openOpen' | 'closedClosed'; leftMargin?: number; rightMargin?: number };
  /** z = (a + f * ((v - b) / w)) / last, which is percentileOf's arithmetic bin by bin (see percentileFields). */
  a: number;
  b: number;
  w: number;
  f: 0 | 1;
}

/**
 * The bins of scaling.ts percentileOf over the breakpoints b_0..b_last with distinct values
 * d_0 < ... < d_m, each run of ties spanning indices low_j..top_j:
 *   v < d_0: 0;  v > d_m: 1;  v = d_j: (low_j + top_j) / (2 last), the middle of the run;
 *   d_j < v < d_{j+1}: (top_j + (v - d_j) / (d_{j+1} - d_j)) / last.
 * Written as (a + f * ((v - b) / w)) / last with per-bin constants. That is the same double in each
 * case: a = (low + top) / 2 is exact, and (x / 2) / last rounds x / (2 last) once, as the app does;
 * with f = 0 the added term is ±0; w is the app's own difference d_{j+1} - d_j, written exactly.
 */
export function percentileBins(breakpoints: readonly number[]): PercentileBin[] {
  const last = breakpoints.length - 1;
  const runs: Array<{ value: number; low: number; top: number }> = [];
  breakpoints.forEach((value, i) => {
    const run = runs[runs.length - 1];
    if (run && run.value === value) run.top = i;
    else runs.push({ value, low: i, top: i });
  });
  const outside = { b: 0, w: 1, f: 0 as const };
  const bins: PercentileBin[] = [{ interval: { closure: 'openOpen', rightMargin: runs[0]!.value }, a: 0, ...outside }];
  runs.forEach((run, j) => {
    bins.push({ interval: { closure: 'closedClosed', leftMargin: run.value, rightMargin: run.value }, a: (run.low + run.top) / 2, ...outside });
    const next = runs[j + 1];
    if (next) bins.push({ interval: { closure: 'openOpen', leftMargin: run.value, rightMargin: next.value }, a: run.top, b: run.value, w: next.value - run.value, f: 1 });
  });
  bins.push({ interval: { closure: 'openOpen', leftMargin: runs[runs.length - 1]!.value }, a: last, ...outside });
  return bins;
}

/** Four Discretize fields (a, b, w, f of the value's bin) and the expression of the position on 0..1. */
function percentileFields(s: SignalScaling, breakpoints: readonly number[]): { fields: XmlElement[]; position: XmlElement } {
  if (breakpoints.length < 2) {
    throw new ApiError({ code: 'pmml-unsupported', message: `The percentile scaling of signal ${s.id} has ${breakpoints.length} breakpoint(s); at least 2 are needed.` });
  }
  if (breakpoints.some((b, i) => i > 0 && b < breakpoints[i - 1]!)) {
    throw new ApiError({ code: 'pmml-unsupported', message: `The percentile breakpoints of signal ${s.id} are not in ascending order.` });
  }
  const bins = percentileBins(breakpoints);
  const part = (p: 'A' | 'B' | 'W' | 'F', value: (bin: PercentileBin) => number) =>
    derived(
      percentileName(p, s.id),
      el(
        'Discretize',
        { field: s.id, dataType: 'double' },
        bins.map((bin) => el('DiscretizeBin', { binValue: num(value(bin)) }, [el('Interval', bin.interval)])),
      ),
    );
  const fields = [part('A', (b) => b.a), part('B', (b) => b.b), part('W', (b) => b.w), part('F', (b) => b.f)];
  const ref = (p: 'A' | 'B' | 'W' | 'F') => fieldRef(percentileName(p, s.id));
  const step = apply('/', apply('-', fieldRef(s.id), ref('B')), ref('W'));
  const position = apply('/', apply('+', ref('A'), apply('*', ref('F'), step)), constant(breakpoints.length - 1));
  return { fields, position };
}

/** The DerivedFields of one signal: scaleValue's z, then the clip, then the weight, in that order. */
function signalTransformations(s: SignalScaling): XmlElement[] {
  checkFinite(s);
  let fields: XmlElement[] = [];
  let z: XmlElement;
  if (s.breakpoints) {
    const percentile = percentileFields(s, s.breakpoints);
    fields = percentile.fields;
    z = percentile.position;
  } else {
    z = apply('/', apply('-', fieldRef(s.id), constant(s.centre)), constant(s.scale));
  }
  // Math.max(-clip, Math.min(clip, z)): min first, as the app does.
  if (s.clip !== null) z = apply('max', constant(-s.clip), apply('min', constant(s.clip), z));
  return [...fields, derived(scaledName(s.id), apply('*', z, constant(s.weight)))];
}

function annotation(model: StoredModel): string {
  const { summary } = model;
  const methods = [...new Set(model.scaling.map((s) => s.method))].join(', ');
  const drop = model.scaling.some((s) => s.impute === null);
  return [
    `Cluster model ${summary.modelId} of Segment Workbench, fitted on the signals as of ${summary.asOf}: k-means with ${summary.clusters.length} clusters over ${model.scaling.length} signals.`,
    `The scaling (${methods}) is the model's own, fitted on the customers as of ${summary.asOf}, and is not recomputed from the data being scored: each signal is scaled in the LocalTransformations exactly as the workbench does, then multiplied by its weight, so the centroids are in the weighted space and every ClusteringField has fieldWeight 1.`,
    drop
      ? 'A customer without a value for a signal has no cluster (missingValueTreatment returnInvalid), as in the workbench, where such customers are "unclustered".'
      : 'Missing signal values are replaced by the model\'s imputed values (missingValueReplacement).',
    'Cluster ids are the workbench\'s stable cluster keys; clusters are listed in the model\'s order, so an evaluator taking the first of equally near clusters agrees with the workbench.',
  ].join(' ');
}

export function clusteringPmml(model: StoredModel, info: ClusteringPmmlInfo): string {
  const { summary, scaling } = model;
  const d = scaling.length;
  const k = summary.clusters.length;
  if (d === 0 || k === 0) throw new ApiError({ code: 'pmml-unsupported', message: `Cluster model ${summary.modelId} has no signals or no clusters.` });
  if (model.centroids.length !== k * d) {
    throw new ApiError({ code: 'pmml-unsupported', message: `Cluster model ${summary.modelId} has ${model.centroids.length} centroid coordinates, not ${k} x ${d}.` });
  }
  const label = (id: string) => info.signals.find((s) => s.id === id)?.label ?? summary.signals.find((s) => s.id === id)?.label;

  const header = el('Header', { description: `Segment Workbench cluster model ${summary.modelId} (as of ${summary.asOf})` }, [
    el('Application', { name: APPLICATION_NAME, version: info.workbenchVersion }),
    el('Annotation', {}, [text(annotation(model))]),
  ]);
  const dictionary = el(
    'DataDictionary',
    { numberOfFields: d },
    scaling.map((s) => el('DataField', { name: s.id, displayName: label(s.id), optype: 'continuous', dataType: 'double' })),
  );
  const miningSchema = el(
    'MiningSchema',
    {},
    scaling.map((s) =>
      el('MiningField', {
        name: s.id,
        usageType: 'active',
        ...(s.impute === null ? { missingValueTreatment: 'returnInvalid' } : { missingValueReplacement: num(s.impute), missingValueTreatment: 'asValue' }),
      }),
    ),
  );
  const transformations = el('LocalTransformations', {}, scaling.flatMap(signalTransformations));
  const measure = el('ComparisonMeasure', { kind: 'distance', compareFunction: 'absDiff' }, [el('squaredEuclidean')]);
  const fields = scaling.map((s) => el('ClusteringField', { field: scaledName(s.id), isCenterField: 'true', fieldWeight: 1 }));
  const clusters = summary.clusters.map((c, j) =>
    el('Cluster', { id: String(c.key), name: c.name, size: c.size }, [
      el('Array', { n: d, type: 'real' }, [text(Array.from(model.centroids.subarray(j * d, j * d + d), num).join(' '))]),
    ]),
  );
  const clustering = el(
    'ClusteringModel',
    { modelName: `cluster-model-${summary.modelId}`, functionName: 'clustering', algorithmName: 'k-means', modelClass: 'centerBased', numberOfClusters: k },
    [miningSchema, transformations, measure, ...fields, ...clusters],
  );
  return xmlDocument(el('PMML', { xmlns: PMML_NAMESPACE, version: '4.4' }, [header, dictionary, clustering]));
}
