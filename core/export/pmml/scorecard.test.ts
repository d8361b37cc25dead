// The PMML Scorecard export of the intent score, checked the way a PMML scorer would see it:
// parsed with a real XML parser, checked element by element against the PMML 4.4 structure of a
// Scorecard, then evaluated by a small PMML evaluator written here (it shares no code with the
// exporter, normalise.ts or score.ts) over every customer of a sample workspace, which must give
// the app's score (fresh ScoringState) and phase customer by customer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Document, Element } from '@xmldom/xmldom';
import { parse, rootOf, children, only, numberAttr, expectSequence } from '../../../test/support/pmml-xml.ts';
import { asNumber, compile, compilePredicate, type Env, type Value } from '../../../test/support/pmml-expressions.ts';
import { generateSample } from '../../sample/generate.ts';
import { openWorkspace, type Workspace } from '../../store/workspace.ts';
import { tempDir } from '../../../test/support/temp.ts';
import { computeSignals } from '../../signals/compute.ts';
import { signalCatalog } from '../../signals/handlers.ts';
import { loadSettings, saveSettings } from '../../signals/settings.ts';
import { ScoringState } from '../../signals/scoring-state.ts';
import { defaultAsOf, formatDay } from '../../signals/as-of.ts';
import { PHASES, type ScoringSettings, type SignalInfo } from '../../signals/types.ts';
import type { SignalFrame } from '../../signals/frame.ts';
import { scorecardPmml } from './scorecard.ts';
import { exportScorecardPmml } from './run.ts';

const NS = 'http://www.dmg.org/PMML-4_4';
// The day after the newest event, so every customer of the sample has signals.
let AS_OF = 0;
const tmp = tempDir('segwb-scorecard-');
let ws: Workspace;
let frame: SignalFrame;
let catalog: SignalInfo[];
let defaults: ScoringSettings;

beforeAll(async () => {
  const path = join(tmp.dir, 'sample.segwb');
  await generateSample({ path, customers: 1500, seed: 21, months: 12 }, { isCancelled: () => false, progress: () => {} });
  ws = openWorkspace(path);
  AS_OF = defaultAsOf(ws.db);
  frame = computeSignals(ws.db, { asOf: AS_OF });
  catalog = signalCatalog({ db: ws.db });
  defaults = loadSettings(ws.db, catalog);
}, 240_000);
afterAll(() => {
  ws?.db.close();
  tmp.cleanup();
});

const VARIANTS: Array<[string, () => ScoringSettings]> = [
  ['defaults (percentile)', () => defaults],
  [
    'percentile, negative weights, other thresholds and retention',
    () => ({
      ...defaults,
      weights: { ...defaults.weights, return_rate: -10, days_since_purchase: 10, discount_share: -5 },
      thresholds: { consideration: 30, decision: 55 },
      retention: { purchaseWithinDays: 60, activeWithinDays: 14 },
    }),
  ],
  [
    'robust-z, negative weights, other thresholds',
    () => ({
      ...defaults,
      normalisation: 'robust-z',
      weights: { ...defaults.weights, return_rate: -10, discount_share: -5, days_since_purchase: 10 },
      thresholds: { consideration: 46, decision: 58 },
    }),
  ],
];

// ---------- the independent evaluator ----------

interface Scored {
  /** The Scorecard's sum in double precision (the model's predicted value before the OutputField's conversion). */
  total: number | null;
  outputs: Map<string, Value>;
  /** Partial scores per Characteristic, in document order. */
  partials: number[];
  env: Env;
}

interface Evaluator {
  fields: string[];
  characteristics: Array<{ name: string; reasonCode: string; baseline: number }>;
  score(raw: (field: string) => number): Scored;
}

