// What the Export view says, as pure functions: default file names, the PMML card's model labels, the SQL script's summary, the bundle's summary (what is
// inside, area by area), the diff grouped by area with its values shortened and its amounts in
// words, and the import's result. Pure; tested in exportText.test.ts.
import type { Bundle, BundleChange, BundleImportResult, Decision } from '../../../core/api/contract.ts';
import { formatInt, plural } from '../../lib/format.ts';
import { msToDay } from '../../lib/isoDay.ts';

// ---------- file names ----------

/** Characters a file name should not carry on any of the three systems. */
const UNSAFE = /[\\/:*?"<>|\s]+/g;

const day = (asOf: string) => asOf.replace(UNSAFE, '-') || 'latest';

export function membershipFileName(asOf: string): string {
  return `membership-${day(asOf)}.csv`;
}

export function bundleFileName(asOf: string): string {
  return `segments-${day(asOf)}.bundle.json`;
}

export function pmmlFileName(modelId: number): string {
  return `clusters-model-${modelId}.pmml`;
}

export function sqlFileName(asOf: string, dialect: 'sqlite' | 'postgres'): string {
  return `segments-${day(asOf)}.${dialect}.sql`;
}

export function scorecardFileName(asOf: string): string {
  return `intent-score-${day(asOf)}.pmml`;
}

/** A cluster model as the PMML card's select offers it: "#3 · as of 2025-12-31 · k = 6 · 12 signals". */
export function pmmlModelLabel(m: { modelId: number; asOf: string; k: number; signals: number }, newest: boolean): string {
  return `#${m.modelId} · as of ${m.asOf} · k = ${m.k} · ${plural(m.signals, 'signal')}${newest ? ' (newest)' : ''}`;
}

// ---------- long text ----------

export interface HeadLines {
  /** The first lines, joined as they were. */
  text: string;
  shown: number;
  total: number;
}

/** The first `max` lines of a text (all of it when it has no more); a final newline is no line. */
export function headLines(text: string, max: number): HeadLines {
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  let total = 1;
  let cut = -1;
  for (let i = body.indexOf('\n'); i !== -1; i = body.indexOf('\n', i + 1)) {
    if (total === max) cut = i;
    total++;
  }
  if (body === '') return { text: '', shown: 0, total: 0 };
  return cut === -1 ? { text: body, shown: total, total } : { text: body.slice(0, cut), shown: max, total };
}

// ---------- the SQL script ----------

export const SQL_DIALECT_NAMES: Record<'sqlite' | 'postgres', string> = { sqlite: 'SQLite', postgres: 'PostgreSQL' };

export interface SqlSummaryItem {
  id: string;
  label: string;
  value: string;
}

/** What the script holds, area by area, for the preview's summary. */
export function sqlSummary(p: { asOf: string; views: string[]; signals: number; segments: number; clusterModels: number[]; membershipView: string }): SqlSummaryItem[] {
  return [
    { id: 'views', label: 'Views', value: `${formatInt(p.views.length)}, ending with ${p.membershipView}` },
    { id: 'signals', label: 'Signals', value: plural(p.signals, 'signal') },
    { id: 'segments', label: 'Saved segments', value: p.segments === 0 ? 'none' : plural(p.segments, 'segment') },
    {
      id: 'clusters',
      label: 'Cluster models',
      value: p.clusterModels.length === 0 ? 'none' : p.clusterModels.map((id) => `#${id}`).join(', '),
    },
    { id: 'asOf', label: 'Starts as of', value: p.asOf },
  ];
}

// ---------- the bundle's summary ----------

export interface SummaryArea {
  id: string;
  label: string;
  /** The count or the short value ("12 weighted signals", "model #3, k = 6"). */
  value: string;
  /** One line more, when there is something worth saying. */
  detail: string | null;
}

export interface BundleSummary {
  asOf: string;
  createdAt: string;
  workbenchVersion: string;
  areas: SummaryArea[];
  /** Saved segments in priority order (first claims its customers first). */
  segments: Array<{ segmentId: number; name: string; version: number }>;
  decisions: Array<{ key: string; name: string; family: string; decision: Decision; rationale: string }>;
  fingerprint: { customers: number; events: number; from: string | null; to: string | null; sha256: string; short: string };
  integrity: string;
}

const dayOf = (ms: number | null) => (ms === null ? null : msToDay(ms));

/** A family of a decision ("rfm", "clusters:…", "segment:4") in words. */
export function familyText(family: string): string {
  if (family === 'rfm') return 'RFM';
  if (family === 'phases') return 'Funnel phases';
  if (family === 'propensity') return 'Propensity';
  if (family.startsWith('cluster')) return 'Clusters';
  if (family.startsWith('segment') || family.startsWith('rules')) return 'Saved segment';
  return family;
}

export function bundleSummary(b: Bundle): BundleSummary {
  const weighted = Object.values(b.scoring.weights).filter((w) => w !== 0).length;
  const m = b.clusterModel;
  const byId = new Map(b.segments.map((s) => [s.segmentId, s]));
  const segments = b.priority.map((id) => byId.get(id)).filter((s) => s !== undefined);
  const areas: SummaryArea[] = [
    { id: 'signals', label: 'Custom signals', value: plural(b.customSignals.length, 'signal'), detail: b.customSignals.length ? b.customSignals.map((s) => s.id).join(', ') : null },
    { id: 'taxonomy', label: 'Page taxonomy', value: plural(b.taxonomy.length, 'rule'), detail: null },
    {
      id: 'weights',
      label: 'Weights and thresholds',
      value: `${plural(weighted, 'weighted signal')}`,
      detail: `${b.scoring.normalisation === 'percentile' ? 'percentile' : 'robust z'} normalisation · consideration from ${b.scoring.thresholds.consideration}, decision from ${b.scoring.thresholds.decision}`,
    },
    {
      id: 'clusters',
      label: 'Cluster model',
      value: m ? `model #${m.modelId}, k = ${m.clusters.length}` : 'none',
      detail: m ? `${plural(m.scaling.length, 'signal')}, ${m.settings.scaling} scaling, fitted as of ${m.asOf}` : null,
    },
    { id: 'rfm', label: 'RFM', value: plural(b.rfm.groups.length, 'group'), detail: b.rfm.method === 'quantiles' ? 'scores by quantiles' : 'scores by cut-offs' },
    { id: 'segments', label: 'Saved segments', value: plural(segments.length, 'segment'), detail: segments.length > 1 ? 'with their priority order' : null },
    { id: 'decisions', label: 'Decisions', value: plural(b.decisions.length, 'decision'), detail: null },
    {
      id: 'economics',
      label: 'Economics settings',
      value: b.economics.marginColumn ? `margin from a column` : `margin ${Math.round(b.economics.margin * 100)}%`,
      detail: `support contact ${b.economics.supportContactCost}, churn after ${b.economics.churnAfterDays} days`,
    },
    {
      id: 'prediction',
      label: 'Prediction',
      value: b.prediction ? (b.prediction.model === 'bgnbd' ? 'BG/NBD' : 'Pareto/NBD') : 'none',
      detail: b.prediction ? `calibrated to ${b.prediction.calibrationEnd}${b.prediction.spend ? ', with spend' : ''}` : null,
    },
  ];
  return {
    asOf: b.asOf,
    createdAt: b.createdAt,
    workbenchVersion: b.workbenchVersion,
    areas,
    segments: segments.map((s) => ({ segmentId: s.segmentId, name: s.name, version: s.version })),
    decisions: b.decisions.map((d) => ({ key: `${d.family}|${d.segmentKey}`, name: d.segmentName, family: familyText(d.family), decision: d.decision, rationale: d.rationale })),
    fingerprint: { customers: b.data.customers, events: b.data.events, from: dayOf(b.data.firstEventAt), to: dayOf(b.data.lastEventAt), sha256: b.data.sha256, short: b.data.sha256.slice(0, 12) },
    integrity: b.integrity.slice(0, 12),
  };
}

/** The fingerprint in one line: "1,200 customers, 84,512 events, 2024-07-01 to 2025-12-31". */
export function fingerprintText(f: BundleSummary['fingerprint']): string {
  const range = f.from && f.to ? `, ${f.from} to ${f.to}` : ', no events';
  return `${formatInt(f.customers)} customers, ${formatInt(f.events)} events${range}`;
}

// ---------- the diff ----------

export type DiffArea = BundleChange['area'];

/** The areas in the order the table shows them. */
export const DIFF_AREAS: readonly DiffArea[] = ['weights', 'thresholds', 'signals', 'taxonomy', 'clusters', 'rfm', 'segments', 'priority', 'decisions', 'settings'];

export const AREA_TITLES: Record<DiffArea, string> = {
  weights: 'Signal weights',
  thresholds: 'Thresholds and scoring',
  signals: 'Custom signals',
  taxonomy: 'Page taxonomy',
  clusters: 'Cluster model',
  rfm: 'RFM',
  segments: 'Saved segments',
  priority: 'Priority',
  decisions: 'Decisions',
  settings: 'Other settings',
};

export interface DiffGroup {
  area: DiffArea;
  title: string;
  changes: BundleChange[];
}

/** Changes by area in DIFF_AREAS order (an area core adds later goes last); empty areas left out. */
export function groupChanges(changes: readonly BundleChange[]): DiffGroup[] {
  const order = [...DIFF_AREAS, ...new Set(changes.map((c) => c.area).filter((a) => !DIFF_AREAS.includes(a)))];
  return order
    .map((area) => ({ area, title: AREA_TITLES[area] ?? area, changes: changes.filter((c) => c.area === area) }))
    .filter((g) => g.changes.length > 0);
}

/** "3 changes: 1 added, 2 changed". */
export function diffCountText(changes: readonly BundleChange[]): string {
  const by = (k: BundleChange['kind']) => changes.filter((c) => c.kind === k).length;
  const parts = (['added', 'removed', 'changed'] as const).filter((k) => by(k) > 0).map((k) => `${by(k)} ${k}`);
  return `${plural(changes.length, 'change')}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}

const number = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 3 });

/** The amount in words: weights "+1.5" / "−2", a centroid "moved 0.42"; null when there is none. */
export function amountText(c: BundleChange): string | null {
  if (c.amount === undefined || !Number.isFinite(c.amount)) return null;
  if (c.area === 'clusters') return `moved ${c.amount.toFixed(2)}`;
  if (c.amount > 0) return `+${number(c.amount)}`;
  if (c.amount < 0) return `−${number(-c.amount)}`;
  return '0';
}

export interface ShortValue {
  /** What the cell shows. */
  text: string;
  /** The whole value, when `text` is shortened (the tooltip, and what "more" shows). */
  full: string | null;
}

export const VALUE_MAX = 80;

/** A before/after value for a table cell: '—' for none, shortened past `max` characters. */
export function shortValue(v: string | null, max = VALUE_MAX): ShortValue {
  if (v === null) return { text: '—', full: null };
  const oneLine = v.replace(/\s+/g, ' ');
  if (oneLine.length <= max) return { text: oneLine, full: null };
  return { text: `${oneLine.slice(0, max - 1)}…`, full: v };
}

/** A JSON value laid out for reading (the expanded cell); text that is not JSON as it is. */
export function prettyValue(v: string): string {
  try {
    return JSON.stringify(JSON.parse(v), null, 2);
  } catch {
    return v;
  }
}

// ---------- the import ----------

/** What an import brought in, in one sentence. */
export function importedText(r: BundleImportResult): string {
  const parts = [
    plural(r.segments, 'saved segment'),
    plural(r.customSignals, 'custom signal'),
    plural(r.taxonomyRules, 'taxonomy rule'),
    plural(r.decisions, 'decision'),
    r.modelId === null ? 'no cluster model' : `cluster model #${r.modelId}`,
  ];
  const replaced = r.replacedSegments > 0 ? ` (replacing ${plural(r.replacedSegments, 'saved segment')})` : '';
  return `Imported ${parts.join(', ')}${replaced}, with the weights, thresholds, RFM and economics settings.`;
}

/** A size check's segmentation in words ("rules" → "Saved segments", "clusters" → "Clusters"). */
export function segmentationText(name: string): string {
  if (name === 'rules') return 'Saved segments';
  if (name === 'rfm') return 'RFM';
  if (name === 'phases') return 'Funnel phases';
  if (name.startsWith('clusters')) return 'Clusters';
  return name;
}
