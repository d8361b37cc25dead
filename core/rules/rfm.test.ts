// RFM on hand-built signal frames whose scores can be worked out on paper: fixed cut-offs with
// values exactly on a cut-off, the buyers' quantiles, FM rounding, the group map (first match
// wins, uncovered cells go to "other", non-buyers to "none"), the summary's counts and means, and
// the settings stored in a real workspace.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createWorkspace, type Workspace } from '../store/workspace.ts';
import { tempDir } from '../../test/support/temp.ts';
import type { SignalFrame } from '../signals/frame.ts';
import type { SignalInfo } from '../signals/types.ts';
import type { RfmGroup, RfmSettings } from './types.ts';
import {
  DEFAULT_RFM_GROUPS,
  RFM_NONE,
  RFM_OTHER,
  assignRfm,
  defaultRfmSettings,
  groupOf,
  loadRfmSettings,
  rfmScores,
  rfmSummary,
  saveRfmSettings,
} from './rfm.ts';

const AS_OF = Date.UTC(2024, 5, 30);

interface Row {
  id: string;
  days: number;
  orders: number;
  revenue: number;
}

/** A frame with just the three signals RFM reads (rfm.ts only looks at a signal's id). */
function frameOf(rows: readonly Row[], ids: readonly string[] = ['days_since_purchase', 'orders', 'revenue']): SignalFrame {
  const column = (id: string) =>
    Float64Array.from(rows, (r) => (id === 'days_since_purchase' ? r.days : id === 'orders' ? r.orders : r.revenue));
  return {
    asOf: AS_OF,
    customerIds: rows.map((r) => r.id),
    signals: ids.map((id) => ({ id }) as unknown as SignalInfo),
    values: ids.map(column),
    computedMs: 0,
  };
}

// Eight buyers and three customers without a purchase before the date (days NaN; orders 0 or
// NaN; revenue NaN or 0). With the default cut-offs recencyDays [30, 90, 180, 365], orders
// [1, 2, 3, 5], revenue [50, 150, 400, 1000] their scores are:
//   id   days orders revenue   R  F  M  FM = round half up of (F + M) / 2   default group
//   c01   10    1     40       5  1  1  1                                   new
//   c02   30    2     50       5  2  1  2 (1.5)   days, orders, revenue on a cut-off   potential-loyalist
//   c03   31    3    150.01    4  3  3  3                                   loyal
//   c04   90    5    400       4  4  3  4 (3.5)   all three on a cut-off    champions
//   c05  180    6   1000       3  5  4  5 (4.5)                             loyal
//   c06  365    4   1000.5     2  4  5  5 (4.5)                             cant-lose
//   c07  366    1   2000       1  1  5  3                                   at-risk
//   c08    0   10      0       5  5  1  3                                   loyal
//   c09..c11: no purchase -> none
const ROWS: Row[] = [
  { id: 'c01', days: 10, orders: 1, revenue: 40 },
  { id: 'c02', days: 30, orders: 2, revenue: 50 },
  { id: 'c03', days: 31, orders: 3, revenue: 150.01 },
  { id: 'c04', days: 90, orders: 5, revenue: 400 },
  { id: 'c05', days: 180, orders: 6, revenue: 1000 },
  { id: 'c06', days: 365, orders: 4, revenue: 1000.5 },
  { id: 'c07', days: 366, orders: 1, revenue: 2000 },
  { id: 'c08', days: 0, orders: 10, revenue: 0 },
  { id: 'c09', days: NaN, orders: 0, revenue: NaN },
  { id: 'c10', days: NaN, orders: 0, revenue: 0 },
  { id: 'c11', days: NaN, orders: NaN, revenue: NaN },
];
const BUYERS = 8;

const cutoffSettings = (groups: RfmGroup[] = defaultRfmSettings().groups): RfmSettings => ({ ...defaultRfmSettings(), method: 'cutoffs', groups });
const quantileSettings = (): RfmSettings => ({ ...defaultRfmSettings(), method: 'quantiles' });
const group = (id: string, r: [number, number], fm: [number, number]): RfmGroup => ({ id, name: id.toUpperCase(), r, fm });

