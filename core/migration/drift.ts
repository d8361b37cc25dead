// How well segment migrations follow the behaviour drift the sample generator put in: between
// consecutive dates, customers whose hidden behaviour type changed (table ground_truth, only in
// sample workspaces) against customers whose segment changed. Read here, never used to segment.
import type { Db } from '../store/db.ts';
import { DAY_MS } from '../signals/catalog.ts';
import type { AlignedSeries } from './transitions.ts';
import type { DriftAgreement } from './types.ts';

function monthBefore(db: Db, day: string): string | null {
  const wanted = new Date(Date.parse(`${day}T00:00:00Z`) - DAY_MS).toISOString().slice(0, 7);
  return db.get<{ m: string | null }>('SELECT max(month) AS m FROM ground_truth WHERE month <= ?', [wanted])?.m ?? null;
}

const pct = (v: number) => `${(v * 100).toFixed(0)}%`;

export function driftAgreement(db: Db, a: AlignedSeries): DriftAgreement | null {
  const hasTable = db.get("SELECT 1 AS x FROM sqlite_master WHERE type = 'table' AND name = 'ground_truth'") !== undefined;
  if (!hasTable || a.days.length < 2) return null;
  const months = a.days.map((d) => monthBefore(db, d));
  if (months.some((m) => m === null)) return null;
  const typeIds = new Map<string, number>();
  const typesOf = new Map<string, Int32Array>();
  const index = new Map(a.ids.map((id, i) => [id, i]));
  for (const month of new Set(months as string[])) {
    const types = new Int32Array(a.ids.length).fill(-1);
    for (const r of db.iterateArrays('SELECT customer_id, behaviour_type FROM ground_truth WHERE month = ?', [month])) {
      const i = index.get(r[0] as string);
      if (i === undefined) continue;
      let t = typeIds.get(r[1] as string);
      if (t === undefined) typeIds.set(r[1] as string, (t = typeIds.size));
      types[i] = t;
    }
    typesOf.set(month, types);
  }
  let customers = 0;
  let typeChanged = 0;
  let segmentChanged = 0;
  let both = 0;
  const pairs: DriftAgreement['pairs'] = [];
  for (let d = 1; d < a.days.length; d++) {
    const before = typesOf.get(months[d - 1]!)!;
    const after = typesOf.get(months[d]!)!;
    const s0 = a.labels[d - 1]!;
    const s1 = a.labels[d]!;
    pairs.push({ from: a.days[d - 1]!, to: a.days[d]!, monthFrom: months[d - 1]!, monthTo: months[d]! });
    for (let i = 0; i < s1.length; i++) {
      if (s0[i]! < 0 || before[i]! < 0 || after[i]! < 0) continue;
      customers++;
      const drifted = before[i] !== after[i];
      const moved = s0[i] !== s1[i];
      if (drifted) typeChanged++;
      if (moved) segmentChanged++;
      if (drifted && moved) both++;
    }
  }
  if (customers === 0) return null;
  const recall = typeChanged ? both / typeChanged : 0;
  const precision = segmentChanged ? both / segmentChanged : 0;
  const stable = customers - typeChanged;
  const falseAlarm = stable ? (segmentChanged - both) / stable : 0;
  return {
    pairs,
    customers,
    typeChanged,
    segmentChanged,
    both,
    recall,
    precision,
    falseAlarm,
    text:
      `Of ${typeChanged.toLocaleString('en-US')} customer moves between hidden behaviour types, ${pct(recall)} also changed segment; ` +
      `${pct(falseAlarm)} of customers whose type did not change moved anyway. ${pct(precision)} of segment moves are real drift.`,
  };
}
