#!/usr/bin/env node
// `npm test`: lint, typecheck, unit + contract tests (vitest), end-to-end tests (Playwright in
// Chromium), in that order. Every step runs even when an earlier one fails, so one run shows the
// whole picture; the last line is the plain summary `N passed, N failed, N skipped`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const results = join(root, 'test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const bin = (name) => join(root, 'node_modules', '.bin', name);
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function run(label, command, args, env = {}) {
  process.stdout.write(`\n=== ${label} ===\n`);
  const started = Date.now();
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  return { ok: res.status === 0, seconds, status: res.status ?? res.signal };
}

/** A check that is not a test runner (lint, typecheck) counts as one test. */
function check(label, command, args) {
  const r = run(label, command, args);
  totals[r.ok ? 'passed' : 'failed'] += 1;
  lines.push(`${label}: ${r.ok ? 'ok' : `FAILED (exit ${r.status})`} in ${r.seconds}s`);
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

check('lint', bin('eslint'), ['--max-warnings', '0', '.']);
for (const layer of ['core', 'renderer', 'electron', 'test']) check(`typecheck ${layer}`, bin('tsc'), ['-p', layer]);

{
  const out = join(results, 'vitest.json');
  const r = run('unit and contract tests (vitest)', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${out}`]);
  const json = readJson(out);
  if (json) {
    totals.passed += json.numPassedTests;
    totals.failed += json.numFailedTests;
    totals.skipped += json.numPendingTests + (json.numTodoTests ?? 0);
    lines.push(`vitest: ${json.numPassedTests} passed, ${json.numFailedTests} failed in ${r.seconds}s`);
  }
  if (!json || (!r.ok && json.numFailedTests === 0)) {
    totals.failed += 1;
    lines.push(`vitest: the run itself failed (exit ${r.status})`);
  }
}

{
  const build = run('build the renderer for end-to-end tests', bin('vite'), ['build', '--logLevel', 'warn']);
  if (!build.ok) {
    totals.failed += 1;
    lines.push('e2e: the renderer did not build, end-to-end tests not run');
  } else {
    const out = join(results, 'e2e.json');
    const r = run('end-to-end tests (Playwright, Chromium)', bin('playwright'), ['test', '-c', 'test/e2e/playwright.config.ts'], {
      PLAYWRIGHT_JSON_OUTPUT_NAME: out,
    });
    const json = existsSync(out) ? readJson(out) : null;
    if (json?.stats) {
      const { expected, unexpected, flaky, skipped } = json.stats;
      totals.passed += expected + flaky;
      totals.failed += unexpected;
      totals.skipped += skipped;
      lines.push(`e2e: ${expected + flaky} passed, ${unexpected} failed, ${skipped} skipped in ${r.seconds}s`);
    }
    if (!json?.stats || (!r.ok && json.stats.unexpected === 0)) {
      totals.failed += 1;
      lines.push(`e2e: the run itself failed (exit ${r.status})`);
    }
  }
}

process.stdout.write(`\n=== summary ===\n${lines.join('\n')}\n`);
process.stdout.write(`${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped\n`);
process.exitCode = totals.failed === 0 ? 0 : 1;