describe('RFM scores', () => {
  it('fixed cut-offs: ties on a cut-off get the lower F and M score and the higher R score', () => {
    const s = rfmScores(frameOf(ROWS), cutoffSettings());
    expect(s.buyers).toBe(BUYERS);
    expect(s.cutoffs).toEqual(defaultRfmSettings().cutoffs);
    expect(Array.from(s.r)).toEqual([5, 5, 4, 4, 3, 2, 1, 5, 0, 0, 0]);
    expect(Array.from(s.f)).toEqual([1, 2, 3, 4, 5, 4, 1, 5, 0, 0, 0]);
    expect(Array.from(s.m)).toEqual([1, 1, 3, 3, 4, 5, 5, 1, 0, 0, 0]);
    expect(Array.from(s.fm)).toEqual([1, 2, 3, 4, 5, 5, 3, 3, 0, 0, 0]);
  });

  it('every value against every cut-off position: 1 + the cut-offs exceeded (R: 6 minus that)', () => {
    const cut = { recencyDays: [10, 20, 30, 40], orders: [10, 20, 30, 40], revenue: [10, 20, 30, 40] };
    const values = [0, 10, 10.5, 20, 25, 30, 39.99, 40, 40.01, 1e9];
    const expectedUp = [1, 1, 2, 2, 3, 3, 4, 4, 5, 5];
    const rows = values.map((v, i) => ({ id: `x${i}`, days: v, orders: v || 0.5, revenue: v }));
    const s = rfmScores(frameOf(rows), { ...cutoffSettings(), cutoffs: cut });
    // orders 0 would not be a buyer, so the first row has 0.5 orders (still score 1).
    expect(Array.from(s.f)).toEqual(expectedUp);
    expect(Array.from(s.m)).toEqual(expectedUp);
    expect(Array.from(s.r)).toEqual(expectedUp.map((u) => 6 - u));
  });

  it('FM is (F + M) / 2 rounded half up', () => {
    // F and M from every combination of orders and revenue scores 1..5 (cut-offs 1.5, 2.5, ...).
    const rows: Row[] = [];
    for (let f = 1; f <= 5; f++) for (let m = 1; m <= 5; m++) rows.push({ id: `f${f}m${m}`, days: 1, orders: f, revenue: m });
    const s = rfmScores(frameOf(rows), {
      ...cutoffSettings(),
      cutoffs: { recencyDays: [30, 90, 180, 365], orders: [1.5, 2.5, 3.5, 4.5], revenue: [1.5, 2.5, 3.5, 4.5] },
    });
    rows.forEach((_, i) => {
      const f = Math.floor(i / 5) + 1;
      const m = (i % 5) + 1;
      expect([s.f[i], s.m[i]]).toEqual([f, m]);
      const sum = f + m;
      expect(s.fm[i]).toBe(sum % 2 === 0 ? sum / 2 : (sum + 1) / 2);
    });
  });

  it('quantile cut-offs are the 20/40/60/80% type-7 quantiles of the buyers only', () => {
    // Buyers sorted (8 values, positions q * 7 = 1.4, 2.8, 4.2, 5.6 between ranks 0..7):
    //   days    [0, 10, 30, 31, 90, 180, 365, 366]
    //     -> 10 + 0.4*20 = 18, 30 + 0.8*1 = 30.8, 90 + 0.2*90 = 108, 180 + 0.6*185 = 291
    //   orders  [1, 1, 2, 3, 4, 5, 6, 10]
    //     -> 1 + 0.4*1 = 1.4, 2 + 0.8*1 = 2.8, 4 + 0.2*1 = 4.2, 5 + 0.6*1 = 5.6
    //   revenue [0, 40, 50, 150.01, 400, 1000, 1000.5, 2000]
    //     -> 40 + 0.4*10 = 44, 50 + 0.8*100.01 = 130.008, 400 + 0.2*600 = 520, 1000 + 0.6*0.5 = 1000.3
    // The non-buyers' orders 0 and revenue 0 would pull the lower cut-offs down if they counted.
    const s = rfmScores(frameOf(ROWS), quantileSettings());
    const close = (got: number[], want: number[]) => {
      expect(got).toHaveLength(4);
      got.forEach((v, i) => expect(v).toBeCloseTo(want[i]!, 9));
    };
    close(s.cutoffs.recencyDays, [18, 30.8, 108, 291]);
    close(s.cutoffs.orders, [1.4, 2.8, 4.2, 5.6]);
    close(s.cutoffs.revenue, [44, 130.008, 520, 1000.3]);
    // Scores against those cut-offs, by hand.
    expect(Array.from(s.r)).toEqual([5, 4, 3, 3, 2, 1, 1, 5, 0, 0, 0]);
    expect(Array.from(s.f)).toEqual([1, 2, 3, 4, 5, 3, 1, 5, 0, 0, 0]);
    expect(Array.from(s.m)).toEqual([1, 2, 3, 3, 4, 5, 5, 1, 0, 0, 0]);
    expect(Array.from(s.fm)).toEqual([1, 2, 3, 4, 5, 4, 3, 3, 0, 0, 0]);
    // The same buyers with more non-buyers give the same cut-offs; the analyst's cut-offs are ignored.
    const more = ROWS.concat(Array.from({ length: 20 }, (_, i) => ({ id: `z${i}`, days: NaN, orders: 0, revenue: 0 })));
    const t = rfmScores(frameOf(more), { ...quantileSettings(), cutoffs: { recencyDays: [1, 2, 3, 4], orders: [1, 2, 3, 4], revenue: [1, 2, 3, 4] } });
    expect(t.cutoffs).toEqual(s.cutoffs);
  });

  it('quantiles without any buyer: cut-offs 0 and nobody scored', () => {
    const s = rfmScores(frameOf(ROWS.slice(8)), quantileSettings());
    expect(s.buyers).toBe(0);
    expect(s.cutoffs).toEqual({ recencyDays: [0, 0, 0, 0], orders: [0, 0, 0, 0], revenue: [0, 0, 0, 0] });
    expect(Array.from(s.r)).toEqual([0, 0, 0]);
  });

  it('names the missing signal', () => {
    expect(() => rfmScores(frameOf(ROWS, ['days_since_purchase', 'orders']), cutoffSettings())).toThrow(/RFM needs the signal revenue/);
  });
});

