// The PMML ClusteringModel export, checked the way a PMML scorer would see it: parsed with a real
// XML parser, checked element by element against the PMML 4.4 structure of a ClusteringModel,
// then evaluated by a small PMML evaluator written here (it shares no code with the exporter or
// the app's scaling) over every customer of a sample workspace, on the fit date and on a later
// one, which must give the app's cluster (or "unclustered") customer by customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document } from '@xmldom/xmldom';
import { parse, rootOf, children, only, numberAttr, expectSequence } from '../../../test/support/pmml-xml.ts';
import { compile, type Value } from '../../../test/support/pmml-expressions.ts';
import { generateSample } from '../../sample/generate.ts';
import { openWorkspace, type Workspace } from '../../store/workspace.ts';
import { tempDir } from '../../../test/support/temp.ts';
import { inThreadEvaluator } from '../../rules/in-thread.ts';
import { fitJobArgs } from '../../clusters/fit-request.ts';
import { fitJob } from '../../clusters/jobs.ts';
import { assembleModel } from '../../clusters/fit.ts';
import { loadModel, type StoredModel } from '../../clusters/models.ts';
import { clusterSettingsSchema, DEFAULT_CLUSTER_SIGNALS, type ClusterSettingsIn } from '../../clusters/types.ts';
import { signalCatalog } from '../../signals/handlers.ts';
import type { SignalFrame } from '../../signals/frame.ts';
import { clusteringPmml } from './clustering.ts';
import { exportClusteringPmml } from './run.ts';
import { el, num, text, xmlDocument } from './xml.ts';

const NS = 'http://www.dmg.org/PMML-4_4';
const FIT_AS_OF = Date.UTC(2025, 9, 1);
const LATER_AS_OF = Date.UTC(2025, 11, 1);
const tmp = tempDir('segwb-pmml-');
let ws: Workspace;
let fitApp: ReturnType<typeof inThreadEvaluator>;
let laterApp: ReturnType<typeof inThreadEvaluator>;

const MODELS: Array<[string, Omit<ClusterSettingsIn, 'signals'>]> = [
  ['robust, signal policy for missing values', { k: 5, seed: 2 }],
  ['z-score, customers with missing values left out', { k: 4, seed: 5, scaling: 'z-score', missing: 'drop' }],
  ['percentile, median for missing values, weights', { k: 6, seed: 7, scaling: 'percentile', missing: 'median', weights: { orders: 2, revenue: 0.5, sessions_30d: 3 } }],
];
const stored = new Map<string, StoredModel>();
/** The app's own coordinates of the fit (what k-means saw), to compare the PMML's derived fields with bit for bit. */
const fitMatrices = new Map<string, { data: Float64Array; d: number; frameRows: Int32Array }>();

beforeAll(async () => {
  const path = join(tmp.dir, 'sample.segwb');
  await generateSample({ path, customers: 1500, seed: 21, months: 12 }, { isCancelled: () => false, progress: () => {} });
  ws = openWorkspace(path);
  fitApp = inThreadEvaluator(ws.db, FIT_AS_OF);
  const job = { isCancelled: () => false, progress: () => {} };
  for (const [name, over] of MODELS) {
    const settings = clusterSettingsSchema.parse({ signals: [...DEFAULT_CLUSTER_SIGNALS], ...over });
    const args = fitJobArgs(ws.db, fitApp.data.frame, settings, path);
    const { description, outcome } = fitJob(args, job);
    const { model, live } = assembleModel(ws.db, fitApp.data.frame, settings, description, outcome, args.previous?.summary.modelId ?? null);
    stored.set(name, loadModel(ws.db, model.modelId)!);
    fitMatrices.set(name, live.matrix);
  }
  laterApp = inThreadEvaluator(ws.db, LATER_AS_OF);
}, 240_000);
afterAll(() => {
  ws?.db.close();
  tmp.cleanup();
});

// ---------- the independent evaluator ----------

interface Scored {
  /** The cluster id, or null when the result is invalid. */
  id: string | null;
  /** The ClusteringFields' values, or null when the result is invalid. */
  x: number[] | null;
}

interface Evaluator {
  fields: string[];
  score(raw: (field: string) => number): Scored;
}