/** A PMML Scorecard evaluator for what these documents use. */
function pmmlEvaluator(doc: Document): Evaluator {
  const root = rootOf(doc);
  const fields = children(only(root, 'DataDictionary'), 'DataField').map((f) => f.getAttribute('name')!);
  const model = only(root, 'Scorecard');
  const initialScore = Number(model.getAttribute('initialScore') ?? '0');
  const mining = children(only(model, 'MiningSchema'), 'MiningField').map((f) => ({
    name: f.getAttribute('name')!,
    replacement: f.hasAttribute('missingValueReplacement') ? Number(f.getAttribute('missingValueReplacement')) : null,
    invalidWhenMissing: f.getAttribute('missingValueTreatment') === 'returnInvalid',
  }));
  const derived = children(only(model, 'LocalTransformations'), 'DerivedField').map((f) => ({ name: f.getAttribute('name')!, evaluate: compile(children(f)[0]!) }));
  const characteristicElements = children(only(model, 'Characteristics'), 'Characteristic');
  const characteristics = characteristicElements.map((c) => ({
    name: c.getAttribute('name')!,
    reasonCode: c.getAttribute('reasonCode')!,
    baseline: Number(c.getAttribute('baselineScore') ?? model.getAttribute('baselineScore')),
    attributes: children(c, 'Attribute').map((a) => {
      const predicate = children(a).find((x) => x.localName !== 'ComplexPartialScore' && x.localName !== 'Extension')!;
      const complex = children(a, 'ComplexPartialScore')[0];
      const fixed = a.hasAttribute('partialScore') ? Number(a.getAttribute('partialScore')) : null;
      return { matches: compilePredicate(predicate), score: complex ? compile(children(complex)[0]!) : () => fixed };
    }),
  }));
  const outputs = children(only(model, 'Output'), 'OutputField').map((f) => {
    const expression = children(f).find((x) => x.localName === 'Apply' || x.localName === 'Constant' || x.localName === 'FieldRef');
    return { name: f.getAttribute('name')!, feature: f.getAttribute('feature') ?? 'predictedValue', dataType: f.getAttribute('dataType'), evaluate: expression ? compile(expression) : null };
  });

  return {
    fields,
    characteristics: characteristics.map(({ name, reasonCode, baseline }) => ({ name, reasonCode, baseline })),
    score(raw) {
      const env: Env = new Map();
      const invalid = { total: null, outputs: new Map<string, Value>(), partials: [], env };
      for (const f of mining) {
        const v = raw(f.name);
        if (v === v) env.set(f.name, v);
        else if (f.invalidWhenMissing) return invalid;
        else env.set(f.name, f.replacement);
      }
      for (const d of derived) env.set(d.name, d.evaluate(env));
      let total = initialScore;
      const partials: number[] = [];
      for (const c of characteristics) {
        const attribute = c.attributes.find((a) => a.matches(env) === true);
        if (!attribute) return invalid;
        const points = attribute.score(env);
        if (points === null) return invalid;
        partials.push(asNumber(points));
        total += asNumber(points);
      }
      const results = new Map<string, Value>();
      for (const o of outputs) {
        let value: Value;
        if (o.feature === 'predictedValue') value = total;
        else if (o.feature === 'transformedValue') value = o.evaluate!(new Map([...env, ...results]));
        else throw new Error(`output feature ${o.feature} is not supported here`);
        // The OutputField's dataType converts the value (float: to the nearest single-precision number).
        if (o.dataType === 'float' && typeof value === 'number') value = Math.fround(value);
        results.set(o.name, value);
      }
      return { total, outputs: results, partials, env };
    },
  };
}

function rescore(evaluator: Evaluator, f: SignalFrame): Scored[] {
  const columns = new Map(f.signals.map((s, j) => [s.id, f.values[j]!]));
  return f.customerIds.map((_, i) =>
    evaluator.score((field) => {
      const column = columns.get(field);
      if (!column) throw new Error(`the frame has no signal ${field}`);
      return column[i]!;
    }),
  );
}