describe('RFM groups', () => {
  it('the default groups cover all 25 (R, FM) cells', () => {
    for (let r = 1; r <= 5; r++) for (let fm = 1; fm <= 5; fm++) expect(groupOf(DEFAULT_RFM_GROUPS, r, fm), `R ${r}, FM ${fm}`).toBeGreaterThanOrEqual(0);
    const summary = rfmSummary(frameOf(ROWS), defaultRfmSettings());
    expect(summary.gridGroup.flat()).not.toContain(RFM_OTHER);
    expect(summary.gridGroup.flat()).toHaveLength(25);
    // Champions (R 4-5, FM 4-5) come before Loyal (R 3-5, FM 3-5), which they overlap.
    expect(summary.gridGroup[4]![4]).toBe('champions');
    expect(summary.gridGroup[2]![4]).toBe('loyal');
    expect(summary.gridGroup[3]![2]).toBe('loyal'); // before potential-loyalist (FM 2-3)
    expect(summary.gridGroup[0]![0]).toBe('lost');
  });

  it('assigns buyers by their (R, FM) cell and non-buyers to "none"; nobody to "other" with the default groups', () => {
    const a = assignRfm(frameOf(ROWS), cutoffSettings());
    const keys = a.segments.map((s) => s.key);
    expect(keys).toEqual([...DEFAULT_RFM_GROUPS.map((g) => g.id), RFM_OTHER, RFM_NONE]);
    expect(Array.from(a.labels, (l) => keys[l])).toEqual([
      'new',
      'potential-loyalist',
      'loyal',
      'champions',
      'loyal',
      'cant-lose',
      'at-risk',
      'loyal',
      RFM_NONE,
      RFM_NONE,
      RFM_NONE,
    ]);
    const size = (key: string) => a.segments.find((s) => s.key === key)!.customers;
    expect(size(RFM_OTHER)).toBe(0);
    expect(size(RFM_NONE)).toBe(3);
    expect(size('loyal')).toBe(3);
    expect(a.segments.reduce((s, seg) => s + seg.customers, 0)).toBe(ROWS.length);
  });

  it('the first matching group wins when ranges overlap', () => {
    const narrow = group('narrow', [5, 5], [1, 5]);
    const wide = group('wide', [1, 5], [1, 5]);
    expect(groupOf([narrow, wide], 5, 3)).toBe(0);
    expect(groupOf([narrow, wide], 4, 3)).toBe(1);
    expect(groupOf([wide, narrow], 5, 3)).toBe(0);

    const first = assignRfm(frameOf(ROWS), cutoffSettings([narrow, wide]));
    // R = 5: c01, c02, c08.
    expect(first.segments.map((s) => [s.key, s.customers])).toEqual([
      ['narrow', 3],
      ['wide', 5],
      [RFM_OTHER, 0],
      [RFM_NONE, 3],
    ]);
    const second = assignRfm(frameOf(ROWS), cutoffSettings([wide, narrow]));
    expect(second.segments.map((s) => [s.key, s.customers])).toEqual([
      ['wide', 8],
      ['narrow', 0],
      [RFM_OTHER, 0],
      [RFM_NONE, 3],
    ]);
  });

  it('cells no group covers go to "other"', () => {
    const groups = [group('top', [4, 5], [4, 5]), group('bottom', [1, 2], [1, 2])];
    expect(groupOf(groups, 3, 3)).toBe(-1);
    const a = assignRfm(frameOf(ROWS), cutoffSettings(groups));
    // (R, FM): c01 (5,1) c02 (5,2) c03 (4,3) c04 (4,4) c05 (3,5) c06 (2,5) c07 (1,3) c08 (5,3).
    expect(Array.from(a.labels)).toEqual([2, 2, 2, 0, 2, 2, 2, 2, 3, 3, 3]);
    expect(a.segments.map((s) => [s.key, s.customers])).toEqual([
      ['top', 1],
      ['bottom', 0],
      [RFM_OTHER, 7],
      [RFM_NONE, 3],
    ]);
    const summary = rfmSummary(frameOf(ROWS), cutoffSettings(groups));
    expect(summary.gridGroup[2]).toEqual([RFM_OTHER, RFM_OTHER, RFM_OTHER, RFM_OTHER, RFM_OTHER]);
    expect(summary.gridGroup[4]).toEqual([RFM_OTHER, RFM_OTHER, RFM_OTHER, 'top', 'top']);
    expect(summary.gridGroup[0]).toEqual(['bottom', 'bottom', RFM_OTHER, RFM_OTHER, RFM_OTHER]);
  });
});

