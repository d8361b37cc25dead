import { describe, expect, it } from 'vitest';
import type { Bundle, BundleChange, BundleImportResult } from '../../../core/api/contract.ts';
import { amountText, bundleFileName, bundleSummary, diffCountText, fingerprintText, groupChanges, headLines, importedText, membershipFileName, pmmlFileName, pmmlModelLabel, prettyValue, scorecardFileName, segmentationText, shortValue, sqlFileName, sqlSummary } from './exportText.ts';

const change = (over: Partial<BundleChange>): BundleChange => ({ area: 'weights', item: 'x', kind: 'changed', before: null, after: null, ...over });

function bundle(over: Partial<Bundle> = {}): Bundle {
  return {
    format: 'segment-workbench-bundle',
    version: 1,
    workbenchVersion: '0.9.0',
    createdAt: '2026-01-02T10:00:00.000Z',
    asOf: '2026-01-01',
    data: { sha256: 'abcdef0123456789'.repeat(4), customers: 1200, events: 84512, firstEventAt: Date.parse('2024-07-01T08:00:00Z'), lastEventAt: Date.parse('2025-12-31T20:00:00Z') },
    taxonomy: [{ pattern: '/pricing', match: 'prefix', category: 'pricing', priority: 1 }],
    customSignals: [],
    scoring: {
      weights: { days_since_purchase: -2, orders_90d: 3, pricing_visits_30d: 0 },
      normalisation: 'percentile',
      thresholds: { consideration: 40, decision: 70 },
      retention: { purchaseWithinDays: 90, activeWithinDays: 30 },
      actions: {},
      asOf: null,
      outcomeDays: 30,
    },
    clusterModel: null,
    rfm: { method: 'quantiles', cutoffs: { recencyDays: [1, 2, 3, 4], orders: [1, 2, 3, 4], revenue: [1, 2, 3, 4] }, groups: [{ id: 'champions', name: 'Champions', r: [4, 5], fm: [4, 5] }] },
    segments: [
      { segmentId: 3, name: 'Lapsed', description: '', version: 1, rule: { kind: 'group', combine: 'and', not: false, children: [] } },
      { segmentId: 5, name: 'Recent buyers', description: '', version: 2, rule: { kind: 'group', combine: 'and', not: false, children: [] } },
    ],
    priority: [5, 3],
    decisions: [{ family: 'rfm', segmentKey: 'lost', segmentName: 'Lost', decision: 'dont-compete', rationale: 'Too costly', definitionVersion: 'v', asOf: '2025-12-01', decidedAt: 1, decidedBy: 'ana' }],
    economics: { margin: 0.3, marginColumn: null, supportContactCost: 5, churnAfterDays: 90 },
    prediction: null,
    sizes: {},
    integrity: '9'.repeat(64),
    ...over,
  } as unknown as Bundle;
}

describe('export file names', () => {
  it('names the files after the date', () => {
    expect(membershipFileName('2026-01-01')).toBe('membership-2026-01-01.csv');
    expect(bundleFileName('2026-01-01')).toBe('segments-2026-01-01.bundle.json');
  });
  it('never makes a path or an empty name of the date', () => {
    expect(membershipFileName('')).toBe('membership-latest.csv');
    expect(bundleFileName('a/b c')).toBe('segments-a-b-c.bundle.json');
  });
});

describe('the PMML card', () => {
  it('names the file after the model and labels a model with its date, k and signals', () => {
    expect(pmmlFileName(7)).toBe('clusters-model-7.pmml');
    expect(pmmlModelLabel({ modelId: 7, asOf: '2025-12-31', k: 6, signals: 12 }, true)).toBe('#7 · as of 2025-12-31 · k = 6 · 12 signals (newest)');
    expect(pmmlModelLabel({ modelId: 2, asOf: '2025-11-30', k: 3, signals: 1 }, false)).toBe('#2 · as of 2025-11-30 · k = 3 · 1 signal');
  });
});

