// RFM settings as the analyst edits them: what is wrong with a draft before it is sent (core
// validates again), the group editing steps (rename, ranges, add, remove, reorder), which group
// each cell of the 5×5 grid falls in (first match wins), and the rule that makes a group a segment.
// Pure: the slice and the components call these.
import type { RfmGroup, RfmSettings, RuleGroup } from '../../../../core/api/contract.ts';

export type CutoffKey = 'recencyDays' | 'orders' | 'revenue';
export const CUTOFF_KEYS: readonly CutoffKey[] = ['recencyDays', 'orders', 'revenue'];
export const CUTOFF_LABELS: Record<CutoffKey, string> = { recencyDays: 'Recency (days since purchase)', orders: 'Frequency (orders)', revenue: 'Monetary (revenue)' };
export const MAX_GROUPS = 20;
export const NAME_MAX = 60;
/** Segment keys of the RFM segmentation that are not groups. */
export const RESERVED_KEYS = ['other', 'none'] as const;
export const SCORES = [1, 2, 3, 4, 5] as const;

/** A key that is equal for equal settings whatever the property order (core may answer in another). */
export function rfmKey(s: RfmSettings): string {
  return JSON.stringify([
    s.method,
    CUTOFF_KEYS.map((k) => s.cutoffs[k]),
    s.groups.map((g) => [g.id, g.name, g.r, g.fm]),
  ]);
}

export function sameRfm(a: RfmSettings | null, b: RfmSettings | null): boolean {
  if (!a || !b) return a === b;
  return rfmKey(a) === rfmKey(b);
}

// ---------- problems ----------

/** A problem at a field: path as core reports it under "settings" ("cutoffs.orders", "groups.2.name"). */
export interface RfmProblem {
  path: string;
  message: string;
}

/** Text typed into a cut-off field: a finite number, or null. */
export function parseCutoff(text: string): number | null {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

/** What is wrong with four cut-offs: null when they are four ascending non-negative numbers. */
export function cutoffProblem(values: readonly number[]): string | null {
  if (values.length !== 4 || values.some((v) => !Number.isFinite(v))) return 'Four numbers are needed.';
  if (values.some((v) => v < 0)) return 'Cut-offs cannot be negative.';
  for (let i = 1; i < 4; i++) {
    if (values[i]! < values[i - 1]!) return `Cut-offs must be ascending: ${values[i - 1]} is followed by ${values[i]}.`;
  }
  return null;
}

export function rfmProblems(s: RfmSettings): RfmProblem[] {
  const problems: RfmProblem[] = [];
  for (const k of CUTOFF_KEYS) {
    const p = cutoffProblem(s.cutoffs[k]);
    if (p) problems.push({ path: `cutoffs.${k}`, message: p });
  }
  if (s.groups.length === 0) problems.push({ path: 'groups', message: 'At least one group is needed.' });
  if (s.groups.length > MAX_GROUPS) problems.push({ path: 'groups', message: `At most ${MAX_GROUPS} groups.` });
  const names = new Map<string, number>();
  s.groups.forEach((g, i) => {
    const name = g.name.trim();
    if (!name) problems.push({ path: `groups.${i}.name`, message: 'A group needs a name.' });
    else if (name.length > NAME_MAX) problems.push({ path: `groups.${i}.name`, message: `At most ${NAME_MAX} characters.` });
    else if (names.has(name.toLowerCase())) problems.push({ path: `groups.${i}.name`, message: `"${name}" is used by group ${names.get(name.toLowerCase())! + 1} too.` });
    else names.set(name.toLowerCase(), i);
    if (g.r[1] < g.r[0]) problems.push({ path: `groups.${i}.r`, message: 'The R range ends below its start.' });
    if (g.fm[1] < g.fm[0]) problems.push({ path: `groups.${i}.fm`, message: 'The FM range ends below its start.' });
  });
  return problems;
}

/** Core's invalid-args issue paths ("settings.groups.2.name") as problems of the settings. */
export function problemsFromIssues(issues: ReadonlyArray<{ path: string; message: string }> | undefined): RfmProblem[] {
  return (issues ?? []).map((i) => ({ path: i.path.replace(/^settings\.?/, '') || 'settings', message: i.message }));
}

/** Problems at a path or below it ("groups.2" also finds "groups.2.name"). */
export function problemsAt(problems: readonly RfmProblem[], path: string): RfmProblem[] {
  return problems.filter((p) => p.path === path || p.path.startsWith(`${path}.`));
}

// ---------- the grid ----------

export function groupMatches(g: Pick<RfmGroup, 'r' | 'fm'>, r: number, fm: number): boolean {
  return r >= g.r[0] && r <= g.r[1] && fm >= g.fm[0] && fm <= g.fm[1];
}

/** The group of every cell: cells[r - 1][fm - 1] is the first matching group's id, or "other". */
export function cellGroups(groups: readonly RfmGroup[]): string[][] {
  return SCORES.map((r) => SCORES.map((fm) => groups.find((g) => groupMatches(g, r, fm))?.id ?? 'other'));
}

/** Cells each group gets (after the groups above it took theirs). */
export function cellsPerGroup(groups: readonly RfmGroup[]): Map<string, number> {
  const counts = new Map<string, number>(groups.map((g) => [g.id, 0]));
  for (const row of cellGroups(groups)) for (const id of row) if (counts.has(id)) counts.set(id, counts.get(id)! + 1);
  return counts;
}

/** Groups that never match: every cell in their ranges is taken by a group above them. */
export function shadowedGroups(groups: readonly RfmGroup[]): Set<string> {
  const cells = cellsPerGroup(groups);
  return new Set(groups.filter((g) => cells.get(g.id) === 0).map((g) => g.id));
}

// ---------- editing groups ----------

/** A group id from a name: lower-case letters, digits and dashes, starting with a letter. */
export function slugify(name: string): string {
  let s = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!/^[a-z]/.test(s)) s = s ? `g-${s}` : 'group';
  return s.slice(0, 40).replace(/-+$/, '');
}