describe('rfmSummary', () => {
  const summary = rfmSummary(frameOf(ROWS), cutoffSettings());
  const groupRow = (id: string) => summary.groups.find((g) => g.id === id)!;

  it('reports the date, the counts and the cut-offs', () => {
    expect(summary.asOf).toBe('2024-06-30');
    expect(summary.customers).toBe(ROWS.length);
    expect(summary.buyers).toBe(BUYERS);
    expect(summary.cutoffs).toEqual(defaultRfmSettings().cutoffs);
  });

  it('the grid holds the buyers by (R, FM) and sums to the buyers', () => {
    expect(summary.grid.flat().reduce((s, v) => s + v, 0)).toBe(BUYERS);
    const expected = Array.from({ length: 5 }, () => [0, 0, 0, 0, 0]);
    for (const [r, fm] of [[5, 1], [5, 2], [4, 3], [4, 4], [3, 5], [2, 5], [1, 3], [5, 3]] as const) expected[r - 1]![fm - 1]!++;
    expect(summary.grid).toEqual(expected);
  });

  it('the group table sums to all customers, with shares and means per group', () => {
    expect(summary.groups.map((g) => g.id)).toEqual([...DEFAULT_RFM_GROUPS.map((g) => g.id), RFM_OTHER, RFM_NONE]);
    expect(summary.groups.reduce((s, g) => s + g.customers, 0)).toBe(ROWS.length);
    expect(summary.groups.reduce((s, g) => s + g.share, 0)).toBeCloseTo(1, 12);

    // Loyal: c03, c05, c08.
    const loyal = groupRow('loyal');
    expect(loyal.customers).toBe(3);
    expect(loyal.share).toBeCloseTo(3 / 11, 12);
    expect(loyal.meanDaysSincePurchase).toBeCloseTo((31 + 180 + 0) / 3, 12);
    expect(loyal.meanOrders).toBeCloseTo((3 + 6 + 10) / 3, 12);
    expect(loyal.meanRevenue).toBeCloseTo((150.01 + 1000 + 0) / 3, 12);

    const champions = groupRow('champions'); // c04 alone
    expect([champions.customers, champions.meanDaysSincePurchase, champions.meanOrders, champions.meanRevenue]).toEqual([1, 90, 5, 400]);

    // Empty groups: no means.
    for (const id of ['needs-attention', 'hibernating', 'lost', RFM_OTHER]) {
      expect(groupRow(id)).toMatchObject({ customers: 0, share: 0, meanDaysSincePurchase: null, meanOrders: null, meanRevenue: null });
    }

    // No purchase yet: no recency, and missing orders / revenue count as 0.
    expect(groupRow(RFM_NONE)).toMatchObject({ name: 'No purchase yet', customers: 3, meanDaysSincePurchase: null, meanOrders: 0, meanRevenue: 0 });
    expect(groupRow(RFM_NONE).share).toBeCloseTo(3 / 11, 12);
  });

  it('an empty frame gives zeros, not NaN', () => {
    const empty = rfmSummary(frameOf([]), quantileSettings());
    expect(empty.customers).toBe(0);
    expect(empty.buyers).toBe(0);
    expect(empty.groups.every((g) => g.customers === 0 && g.share === 0 && g.meanOrders === null)).toBe(true);
  });
});

