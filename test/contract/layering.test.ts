// The layering rules of DESIGN.md are lint rules; this proves they fire, with readable messages,
// on the imports they exist to stop (and stay quiet on the allowed ones).
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
const eslint = new ESLint({ cwd: root });

async function messages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('layering lint rules', () => {
  it('keep electron, React and the shells out of core', async () => {
    const found = await messages(
      'core/signals/example.ts',
      "import { app } from 'electron';\nimport React from 'react';\nimport { api } from '../../renderer/api/client.ts';\nexport const x = [app, React, api];\n",
    );
    expect(found).toHaveLength(3);
    expect(found[0]).toMatch(/core\/ runs in plain Node: never import electron/);
    expect(found[2]).toMatch(/core\/ must not depend on the shells or the UI/);
  });

  it('keep Node modules, the database and core internals out of the renderer', async () => {
    const found = await messages(
      'renderer/views/Example.tsx',
      "import fs from 'node:fs';\nimport Database from 'better-sqlite3';\nimport { Session } from '../../core/api/session.ts';\nexport const x = [fs, Database, Session];\n",
    );
    expect(found).toHaveLength(3);
    expect(found.join('\n')).toMatch(/runs in a browser page: no Node modules/);
    expect(found.join('\n')).toMatch(/never touches the database/);
    expect(found.join('\n')).toMatch(/may import only core\/api\/contract\.ts/);
  });

  it('let the renderer import the API contract', async () => {
    const found = await messages(
      'renderer/views/Example.tsx',
      "import type { OpName } from '../../core/api/contract.ts';\nexport type X = OpName;\n",
    );
    expect(found).toEqual([]);
  });
});