/** A PMML ClusteringModel evaluator for what these documents use: MiningSchema missing handling, Constant, FieldRef, Apply, Discretize, squaredEuclidean with absDiff. */
function pmmlEvaluator(doc: Document): Evaluator {
  const root = rootOf(doc);
  const fields = children(only(root, 'DataDictionary'), 'DataField').map((f) => f.getAttribute('name')!);
  const model = only(root, 'ClusteringModel');
  const mining = children(only(model, 'MiningSchema'), 'MiningField').map((f) => ({
    name: f.getAttribute('name')!,
    replacement: f.hasAttribute('missingValueReplacement') ? Number(f.getAttribute('missingValueReplacement')) : null,
    invalidWhenMissing: f.getAttribute('missingValueTreatment') === 'returnInvalid',
  }));
  const derived = children(only(model, 'LocalTransformations'), 'DerivedField').map((f) => ({ name: f.getAttribute('name')!, expression: children(f)[0]! }));
  const measure = only(model, 'ComparisonMeasure');
  const compare = measure.getAttribute('compareFunction') ?? 'absDiff';
  expect(compare).toBe('absDiff');
  only(measure, 'squaredEuclidean');
  const clusteringFields = children(model, 'ClusteringField').map((f) => ({ field: f.getAttribute('field')!, weight: Number(f.getAttribute('fieldWeight') ?? '1') }));
  const clusters = children(model, 'Cluster').map((c) => ({
    id: c.getAttribute('id')!,
    centre: only(c, 'Array').textContent!.trim().split(/\s+/).map(Number),
  }));

  const compiled = derived.map((d) => ({ name: d.name, evaluate: compile(d.expression) }));

  return {
    fields,
    score(raw) {
      const env = new Map<string, Value>();
      for (const f of mining) {
        const v = raw(f.name);
        if (v === v) env.set(f.name, v);
        else if (f.invalidWhenMissing) return { id: null, x: null };
        else env.set(f.name, f.replacement);
      }
      for (const d of compiled) env.set(d.name, d.evaluate(env));
      const values = clusteringFields.map((f) => env.get(f.field));
      if (values.some((v) => v === null || v === undefined)) return { id: null, x: null };
      const x = values as number[];
      let best = Infinity;
      let bestId: string | null = null;
      for (const c of clusters) {
        let sum = 0;
        clusteringFields.forEach((f, t) => {
          const diff = Math.abs(x[t]! - c.centre[t]!);
          sum += f.weight * (diff * diff);
        });
        if (sum < best) {
          best = sum;
          bestId = c.id;
        }
      }
      return { id: bestId, x };
    },
  };
}

function rescore(evaluator: Evaluator, frame: SignalFrame): Scored[] {
  const columns = new Map(frame.signals.map((s, j) => [s.id, frame.values[j]!]));
  return frame.customerIds.map((_, i) => evaluator.score((field) => columns.get(field)![i]!));
}

// ---------- tests ----------

describe('xml writer', () => {
  it('escapes text and attributes, writes numbers round-trip and refuses non-finite ones', () => {
    const xml = xmlDocument(el('Root', { a: 'x < y & "z"\n', n: 0.1 + 0.2 }, [el('T', {}, [text('a<b>&c')]), el('E', { skip: null })]));
    const root = rootOf(parse(xml));
    expect(root.getAttribute('a')).toBe('x < y & "z"\n');
    expect(Number(root.getAttribute('n'))).toBe(0.1 + 0.2);
    expect(children(root, 'T')[0]!.textContent).toBe('a<b>&c');
    expect(children(root, 'E')[0]!.hasAttribute('skip')).toBe(false);
    expect(num(-0)).toBe('0');
    expect(num(1e-300)).toBe('1e-300');
    expect(() => num(NaN)).toThrow(/non-finite/);
    expect(() => num(Infinity)).toThrow(/non-finite/);
    expect(() => text('\u0001')).not.toThrow();
    expect(() => xmlDocument(el('R', {}, [text('\u0001')]))).toThrow(/cannot hold/);
  });
});