describe('RFM settings in a workspace', () => {
  let tmp: ReturnType<typeof tempDir>;
  let ws: Workspace;
  beforeEach(() => {
    tmp = tempDir();
    ws = createWorkspace(tmp.file('rfm.segwb'));
  });
  afterEach(() => {
    ws.db.close();
    tmp.cleanup();
  });

  const custom: RfmSettings = {
    method: 'cutoffs',
    cutoffs: { recencyDays: [7, 14, 14, 60], orders: [1, 1, 2, 4], revenue: [10.5, 20, 80, 200] },
    groups: [group('best', [5, 5], [4, 5]), group('rest', [1, 5], [1, 5])],
  };

  it('gives the defaults before anything is saved', () => {
    expect(loadRfmSettings(ws.db)).toEqual(defaultRfmSettings());
    expect(defaultRfmSettings().groups).toEqual(DEFAULT_RFM_GROUPS);
  });

  it('round-trips saved settings, the last save winning', () => {
    expect(saveRfmSettings(ws.db, custom)).toEqual(custom);
    expect(loadRfmSettings(ws.db)).toEqual(custom);
    const again = { ...custom, method: 'quantiles' as const, groups: [group('all', [1, 5], [1, 5])] };
    saveRfmSettings(ws.db, again);
    expect(loadRfmSettings(ws.db)).toEqual(again);
    expect(ws.db.get<{ n: number }>("SELECT count(*) AS n FROM workbench_settings WHERE key = 'rfm'")?.n).toBe(1);
  });

  it('fills a missing method with "quantiles"', () => {
    saveRfmSettings(ws.db, custom);
    const { method: _method, ...withoutMethod } = custom;
    ws.db.run("UPDATE workbench_settings SET value = ? WHERE key = 'rfm'", [JSON.stringify(withoutMethod)]);
    expect(loadRfmSettings(ws.db)).toEqual({ ...custom, method: 'quantiles' });
  });

  it.each([
    ['an unknown method', { ...custom, method: 'deciles' }],
    ['descending cut-offs', { ...custom, cutoffs: { ...custom.cutoffs, orders: [4, 2, 1, 1] } }],
    ['three cut-offs', { ...custom, cutoffs: { ...custom.cutoffs, revenue: [1, 2, 3] } }],
    ['a group id used twice', { ...custom, groups: [group('same', [1, 5], [1, 5]), group('same', [1, 2], [1, 2])] }],
    ['a range ending below its start', { ...custom, groups: [group('bad', [4, 2], [1, 5])] }],
    ['a score of 6', { ...custom, groups: [group('bad', [1, 6], [1, 5])] }],
    ['no groups', { ...custom, groups: [] }],
    ['an unknown key', { ...custom, colour: 'red' }],
    ['not an object', [1, 2, 3]],
    ['null', null],
  ])('falls back to the defaults when the stored JSON is invalid: %s', (_label, stored) => {
    saveRfmSettings(ws.db, custom);
    ws.db.run("UPDATE workbench_settings SET value = ? WHERE key = 'rfm'", [JSON.stringify(stored)]);
    expect(loadRfmSettings(ws.db)).toEqual(defaultRfmSettings());
  });
});