/** `base`, or `base-2`, `base-3`… so that it is neither taken nor a reserved key. */
export function uniqueId(base: string, taken: ReadonlySet<string>): string {
  const ok = (id: string) => !taken.has(id) && !(RESERVED_KEYS as readonly string[]).includes(id);
  if (ok(base)) return base;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const id = `${base.slice(0, 40 - suffix.length)}${suffix}`;
    if (ok(id)) return id;
  }
}

function uniqueName(base: string, groups: readonly RfmGroup[]): string {
  const names = new Set(groups.map((g) => g.name.trim().toLowerCase()));
  if (!names.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!names.has(`${base} ${n}`.toLowerCase())) return `${base} ${n}`;
}

function withGroups(s: RfmSettings, groups: RfmGroup[]): RfmSettings {
  return { ...s, groups };
}

export function renameGroup(s: RfmSettings, index: number, name: string): RfmSettings {
  if (!s.groups[index]) return s;
  return withGroups(
    s,
    s.groups.map((x, i) => (i === index ? { ...x, name } : x)),
  );
}

/**
 * Ids for saving: a group that is not saved yet takes its id from its name (the id is what rules
 * and exports refer to, so a saved group keeps its id whatever it is called). Ids stay fixed while
 * editing so the rows keep their identity.
 */
export function finalizeGroupIds(s: RfmSettings, savedIds: ReadonlySet<string>): RfmSettings {
  const taken = new Set(s.groups.filter((g) => savedIds.has(g.id)).map((g) => g.id));
  let changed = false;
  const groups = s.groups.map((g) => {
    if (savedIds.has(g.id)) return g;
    const id = uniqueId(slugify(g.name), taken);
    taken.add(id);
    if (id === g.id) return g;
    changed = true;
    return { ...g, id };
  });
  return changed ? withGroups(s, groups) : s;
}

/** Sets one end of a group's R or FM range, moving the other end when needed so it stays a range. */
export function setGroupRange(s: RfmSettings, index: number, axis: 'r' | 'fm', end: 0 | 1, value: number): RfmSettings {
  const g = s.groups[index];
  if (!g) return s;
  const v = Math.max(1, Math.min(5, Math.round(value)));
  const [lo, hi] = g[axis];
  const range: [number, number] = end === 0 ? [v, Math.max(v, hi)] : [Math.min(lo, v), v];
  return withGroups(
    s,
    s.groups.map((x, i) => (i === index ? { ...x, [axis]: range } : x)),
  );
}

/** A new group at the end (it takes what no group above takes: the cells of "Other"). */
export function addGroup(s: RfmSettings, savedIds: ReadonlySet<string>): RfmSettings {
  if (s.groups.length >= MAX_GROUPS) return s;
  const name = uniqueName('New group', s.groups);
  const taken = new Set([...s.groups.map((g) => g.id), ...savedIds]);
  const group: RfmGroup = { id: uniqueId(slugify(name), taken), name, r: [1, 5], fm: [1, 5] };
  return withGroups(s, [...s.groups, group]);
}

export function removeGroup(s: RfmSettings, index: number): RfmSettings {
  if (s.groups.length <= 1 || !s.groups[index]) return s;
  return withGroups(
    s,
    s.groups.filter((_, i) => i !== index),
  );
}

/** Moves an item of a list from one position to another (clamped); the same list when nothing moves. */
export function moveItem<T>(list: readonly T[], from: number, to: number): T[] {
  const t = Math.max(0, Math.min(list.length - 1, to));
  if (from < 0 || from >= list.length || t === from) return list as T[];
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(t, 0, item!);
  return next;
}

export function moveGroup(s: RfmSettings, from: number, to: number): RfmSettings {
  const groups = moveItem(s.groups, from, to);
  return groups === s.groups ? s : withGroups(s, groups);
}

export function setMethod(s: RfmSettings, method: RfmSettings['method'], computed: RfmSettings['cutoffs'] | null): RfmSettings {
  if (s.method === method) return s;
  // Fixed cut-offs start from the ones the quantiles gave, so the grid does not jump.
  if (method === 'cutoffs' && computed) return { ...s, method, cutoffs: roundCutoffs(computed) };
  return { ...s, method };
}

export function setCutoffs(s: RfmSettings, key: CutoffKey, values: number[]): RfmSettings {
  return { ...s, cutoffs: { ...s.cutoffs, [key]: values } };
}

/** Computed quantile cut-offs rounded for typing: days and orders to whole numbers, revenue to cents. */
export function roundCutoffs(c: RfmSettings['cutoffs']): RfmSettings['cutoffs'] {
  return {
    recencyDays: c.recencyDays.map((v) => Math.round(v)),
    orders: c.orders.map((v) => Math.round(v)),
    revenue: c.revenue.map((v) => Math.round(v * 100) / 100),
  };
}

// ---------- a group as a segment ----------

export function rfmSegmentRule(groupId: string): RuleGroup {
  return {
    kind: 'group',
    combine: 'and',
    not: false,
    children: [{ kind: 'segment', segmentation: { kind: 'rfm' }, segments: [groupId], not: false }],
  };
}