describe('the bundle summary', () => {
  it('counts each area, lists the segments in priority order and the decisions, and shortens the fingerprint', () => {
    const s = bundleSummary(bundle());
    const area = (id: string) => s.areas.find((a) => a.id === id)!;
    expect(area('weights').value).toBe('2 weighted signals');
    expect(area('weights').detail).toContain('consideration from 40, decision from 70');
    expect(area('taxonomy').value).toBe('1 rule');
    expect(area('clusters').value).toBe('none');
    expect(area('segments').value).toBe('2 segments');
    expect(area('decisions').value).toBe('1 decision');
    expect(area('economics').value).toBe('margin 30%');
    expect(s.segments.map((x) => x.name)).toEqual(['Recent buyers', 'Lapsed']);
    expect(s.decisions).toEqual([{ key: 'rfm|lost', name: 'Lost', family: 'RFM', decision: 'dont-compete', rationale: 'Too costly' }]);
    expect(s.fingerprint.short).toBe('abcdef012345');
    expect(fingerprintText(s.fingerprint)).toBe('1,200 customers, 84,512 events, 2024-07-01 to 2025-12-31');
    expect(s.integrity).toBe('999999999999');
  });

  it('describes a cluster model by id and k', () => {
    const model = {
      modelId: 7,
      asOf: '2025-12-01',
      settings: { signals: ['a', 'b'], weights: {}, scaling: 'robust', missing: 'signal-policy', k: 3, seed: 1, maxIterations: 100, outcomeDays: 30 },
      scaling: [{ id: 'a' }, { id: 'b' }],
      centroids: [[0, 0], [1, 1], [2, 2]],
      clusters: [{ key: 0, name: 'A', colour: '#000' }, { key: 1, name: 'B', colour: '#000' }, { key: 2, name: 'C', colour: '#000' }],
      summary: {},
    };
    const s = bundleSummary(bundle({ clusterModel: model as unknown as Bundle['clusterModel'] }));
    const clusters = s.areas.find((a) => a.id === 'clusters')!;
    expect(clusters.value).toBe('model #7, k = 3');
    expect(clusters.detail).toBe('2 signals, robust scaling, fitted as of 2025-12-01');
  });

  it('says when the data has no events', () => {
    const s = bundleSummary(bundle({ data: { sha256: 'a'.repeat(64), customers: 3, events: 0, firstEventAt: null, lastEventAt: null } }));
    expect(fingerprintText(s.fingerprint)).toBe('3 customers, 0 events, no events');
  });
});

describe('the diff', () => {
  it('groups changes by area in a fixed order, leaving out empty areas', () => {
    const groups = groupChanges([
      change({ area: 'segments', item: 'Lapsed', kind: 'added' }),
      change({ area: 'weights', item: 'orders_90d' }),
      change({ area: 'clusters', item: 'centroid of cluster 1 (B)', amount: 0.42 }),
      change({ area: 'weights', item: 'days_since_purchase' }),
    ]);
    expect(groups.map((g) => [g.area, g.title, g.changes.map((c) => c.item)])).toEqual([
      ['weights', 'Signal weights', ['orders_90d', 'days_since_purchase']],
      ['clusters', 'Cluster model', ['centroid of cluster 1 (B)']],
      ['segments', 'Saved segments', ['Lapsed']],
    ]);
    expect(groupChanges([])).toEqual([]);
  });

  it('keeps an area it does not know, at the end', () => {
    const groups = groupChanges([change({ area: 'pmml' as BundleChange['area'] }), change({ area: 'rfm' })]);
    expect(groups.map((g) => [g.area, g.title])).toEqual([
      ['rfm', 'RFM'],
      ['pmml', 'pmml'],
    ]);
  });

  it('counts changes by kind', () => {
    expect(diffCountText([change({ kind: 'added' }), change({}), change({})])).toBe('3 changes: 1 added, 2 changed');
    expect(diffCountText([])).toBe('0 changes');
  });

  it('says amounts as a signed difference, or how far a centroid moved', () => {
    expect(amountText(change({ amount: 1.5 }))).toBe('+1.5');
    expect(amountText(change({ amount: -2 }))).toBe('−2');
    expect(amountText(change({ amount: 0 }))).toBe('0');
    expect(amountText(change({ amount: 0.123456 }))).toBe('+0.123');
    expect(amountText(change({ area: 'clusters', amount: 0.4167 }))).toBe('moved 0.42');
    expect(amountText(change({}))).toBeNull();
  });

  it('shortens long values, keeping the whole for the tooltip', () => {
    expect(shortValue(null)).toEqual({ text: '—', full: null });
    expect(shortValue('3')).toEqual({ text: '3', full: null });
    const long = JSON.stringify({ kind: 'group', combine: 'and', children: [{ kind: 'signal', signal: 'days_since_purchase', op: 'lte', value: 30 }] });
    const v = shortValue(long, 40);
    expect(v.text).toHaveLength(40);
    expect(v.text.endsWith('…')).toBe(true);
    expect(v.full).toBe(long);
    expect(shortValue('a\n  b')).toEqual({ text: 'a b', full: null });
  });

  it('lays out JSON for reading, and leaves other text alone', () => {
    expect(prettyValue('{"a":1}')).toBe('{\n  "a": 1\n}');
    expect(prettyValue('Recent buyers > Lapsed')).toBe('Recent buyers > Lapsed');
  });
});