function countBy(values: string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

/** True for a percentile document (it has Discretize tables). */
const isPercentile = (doc: Document) => doc.getElementsByTagName('Discretize').length > 0;

const weightedIds = (settings: ScoringSettings) => frame.signals.filter((s) => (settings.weights[s.id] ?? 0) !== 0).map((s) => s.id);

// ---------- tests ----------

describe.each(VARIANTS)('PMML Scorecard: %s', (name, settingsOf) => {
  let settings: ScoringSettings;
  let doc: Document;

  beforeAll(() => {
    settings = settingsOf();
    doc = parse(scorecardPmml(frame, settings, { workbenchVersion: '0.1.0', signals: catalog, asOf: formatDay(AS_OF) }));
  });

  it('has the PMML 4.4 structure of a Scorecard', () => {
    const root = rootOf(doc);
    expect(root.localName).toBe('PMML');
    expect(root.namespaceURI).toBe(NS);
    expect(root.getAttribute('version')).toBe('4.4');
    for (const e of Array.from(doc.getElementsByTagName('*'))) expect(e.namespaceURI, e.localName ?? '').toBe(NS);
    expectSequence(root, /^Header,DataDictionary,Scorecard,$/);

    const header = only(root, 'Header');
    expectSequence(header, /^Application,Annotation,$/);
    expect(only(header, 'Application').getAttribute('name')).toBe('Segment Workbench');
    expect(only(header, 'Application').getAttribute('version')).toBe('0.1.0');
    const note = only(header, 'Annotation').textContent!;
    expect(note).toMatch(settings.normalisation === 'percentile' ? /export date's population only/ : /less than 1e-7 relative/);
    expect(note).toContain(formatDay(AS_OF));

    const weighted = weightedIds(settings);
    const expectedFields = [...weighted, ...['days_since_purchase', 'days_since_active'].filter((id) => !weighted.includes(id))];
    const dictionary = only(root, 'DataDictionary');
    expect(numberAttr(dictionary, 'numberOfFields')).toBe(expectedFields.length);
    const dataFields = children(dictionary);
    expect(dataFields.map((f) => f.localName)).toEqual(Array(expectedFields.length).fill('DataField'));
    expect(dataFields.map((f) => f.getAttribute('name'))).toEqual(expectedFields);
    for (const f of dataFields) {
      expect(f.getAttribute('optype')).toBe('continuous');
      expect(f.getAttribute('dataType')).toBe('double');
    }

    const sc = only(root, 'Scorecard');
    expect(sc.getAttribute('functionName')).toBe('regression');
    expect(Number(sc.getAttribute('initialScore') ?? '0')).toBe(0);
    // useReasonCodes defaults to true; then reasonCodeAlgorithm and a baseline per Characteristic (or on the Scorecard) are needed.
    expect(sc.getAttribute('useReasonCodes') ?? 'true').toBe('true');
    expect(['pointsAbove', 'pointsBelow']).toContain(sc.getAttribute('reasonCodeAlgorithm'));
    expect(['max', 'min', 'mean', 'neutral', 'other']).toContain(sc.getAttribute('baselineMethod') ?? 'other');
    // Extension*, MiningSchema, Output?, ModelStats?, ModelExplanation?, Targets?, LocalTransformations?, Characteristics, ModelVerification?, Extension*
    expectSequence(sc, /^MiningSchema,Output,LocalTransformations,Characteristics,$/);

    const miningFields = children(only(sc, 'MiningSchema'));
    expect(miningFields.map((f) => f.localName)).toEqual(Array(expectedFields.length).fill('MiningField'));
    expect(miningFields.map((f) => f.getAttribute('name'))).toEqual(expectedFields);
    for (const f of miningFields) {
      expect(f.getAttribute('usageType') ?? 'active').toBe('active');
      // Missing values stay missing: the derived fields and the predicates decide what they mean.
      expect(f.hasAttribute('missingValueReplacement')).toBe(false);
      expect(f.getAttribute('missingValueTreatment') ?? 'asIs').toBe('asIs');
    }

    const outputFields = children(only(sc, 'Output'));
    expect(outputFields.map((f) => f.localName)).toEqual(['OutputField', 'OutputField']);
    const [score, phase] = outputFields as [Element, Element];
    expect(score.getAttribute('name')).toBe('intent_score');
    expect(score.getAttribute('feature')).toBe('predictedValue');
    expect(phase.getAttribute('name')).toBe('phase');
    expect(phase.getAttribute('feature')).toBe('transformedValue');
    expect(phase.getAttribute('dataType')).toBe('string');
    expectSequence(phase, /^Apply,$/);
    const phaseNames = Array.from(phase.getElementsByTagName('Constant')).filter((c) => c.getAttribute('dataType') === 'string').map((c) => c.textContent);
    expect([...phaseNames].sort()).toEqual([...PHASES].sort());

    const derivedNames = new Set<string>();
    for (const f of children(only(sc, 'LocalTransformations'))) {
      expect(f.localName).toBe('DerivedField');
      expect(f.hasAttribute('optype') && f.hasAttribute('dataType')).toBe(true);
      expect(children(f)).toHaveLength(1);
      expect(['Apply', 'Discretize', 'Constant']).toContain(children(f)[0]!.localName);
      expect(dataFields.some((df) => df.getAttribute('name') === f.getAttribute('name'))).toBe(false);
      derivedNames.add(f.getAttribute('name')!);
    }
    for (const a of Array.from(sc.getElementsByTagName('Apply'))) {
      expect(['+', '-', '*', '/', 'min', 'max', 'if', 'isMissing', 'equal', 'greaterOrEqual', 'lessOrEqual', 'and']).toContain(a.getAttribute('function'));
    }
    for (const c of Array.from(sc.getElementsByTagName('Constant'))) {
      if (c.getAttribute('dataType') !== 'string') expect(Number.isFinite(Number(c.textContent))).toBe(true);
    }
    const discretes = Array.from(sc.getElementsByTagName('Discretize'));
    expect(discretes.length > 0).toBe(settings.normalisation === 'percentile');
    for (const d of discretes) {
      let previousRight = -Infinity;
      for (const bin of children(d, 'DiscretizeBin')) {
        const value = numberAttr(bin, 'binValue');
        // The app's float32 value, written exactly.
        expect(Math.fround(value)).toBe(value);
        expect(value >= 0 && value <= 1).toBe(true);
        const i = only(bin, 'Interval');
        expect(['openOpen', 'openClosed', 'closedOpen', 'closedClosed']).toContain(i.getAttribute('closure'));
        const left = i.hasAttribute('leftMargin') ? Number(i.getAttribute('leftMargin')) : -Infinity;
        expect(left).toBe(previousRight);
        previousRight = i.hasAttribute('rightMargin') ? Number(i.getAttribute('rightMargin')) : Infinity;
      }
      expect(previousRight).toBe(Infinity);
    }

    const characteristics = children(only(sc, 'Characteristics'));
    expect(characteristics.map((c) => c.localName)).toEqual(Array(weighted.length).fill('Characteristic'));
    expect(characteristics.map((c) => c.getAttribute('reasonCode'))).toEqual(weighted);
    characteristics.forEach((c, j) => {
      const id = weighted[j]!;
      numberAttr(c, 'baselineScore');
      const signal = frame.signals.find((s) => s.id === id)!;
      const attributes = children(c);
      expect(attributes.every((a) => a.localName === 'Attribute')).toBe(true);
      expect(attributes).toHaveLength(signal.missing === 'exclude' ? 2 : 1);
      if (signal.missing === 'exclude') {
        const first = attributes[0]!;
        expect(numberAttr(first, 'partialScore')).toBe(0);
        const predicate = only(first, 'SimplePredicate');
        expect(predicate.getAttribute('field')).toBe(id);
        expect(predicate.getAttribute('operator')).toBe('isMissing');
      }
      const last = attributes[attributes.length - 1]!;
      expectSequence(last, /^True,ComplexPartialScore,$/);
      const expression = only(only(last, 'ComplexPartialScore'), 'Apply');
      expect(expression.getAttribute('function')).toBe('/');
      const refs = Array.from(expression.getElementsByTagName('FieldRef')).map((r) => r.getAttribute('field')!);
      for (const r of refs) expect(derivedNames.has(r)).toBe(true);
      expect(refs).toHaveLength(2);
    });
  });

  it('re-scores every customer to the app\'s score and phase', () => {
    const app = new ScoringState(frame).score(settings);
    const evaluator = pmmlEvaluator(doc);
    const scored = rescore(evaluator, frame);
    const { consideration, decision } = settings.thresholds;
    let maxOutput = 0;
    let maxTotal = 0;
    let maxUnrounded = 0;
    const weighted = frame.signals.flatMap((s, j) => ((settings.weights[s.id] ?? 0) !== 0 ? [j] : []));
    let identical = 0;
    let nearThreshold = 0;
    let phaseDifferences = 0;
    let farPhaseDifferences = 0;
    scored.forEach((r, i) => {
      const appScore = app.score[i]!;
      const output = r.outputs.get('intent_score');
      expect(typeof output).toBe('number');
      maxOutput = Math.max(maxOutput, Math.abs((output as number) - appScore));
      maxTotal = Math.max(maxTotal, Math.abs(r.total! - appScore));
      if (output === appScore) identical++;
      // The app's score before its float32 rounding, from its own normalised columns in frame order (score.ts's formula).
      let num = 0;
      let den = 0;
      for (const j of weighted) {
        const w = settings.weights[frame.signals[j]!.id]!;
        const v = app.normalised.columns[j]![i]!;
        if (v === v) {
          num += w * v + (w < 0 ? -w : 0);
          den += Math.abs(w);
        }
      }
      maxUnrounded = Math.max(maxUnrounded, Math.abs(r.total! - (den > 0 ? (100 * num) / den : 0)));
      const near = Math.abs(appScore - consideration) <= 1e-4 || Math.abs(appScore - decision) <= 1e-4;
      if (near) nearThreshold++;
      if (r.outputs.get('phase') !== PHASES[app.phase[i]!]) {
        phaseDifferences++;
        if (!near) farPhaseDifferences++;
      }
    });
    console.log(
      `${name}: ${scored.length} customers; intent_score (float) max |PMML - app| = ${maxOutput.toExponential(3)}, bit-identical ${identical}; ` +
        `unconverted double max |PMML - app| = ${maxTotal.toExponential(3)}, |PMML - app before float32| = ${maxUnrounded.toExponential(3)}; ` +
        `within 1e-4 of a threshold: ${nearThreshold}; phase differences: ${phaseDifferences}; phases ${JSON.stringify(countBy(scored.map((r) => String(r.outputs.get('phase')))))}`,
    );
    if (settings.normalisation === 'percentile') {
      // The normalised values are the app's, bit for bit: only the order of the sum differs.
      expect(maxUnrounded).toBeLessThanOrEqual(1e-9 * 100);
      // Converted to float the score is the app's float32, except where the app's double lies on (or within
      // the sum-order difference of) the middle between two floats: then one float32 step (2^-17 for scores of 64..100).
      expect(maxOutput).toBeLessThanOrEqual(2 ** -17);
      expect(identical).toBeGreaterThanOrEqual(scored.length - 5);
    } else {
      expect(maxOutput).toBeLessThanOrEqual(1e-4);
      expect(maxUnrounded).toBeLessThanOrEqual(1e-4);
    }
    // Without the float conversion the difference is the app's own float32 rounding (half a float32 step of 100 at most).
    expect(maxTotal).toBeLessThanOrEqual(2 ** -18 + 1e-9);
    expect(farPhaseDifferences).toBe(0);
    // Every phase occurs, so the if chain is exercised in full.
    const phases = new Set(scored.map((r) => r.outputs.get('phase')));
    for (const p of PHASES) expect(phases.has(p), p).toBe(true);
  });

  it('computes the app\'s normalised values (percentile bit for bit, robust-z to float32 rounding) and denominators', () => {
    const app = new ScoringState(frame).score(settings);
    const scored = rescore(pmmlEvaluator(doc), frame);
    const weighted = weightedIds(settings);
    let differences = 0;
    let maxDifference = 0;
    let presentSeen = 0;
    for (const id of weighted) {
      const j = frame.signals.findIndex((s) => s.id === id);
      const column = app.normalised.columns[j]!;
      scored.forEach((r, i) => {
        const pmml = r.env.get(`Normalised_${id}`);
        const expected = column[i]!;
        if (expected !== expected) {
          // "exclude" and missing: the Characteristic's isMissing Attribute gives 0 points.
          expect(frame.values[j]![i]).toBeNaN();
          return;
        }
        presentSeen++;
        const d = Math.abs((pmml as number) - expected);
        maxDifference = Math.max(maxDifference, d);
        if (d !== 0) differences++;
      });
    }
    expect(presentSeen).toBeGreaterThan(0);
    if (settings.normalisation === 'percentile') expect(differences).toBe(0);
    else expect(maxDifference).toBeLessThanOrEqual(2 ** -25);
    // The denominator is the app's sum of |w| over the signals with a value.
    scored.forEach((r, i) => {
      let den = 0;
      for (const id of weighted) {
        const j = frame.signals.findIndex((s) => s.id === id);
        if (app.normalised.columns[j]![i] === app.normalised.columns[j]![i]) den += Math.abs(settings.weights[id]!);
      }
      expect(r.env.get('Denominator')).toBe(den);
    });
  });

  it('gives each Characteristic its mean points on the export date as the baseline of its reason code', () => {
    const evaluator = pmmlEvaluator(doc);
    const scored = rescore(evaluator, frame);
    evaluator.characteristics.forEach((c, j) => {
      let sum = 0;
      for (const r of scored) sum += r.partials[j]!;
      // robust-z: the baseline is the mean of the app's float32-normalised points, the evaluator's are in double.
      expect(Math.abs(c.baseline - sum / scored.length)).toBeLessThanOrEqual(isPercentile(doc) ? 1e-9 : 1e-6);
    });
  });
});

describe('percentile bins', () => {
  it('score values not seen at the export date by the frozen population (strictly below for direction 1, strictly above for -1)', () => {
    const doc = parse(scorecardPmml(frame, defaults, { workbenchVersion: '0.1.0', signals: catalog, asOf: formatDay(AS_OF) }));
    const weighted = weightedIds(defaults);
    const evaluator = pmmlEvaluator(doc);
    const signalsChecked = new Set<number>();
    for (const id of weighted) {
      const j = frame.signals.findIndex((s) => s.id === id);
      const signal = frame.signals[j]!;
      const present = Array.from(frame.values[j]!).filter((v) => v === v);
      const distinct = [...new Set(present)].sort((a, b) => a - b);
      // Below the smallest, between the two smallest, above the largest.
      const probes = [distinct[0]! - 1, distinct.length > 1 ? (distinct[0]! + distinct[1]!) / 2 : distinct[0]! + 1, distinct[distinct.length - 1]! + 1];
      for (const probe of probes) {
        const expected = Math.fround((signal.direction === 1 ? present.filter((v) => v < probe).length : present.filter((v) => v > probe).length) / present.length);
        const r = evaluator.score((field) => (field === id ? probe : NaN));
        expect(r.env.get(`Normalised_${id}`), `${id} at ${probe}`).toBe(expected);
      }
      signalsChecked.add(signal.direction);
    }
    expect([...signalsChecked].sort()).toEqual([-1, 1]);
  });
});

describe('writing the file', () => {
  it('writes the workspace\'s saved settings for the date asked for (default: the day after the newest event) and refuses to overwrite unless told', () => {
    const path = tmp.file('intent.pmml');
    const saved = saveSettings(ws.db, VARIANTS[2]![1](), catalog);
    const info = (asOf: string) => ({ workbenchVersion: '0.1.0', signals: catalog, asOf });
    const newest = exportScorecardPmml(ws.db, { path, overwrite: false, workbenchVersion: '0.1.0' });
    const day = formatDay(AS_OF);
    expect(newest).toMatchObject({ path, asOf: day, signals: weightedIds(saved).length });
    expect(newest.bytes).toBe(Buffer.byteLength(readFileSync(path, 'utf8')));
    expect(readFileSync(path, 'utf8')).toBe(scorecardPmml(frame, saved, info(day)));
    expect(() => exportScorecardPmml(ws.db, { path, overwrite: false, workbenchVersion: '0.1.0' })).toThrow(/already exists/);
    expect(() => exportScorecardPmml(ws.db, { path, overwrite: true, asOf: '2025-02-30', workbenchVersion: '0.1.0' })).toThrow(/not a date/);

    const earlier = '2025-10-01';
    const result = exportScorecardPmml(ws.db, { path, overwrite: true, asOf: earlier, workbenchVersion: '0.1.0' });
    expect(result.asOf).toBe(earlier);
    const earlierFrame = computeSignals(ws.db, { asOf: Date.UTC(2025, 9, 1) });
    expect(earlierFrame.customerIds.length).toBeLessThan(frame.customerIds.length);
    expect(readFileSync(path, 'utf8')).toBe(scorecardPmml(earlierFrame, saved, info(earlier)));
  });
});
