// The CSV writer on real files: formula text neutralised, numbers (negative ones too) kept as
// values, quoting, refusals, and nothing left under the name when writing fails.
import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from '../../test/support/temp.ts';
import { checkTarget, writeCsv } from './csv-writer.ts';

const tmp = tempDir('segwb-csv-');
afterAll(() => tmp.cleanup());

describe('writeCsv', () => {
  it('neutralises formula text but writes negative numbers as numbers', async () => {
    const path = join(tmp.dir, 'out.csv');
    const written = await writeCsv(path, ['id', 'name', 'change'], [
      ['C1', '=HYPERLINK("x")', -1.25],
      ['C2', '-5 items', 0],
      ['C3', 'a, "b"', null],
    ]);
    expect(written.rows).toBe(3);
    expect(readFileSync(path, 'utf8')).toBe(`id,name,change\nC1,"'=HYPERLINK(""x"")",-1.25\nC2,'-5 items,0\nC3,"a, ""b""",\n`);
    expect(written.bytes).toBe(readFileSync(path).length);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('leaves nothing under the name when the rows fail half way', async () => {
    const path = join(tmp.dir, 'failed.csv');
    function* rows() {
      yield ['ok'];
      throw new Error('source broke');
    }
    await expect(writeCsv(path, ['id'], rows())).rejects.toThrow('source broke');
    expect(existsSync(path)).toBe(false);
    expect(existsSync(`${path}.partial`)).toBe(false);
  });

  it('refuses a missing folder and an existing file unless overwriting', () => {
    expect(() => checkTarget(join(tmp.dir, 'nope', 'x.csv'), false)).toThrow(/does not exist/);
    const existing = join(tmp.dir, 'existing.csv');
    writeFileSync(existing, 'x');
    expect(() => checkTarget(existing, false)).toThrow(/already exists/);
    expect(() => checkTarget(existing, true)).not.toThrow();
  });
});