describe.each(MODELS)('PMML ClusteringModel: %s', (name) => {
  let model: StoredModel;
  let xml: string;
  let doc: Document;

  beforeAll(() => {
    model = stored.get(name)!;
    // A name an analyst might type, to see it escaped and read back intact.
    const renamed: StoredModel = { ...model, summary: { ...model.summary, clusters: model.summary.clusters.map((c, j) => (j === 0 ? { ...c, name: `Big "spenders" & <friends>` } : c)) } };
    xml = clusteringPmml(renamed, { workbenchVersion: '0.1.0', signals: signalCatalog({ db: ws.db }) });
    doc = parse(xml);
  });

  it('has the PMML 4.4 structure of a ClusteringModel', () => {
    const root = rootOf(doc);
    expect(root.localName).toBe('PMML');
    expect(root.namespaceURI).toBe(NS);
    expect(root.getAttribute('version')).toBe('4.4');
    for (const e of Array.from(doc.getElementsByTagName('*'))) expect(e.namespaceURI, e.localName ?? '').toBe(NS);
    expectSequence(root, /^Header,DataDictionary,ClusteringModel,$/);

    const header = only(root, 'Header');
    expectSequence(header, /^Application,Annotation,$/);
    expect(only(header, 'Application').getAttribute('name')).toBe('Segment Workbench');
    expect(only(header, 'Application').getAttribute('version')).toBe('0.1.0');
    expect(only(header, 'Annotation').textContent).toMatch(/the model's own/);

    const d = model.scaling.length;
    const k = model.summary.clusters.length;
    const dictionary = only(root, 'DataDictionary');
    expect(numberAttr(dictionary, 'numberOfFields')).toBe(d);
    const dataFields = children(dictionary);
    expect(dataFields.map((f) => f.localName)).toEqual(Array(d).fill('DataField'));
    expect(dataFields.map((f) => f.getAttribute('name'))).toEqual(model.scaling.map((s) => s.id));
    for (const f of dataFields) {
      expect(f.getAttribute('optype')).toBe('continuous');
      expect(f.getAttribute('dataType')).toBe('double');
    }

    const cm = only(root, 'ClusteringModel');
    expect(cm.getAttribute('functionName')).toBe('clustering');
    expect(cm.getAttribute('modelClass')).toBe('centerBased');
    expect(numberAttr(cm, 'numberOfClusters')).toBe(k);
    // Extension*, MiningSchema, Output?, ModelStats?, ModelExplanation?, LocalTransformations?, ComparisonMeasure, ClusteringField+, MissingValueWeights?, Cluster+, ModelVerification?, Extension*
    expectSequence(cm, /^MiningSchema,LocalTransformations,ComparisonMeasure,(ClusteringField,)+(Cluster,)+$/);

    const miningFields = children(only(cm, 'MiningSchema'));
    expect(miningFields.map((f) => f.localName)).toEqual(Array(d).fill('MiningField'));
    model.scaling.forEach((s, t) => {
      const f = miningFields[t]!;
      expect(f.getAttribute('name')).toBe(s.id);
      expect(f.getAttribute('usageType') ?? 'active').toBe('active');
      if (s.impute === null) {
        expect(f.getAttribute('missingValueTreatment')).toBe('returnInvalid');
        expect(f.hasAttribute('missingValueReplacement')).toBe(false);
      } else {
        expect(numberAttr(f, 'missingValueReplacement')).toBe(s.impute);
        expect(f.getAttribute('missingValueTreatment')).not.toBe('returnInvalid');
      }
    });

    const derivedNames = new Set<string>();
    for (const f of children(only(cm, 'LocalTransformations'))) {
      expect(f.localName).toBe('DerivedField');
      expect(f.getAttribute('optype')).toBe('continuous');
      expect(f.getAttribute('dataType')).toBe('double');
      expect(children(f)).toHaveLength(1);
      expect(['Apply', 'Discretize']).toContain(children(f)[0]!.localName);
      expect(dataFields.some((df) => df.getAttribute('name') === f.getAttribute('name'))).toBe(false);
      derivedNames.add(f.getAttribute('name')!);
    }
    for (const a of Array.from(cm.getElementsByTagName('Apply'))) expect(['+', '-', '*', '/', 'min', 'max']).toContain(a.getAttribute('function'));
    for (const c of Array.from(cm.getElementsByTagName('Constant'))) expect(Number.isFinite(Number(c.textContent))).toBe(true);
    for (const bin of Array.from(cm.getElementsByTagName('DiscretizeBin'))) {
      expect(bin.hasAttribute('binValue')).toBe(true);
      const interval = only(bin, 'Interval');
      expect(['openOpen', 'openClosed', 'closedOpen', 'closedClosed']).toContain(interval.getAttribute('closure'));
    }

    const measure = only(cm, 'ComparisonMeasure');
    expect(measure.getAttribute('kind')).toBe('distance');
    expectSequence(measure, /^squaredEuclidean,$/);

    const clusteringFields = children(cm, 'ClusteringField');
    expect(clusteringFields).toHaveLength(d);
    for (const f of clusteringFields) {
      expect(derivedNames.has(f.getAttribute('field')!)).toBe(true);
      expect(f.getAttribute('isCenterField') ?? 'true').toBe('true');
      expect(numberAttr(f, 'fieldWeight')).toBe(1);
    }

    const clusters = children(cm, 'Cluster');
    expect(clusters.map((c) => c.getAttribute('id'))).toEqual(model.summary.clusters.map((c) => String(c.key)));
    expect(clusters[0]!.getAttribute('name')).toBe(`Big "spenders" & <friends>`);
    expect(clusters.slice(1).map((c) => c.getAttribute('name'))).toEqual(model.summary.clusters.slice(1).map((c) => c.name));
    clusters.forEach((c, j) => {
      const array = only(c, 'Array');
      expect(array.getAttribute('type')).toBe('real');
      expect(numberAttr(array, 'n')).toBe(d);
      const values = array.textContent!.trim().split(/\s+/).map(Number);
      expect(values).toEqual(Array.from(model.centroids.subarray(j * d, j * d + d)));
    });
  });

  it('computes the coordinates k-means saw, bit for bit, for every clustered customer of the fit', () => {
    const matrix = fitMatrices.get(name)!;
    const scored = rescore(pmmlEvaluator(doc), fitApp.data.frame);
    const clustered = scored.flatMap((r, i) => (r.x ? [i] : []));
    expect(Array.from(matrix.frameRows)).toEqual(clustered);
    let differences = 0;
    matrix.frameRows.forEach((row, r) => {
      const x = scored[row]!.x!;
      for (let t = 0; t < matrix.d; t++) if (x[t] !== matrix.data[r * matrix.d + t]) differences++;
    });
    expect(differences).toBe(0);
  });

  it.each([
    ['the fit date', () => fitApp],
    ['a later date', () => laterApp],
  ])('re-scores every customer on %s to the app\'s cluster', (_, app) => {
    const { data, evaluator } = app();
    const { info, labels } = evaluator.segmentation({ kind: 'clusters', modelId: model.summary.modelId });
    const expected = Array.from(labels, (l) => info.segments[l]!.key);
    const pmml = rescore(pmmlEvaluator(doc), data.frame).map((r) => r.id ?? 'unclustered');
    let differences = 0;
    for (let i = 0; i < expected.length; i++) if (pmml[i] !== expected[i]) differences++;
    expect(differences).toBe(0);
    expect(pmml).toEqual(expected);
    // Every cluster is used, and "unclustered" exactly when missing values leave customers out.
    const used = new Set(pmml);
    for (const c of model.summary.clusters) expect(used.has(String(c.key))).toBe(true);
    expect(used.has('unclustered')).toBe(model.scaling.some((s) => s.impute === null));
  });
});

describe('percentile scaling', () => {
  it('reaches every kind of bin in the sample: ties at breakpoints, between them, and outside them on the later date', () => {
    const model = stored.get(MODELS[2]![0])!;
    let equal = 0;
    let between = 0;
    let outside = 0;
    for (const s of model.scaling) {
      const b = s.breakpoints!;
      const column = laterApp.data.frame.values[laterApp.data.frame.signals.findIndex((x) => x.id === s.id)]!;
      for (const v of column) {
        if (v !== v) continue;
        if (v < b[0]! || v > b[b.length - 1]!) outside++;
        else if (b.includes(v)) equal++;
        else between++;
      }
    }
    expect(equal).toBeGreaterThan(0);
    expect(between).toBeGreaterThan(0);
    expect(outside).toBeGreaterThan(0);
  });
});

describe('writing the file', () => {
  it('writes the newest model or the one asked for, refuses to overwrite unless told, and names a missing model', () => {
    const path = tmp.file('model.pmml');
    const newest = exportClusteringPmml(ws.db, { path, overwrite: false, workbenchVersion: '0.1.0' });
    const last = stored.get(MODELS[2]![0])!;
    expect(newest).toMatchObject({ path, modelId: last.summary.modelId, clusters: last.summary.clusters.length, signals: last.scaling.length });
    expect(readFileSync(path, 'utf8')).toBe(clusteringPmml(last, { workbenchVersion: '0.1.0', signals: signalCatalog({ db: ws.db }) }));
    expect(() => exportClusteringPmml(ws.db, { path, overwrite: false, workbenchVersion: '0.1.0' })).toThrow(/already exists/);
    const first = stored.get(MODELS[0]![0])!;
    expect(exportClusteringPmml(ws.db, { path, overwrite: true, modelId: first.summary.modelId, workbenchVersion: '0.1.0' }).modelId).toBe(first.summary.modelId);
    expect(() => exportClusteringPmml(ws.db, { path, overwrite: true, modelId: 999, workbenchVersion: '0.1.0' })).toThrow(/no cluster model 999/);
  });
});
