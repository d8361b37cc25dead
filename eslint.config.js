// Lint = code quality + the layering rules of DESIGN.md, with messages that say what to do instead.
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['fs', 'path', 'os', 'child_process', 'worker_threads', 'http', 'net', 'url', 'crypto', 'stream', 'util'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'dist-electron/**', 'release/**', 'test-results/**', 'playwright-report/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['core/**/*.ts', 'core/**/*.mjs'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'core/ runs in plain Node: never import electron (the desktop shell lives in electron/).' },
            { name: 'react', message: 'core/ never imports React: UI code belongs in renderer/.' },
            { name: 'react-dom', message: 'core/ never imports React: UI code belongs in renderer/.' },
          ],
          patterns: [
            { group: ['**/renderer/**', '**/electron/**'], message: 'core/ must not depend on the shells or the UI.' },
            { group: ['@tanstack/react-*', 'zustand', 'echarts', 'echarts/*'], message: 'core/ has no UI dependencies.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'better-sqlite3', message: 'The renderer never touches the database: call api.send(...) from renderer/api/client.ts.' },
            { name: 'electron', message: 'The renderer reaches the desktop shell only through window.segwb (renderer/api/client.ts).' },
            ...nodeBuiltins.map((name) => ({ name, message: 'The renderer runs in a browser page: no Node modules.' })),
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs in a browser page: no Node modules.' },
            {
              regex: '(^|/)core/(?!api/contract(\\.ts)?$)',
              message: 'The renderer may import only core/api/contract.ts; everything else goes through api.send(...).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'react', message: 'electron/ is the thin desktop shell: no UI code here.' }],
          patterns: [{ group: ['**/renderer/**'], message: 'electron/ must not import the renderer; it loads the built page.' }],
        },
      ],
    },
  },
);
