import { describe, expect, it } from 'vitest';
import type { RfmSettings } from '../../../../core/api/contract.ts';
import { defaultRfmSettings } from './rfmDefaults.ts';
import {
  addGroup,
  cellGroups,
  cellsPerGroup,
  cutoffProblem,
  finalizeGroupIds,
  moveGroup,
  moveItem,
  parseCutoff,
  problemsAt,
  problemsFromIssues,
  removeGroup,
  renameGroup,
  rfmKey,
  rfmProblems,
  rfmSegmentRule,
  roundCutoffs,
  sameRfm,
  setCutoffs,
  setGroupRange,
  setMethod,
  shadowedGroups,
  slugify,
  uniqueId,
} from './rfmSettings.ts';

const base = (): RfmSettings => defaultRfmSettings();
const none = new Set<string>();

describe('cut-off validation', () => {
  it('reads typed numbers, with thousands separators, and refuses the rest', () => {
    expect(parseCutoff(' 12 ')).toBe(12);
    expect(parseCutoff('1,500.5')).toBe(1500.5);
    expect(parseCutoff('')).toBeNull();
    expect(parseCutoff('abc')).toBeNull();
    expect(parseCutoff('Infinity')).toBeNull();
  });

  it('wants four ascending, non-negative numbers (equal neighbours allowed)', () => {
    expect(cutoffProblem([1, 1, 2, 3])).toBeNull();
    expect(cutoffProblem([30, 20, 40, 50])).toBe('Cut-offs must be ascending: 30 is followed by 20.');
    expect(cutoffProblem([1, 2, 3])).toBe('Four numbers are needed.');
    expect(cutoffProblem([-1, 2, 3, 4])).toBe('Cut-offs cannot be negative.');
    expect(cutoffProblem([1, 2, NaN, 4])).toBe('Four numbers are needed.');
  });

  it('reports problems at the paths core uses', () => {
    let s = setCutoffs(base(), 'orders', [3, 2, 1, 0]);
    s = renameGroup(s, 1, '  ');
    s = { ...s, groups: s.groups.map((g, i) => (i === 2 ? { ...g, r: [5, 4] } : g)) };
    s = renameGroup(s, 3, 'champions');
    expect(rfmProblems(s).map((p) => p.path)).toEqual(['cutoffs.orders', 'groups.1.name', 'groups.2.r', 'groups.3.name']);
    expect(rfmProblems(base())).toEqual([]);
  });

  it('maps core issue paths and finds problems under a path', () => {
    const problems = problemsFromIssues([
      { path: 'settings.groups.2.name', message: 'x' },
      { path: 'settings.cutoffs.revenue', message: 'y' },
      { path: 'settings', message: 'z' },
    ]);
    expect(problems.map((p) => p.path)).toEqual(['groups.2.name', 'cutoffs.revenue', 'settings']);
    expect(problemsAt(problems, 'groups.2').map((p) => p.message)).toEqual(['x']);
    expect(problemsAt(problems, 'groups.20')).toEqual([]);
  });
});

describe('the grid: first match wins', () => {
  it('the default groups cover every cell, champions first', () => {
    const cells = cellGroups(base().groups);
    expect(cells[4]![4]).toBe('champions');
    expect(cells[2]![2]).toBe('loyal');
    expect(cells[0]![0]).toBe('lost');
    expect(cells.flat()).not.toContain('other');
  });

  it('cells no group takes are "other"; a group with no cell left is shadowed', () => {
    const groups = [
      { id: 'a', name: 'A', r: [3, 5] as [number, number], fm: [1, 5] as [number, number] },
      { id: 'b', name: 'B', r: [4, 5] as [number, number], fm: [4, 5] as [number, number] },
    ];
    const cells = cellGroups(groups);
    expect(cells[0]![0]).toBe('other');
    expect(cells[4]![4]).toBe('a');
    expect(cellsPerGroup(groups).get('a')).toBe(15);
    expect([...shadowedGroups(groups)]).toEqual(['b']);
    // Put B first: it takes its four cells, A keeps the rest.
    const swapped = moveItem(groups, 1, 0);
    expect(cellsPerGroup(swapped).get('b')).toBe(4);
    expect(shadowedGroups(swapped).size).toBe(0);
  });
});

