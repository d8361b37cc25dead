// SQLite's float32 rounding against Math.fround. SQLite has no float32, so its expression rounds to
// 24 significant bits with ties to even by hand; values next to powers of two and exact ties are the
// cases that go wrong first. (PostgreSQL casts to its float4; the export's equivalence tests check
// its scores bit for bit on a real server.)
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { SQLITE } from './sql-dialect.ts';
import { mulberry32 } from '../scoring/test-random.ts';

function values(): number[] {
  const out = [0, 1, 0.5, 100, 99.99999, 1 / 3, 2 / 3, 0.1, 45, 20];
  for (let e = -20; e <= 7; e++) {
    const p = 2 ** e;
    // Just below, at and above a power of two; halfway between two floats (a tie, both parities).
    out.push(p, p * (1 - 2 ** -30), p * (1 + 2 ** -30), p * (1 + 2 ** -24), p * (1 + 3 * 2 ** -24), p * (1 + 2 ** -23 + 2 ** -24));
  }
  const rnd = mulberry32(3);
  for (let i = 0; i < 5000; i++) out.push(rnd() * 100, rnd());
  return out;
}

describe('float32 in SQL', () => {
  it('SQLite rounds exactly as Math.fround', () => {
    const db = new Database(':memory:');
    const read = db.prepare(`SELECT ${SQLITE.float32('x')} AS y FROM (SELECT ? AS x)`);
    const wrong = values()
      .map((x) => ({ x, got: (read.get(x) as { y: number }).y, want: Math.fround(x) }))
      .filter((r) => !Object.is(r.got === 0 ? 0 : r.got, r.want === 0 ? 0 : r.want));
    db.close();
    expect(wrong.slice(0, 5)).toEqual([]);
  });
});