describe('the import', () => {
  const result: BundleImportResult = { segments: 2, replacedSegments: 1, customSignals: 0, taxonomyRules: 4, decisions: 1, modelId: 9, asOf: '2026-01-01', sameData: true, differences: [] };
  it('says what came in', () => {
    expect(importedText(result)).toBe(
      'Imported 2 saved segments, 0 custom signals, 4 taxonomy rules, 1 decision, cluster model #9 (replacing 1 saved segment), with the weights, thresholds, RFM and economics settings.',
    );
    expect(importedText({ ...result, replacedSegments: 0, modelId: null })).toContain('1 decision, no cluster model, with');
  });
  it('names the segmentations of the size check', () => {
    expect(segmentationText('rules')).toBe('Saved segments');
    expect(segmentationText('clusters')).toBe('Clusters');
    expect(segmentationText('phases')).toBe('Funnel phases');
    expect(segmentationText('rfm')).toBe('RFM');
  });
});

describe('SQL and Scorecard texts', () => {
  it('names the files after the date and the dialect', () => {
    expect(sqlFileName('2026-01-01', 'sqlite')).toBe('segments-2026-01-01.sqlite.sql');
    expect(sqlFileName('2026-01-01', 'postgres')).toBe('segments-2026-01-01.postgres.sql');
    expect(sqlFileName('', 'postgres')).toBe('segments-latest.postgres.sql');
    expect(scorecardFileName('2025-06-01')).toBe('intent-score-2025-06-01.pmml');
  });

  it('keeps the first lines of a long text and counts them all', () => {
    expect(headLines('a\nb\nc\n', 2)).toEqual({ text: 'a\nb', shown: 2, total: 3 });
    expect(headLines('a\nb\nc', 3)).toEqual({ text: 'a\nb\nc', shown: 3, total: 3 });
    expect(headLines('a\nb\nc\n', Infinity)).toEqual({ text: 'a\nb\nc', shown: 3, total: 3 });
    expect(headLines('one', 400)).toEqual({ text: 'one', shown: 1, total: 1 });
    expect(headLines('', 400)).toEqual({ text: '', shown: 0, total: 0 });
    expect(headLines('a\n\nb', 1)).toEqual({ text: 'a', shown: 1, total: 3 });
  });

  it('sums up the script', () => {
    const items = sqlSummary({ asOf: '2026-01-01', views: ['segwb_signals', 'segwb_membership'], signals: 36, segments: 0, clusterModels: [3, 5], membershipView: 'segwb_membership' });
    expect(Object.fromEntries(items.map((i) => [i.id, i.value]))).toEqual({
      views: '2, ending with segwb_membership',
      signals: '36 signals',
      segments: 'none',
      clusters: '#3, #5',
      asOf: '2026-01-01',
    });
  });
});