describe('editing groups', () => {
  it('renames without changing the id; new groups get ids from their names when saved', () => {
    let s = addGroup(base(), none);
    const added = s.groups.at(-1)!;
    expect(added).toMatchObject({ id: 'new-group', name: 'New group', r: [1, 5], fm: [1, 5] });
    s = renameGroup(s, s.groups.length - 1, 'Big spenders!');
    expect(s.groups.at(-1)!.id).toBe('new-group');
    s = renameGroup(s, 0, 'Top customers');
    const saved = new Set(base().groups.map((g) => g.id));
    const final = finalizeGroupIds(s, saved);
    expect(final.groups[0]!.id).toBe('champions');
    expect(final.groups.at(-1)!.id).toBe('big-spenders');
    expect(finalizeGroupIds(final, new Set(final.groups.map((g) => g.id)))).toBe(final);
  });

  it('names and ids stay unique', () => {
    const s = addGroup(addGroup(base(), none), none);
    expect(s.groups.slice(-2).map((g) => [g.id, g.name])).toEqual([
      ['new-group', 'New group'],
      ['new-group-2', 'New group 2'],
    ]);
    expect(uniqueId('other', new Set())).toBe('other-2');
    expect(uniqueId('loyal', new Set(['loyal', 'loyal-2']))).toBe('loyal-3');
    const twins = renameGroup(renameGroup(addGroup(addGroup(base(), none), none), 9, 'VIP'), 10, 'VIP');
    expect(finalizeGroupIds(twins, new Set(base().groups.map((g) => g.id))).groups.slice(-2).map((g) => g.id)).toEqual(['vip', 'vip-2']);
  });

  it('slugs are valid group ids', () => {
    expect(slugify('Can’t lose them')).toBe('can-t-lose-them');
    expect(slugify('Ünïcode Ça')).toBe('unicode-ca');
    expect(slugify('2024 buyers')).toBe('g-2024-buyers');
    expect(slugify('!!!')).toBe('group');
    expect(slugify('x'.repeat(60))).toHaveLength(40);
    for (const name of ['Can’t lose them', '2024 buyers', '!!!', 'a'.repeat(80)]) expect(slugify(name)).toMatch(/^[a-z][a-z0-9-]{0,39}$/);
  });

  it('keeps a range a range when one end passes the other', () => {
    const s = base();
    expect(setGroupRange(s, 0, 'r', 1, 2).groups[0]!.r).toEqual([2, 2]);
    expect(setGroupRange(s, 0, 'fm', 0, 5).groups[0]!.fm).toEqual([5, 5]);
    expect(setGroupRange(s, 1, 'r', 0, 1).groups[1]!.r).toEqual([1, 5]);
    expect(setGroupRange(s, 1, 'r', 0, 9).groups[1]!.r).toEqual([5, 5]);
    expect(setGroupRange(s, 99, 'r', 0, 1)).toBe(s);
  });

  it('adds up to 20, removes down to 1, reorders within bounds', () => {
    let s = base();
    for (let i = 0; i < 30; i++) s = addGroup(s, none);
    expect(s.groups).toHaveLength(20);
    for (let i = 0; i < 30; i++) s = removeGroup(s, 0);
    expect(s.groups).toHaveLength(1);
    const d = base();
    expect(moveGroup(d, 0, 2).groups.slice(0, 3).map((g) => g.id)).toEqual(['loyal', 'potential-loyalist', 'champions']);
    expect(moveGroup(d, 0, -1)).toBe(d);
    expect(moveGroup(d, 8, 20)).toBe(d);
  });

  it('switching to fixed cut-offs starts from the computed ones, rounded', () => {
    const computed = { recencyDays: [12.4, 40.6, 90, 200.2], orders: [1, 1.5, 2, 4], revenue: [49.999, 120.456, 300, 800.1] };
    const s = setMethod(base(), 'cutoffs', computed);
    expect(s.method).toBe('cutoffs');
    expect(s.cutoffs).toEqual(roundCutoffs(computed));
    expect(s.cutoffs.recencyDays).toEqual([12, 41, 90, 200]);
    expect(s.cutoffs.revenue).toEqual([50, 120.46, 300, 800.1]);
    expect(setMethod(base(), 'cutoffs', null).cutoffs).toEqual(base().cutoffs);
    expect(setMethod(s, 'quantiles', null).cutoffs).toEqual(s.cutoffs);
  });

  it('compares settings whatever the property order', () => {
    const a = base();
    const b: RfmSettings = { groups: a.groups.map((g) => ({ fm: g.fm, r: g.r, name: g.name, id: g.id })), cutoffs: { revenue: a.cutoffs.revenue, orders: a.cutoffs.orders, recencyDays: a.cutoffs.recencyDays }, method: a.method };
    expect(rfmKey(a)).toBe(rfmKey(b));
    expect(sameRfm(a, renameGroup(a, 0, 'Stars'))).toBe(false);
    expect(sameRfm(null, null)).toBe(true);
  });
});

describe('a group as a segment', () => {
  it('is a one-condition rule on the RFM segmentation', () => {
    expect(rfmSegmentRule('at-risk')).toEqual({
      kind: 'group',
      combine: 'and',
      not: false,
      children: [{ kind: 'segment', segmentation: { kind: 'rfm' }, segments: ['at-risk'], not: false }],
    });
  });
});
