// The browser shell end to end, as a new user meets it: `segwb web`, the printed address, the
// welcome screen, a sample workspace, the customers table, a customer's timeline.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { test, expect, snap, expectOnlyLocalRequests } from './harness.ts';

const tid = (id: string) => `[data-testid="${id}"]`;

/** The expected order, computed straight from the workspace file, not through the app. */
function topByRevenue(path: string, n: number): string[] {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db
      .prepare('SELECT customer_id FROM customer_stats ORDER BY revenue DESC, customer_id DESC LIMIT ?')
      .all(n) as Array<{ customer_id: string }>;
    return rows.map((r) => r.customer_id);
  } finally {
    db.close();
  }
}

test('first start: create the sample workspace, browse and sort customers, open a timeline', async ({ page, shell }) => {
  await page.goto(shell.openUrl);
  await expect(page.locator(tid('welcome'))).toBeVisible();
  await expect(page.locator(tid('create-sample'))).toBeVisible();
  await expect(page.locator(tid('open-workspace'))).toBeVisible();
  await expect(page.locator(tid('new-workspace'))).toBeVisible();
  // The token went from the address into a cookie.
  expect(page.url()).not.toContain('token=');
  await snap(page, '01-welcome');

  await page.click(tid('create-sample'));
  const path = join(shell.workspacesDir, 'sample.segwb');
  await expect(page.locator(tid('sample-path-input'))).toHaveValue(path);
  await expect(page.locator(tid('sample-customers-input'))).toHaveValue('20000');
  await page.fill(tid('sample-customers-input'), '3000');
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('job-progress'))).toBeVisible();
  await snap(page, '02-sample-progress');

  const rows = page.locator(tid('customers-row'));
  await expect(rows.first()).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(tid('customers-total'))).toContainText('3,000');
  await expect(page.locator(tid('workspace-name'))).toContainText('sample');
  expect(existsSync(path)).toBe(true);
  await snap(page, '03-customers');

  // Sort by revenue, highest first (ascending on the first click, descending on the second).
  const header = page.locator(tid('column-header-revenue'));
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await header.click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  const expected = topByRevenue(path, 5);
  await expect
    .poll(async () => (await rows.evaluateAll((els) => els.slice(0, 5).map((e) => e.getAttribute('data-customer-id')))))
    .toEqual(expected);
  await snap(page, '04-sorted-by-revenue');

  // Open the top customer's timeline.
  await rows.first().click();
  const panel = page.locator(tid('timeline-panel'));
  await expect(panel).toBeVisible();
  await expect(panel).toHaveAttribute('data-customer-id', expected[0]!);
  await expect(page.locator(tid('timeline-event')).first()).toBeVisible();
  expect(await page.locator(tid('timeline-event')).count()).toBeGreaterThan(3);
  // Sample workspaces show the hidden behaviour type, labelled as evaluation-only.
  await expect(page.locator(tid('ground-truth'))).toContainText('evaluation only');
  await snap(page, '05-timeline');

  // Filter the timeline to purchases only.
  await page.click(`${tid('type-chip')}[data-type="purchase"]`);
  await expect
    .poll(async () => new Set(await page.locator(tid('timeline-event')).evaluateAll((els) => els.map((e) => e.getAttribute('data-type')))))
    .toEqual(new Set(['purchase']));

  await page.keyboard.press('Escape');
  await expect(panel).toBeHidden();

  // Text filter narrows the table and its count.
  await page.fill(tid('customers-search'), expected[0]!);
  await expect(page.locator(tid('customers-total'))).toContainText(/^\s*1 customer/);
  await expect(rows).toHaveCount(1);

  expectOnlyLocalRequests(shell);
});

test('dark mode follows the system, and a small window stays usable', async ({ page, shell }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(shell.openUrl);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.click(tid('create-sample'));
  await page.fill(tid('sample-customers-input'), '500');
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 60_000 });
  await snap(page, '06-dark');

  await page.setViewportSize({ width: 900, height: 600 });
  await page.locator(tid('customers-row')).first().click();
  await expect(page.locator(tid('timeline-panel'))).toBeVisible();
  await snap(page, '07-dark-900x600');
  // Every view is reachable from the collapsed navigation, with its empty state.
  for (const view of ['signals', 'clusters', 'rules', 'migration', 'economics', 'export']) {
    await page.click(tid(`nav-${view}`));
    await expect(page.locator(tid(`view-${view}`))).toBeVisible();
  }
  await snap(page, '08-dark-export-empty');
  await page.click(tid('nav-data'));
  await expect(page.locator(tid('customers-table'))).toBeVisible();
  expectOnlyLocalRequests(shell);
});

test('a file that is not a workspace gets a clear error and is left alone', async ({ page, shell }) => {
  const bad = join(shell.workspacesDir, 'notes.segwb');
  writeFileSync(bad, 'these are notes, not a workspace\n');
  await page.goto(shell.openUrl);
  await page.click(tid('open-workspace'));
  await expect(page.locator(tid('file-dialog-path'))).toBeVisible();
  await page.fill(tid('file-dialog-path'), shell.workspacesDir);
  await page.press(tid('file-dialog-path'), 'Enter');
  await page.dblclick(`${tid('file-entry')}:has-text("notes.segwb")`);
  const banner = page.locator(tid('error-banner'));
  await expect(banner).toContainText('notes.segwb is not a Segment Workbench workspace');
  await snap(page, '09-not-a-workspace');
  const { readFileSync } = await import('node:fs');
  expect(readFileSync(bad, 'utf8')).toBe('these are notes, not a workspace\n');
  await expect(page.locator(tid('welcome'))).toBeVisible();
});

test('cancelling a sample workspace leaves nothing behind', async ({ page, shell }) => {
  await page.goto(shell.openUrl);
  await page.click(tid('create-sample'));
  await page.fill(tid('sample-customers-input'), '400000');
  await page.fill(tid('sample-path-input'), join(shell.workspacesDir, 'big.segwb'));
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('job-progress'))).toBeVisible();
  // Progress moves: the UI is not frozen while the worker generates.
  await expect(page.locator(tid('job-count'))).not.toHaveText(/^\s*0\b/, { timeout: 30_000 });
  await page.click(tid('job-cancel'));
  await expect(page.locator(tid('job-cancelled'))).toBeVisible({ timeout: 60_000 });
  await snap(page, '10-cancelled');
  await expect.poll(() => readdirSync(shell.workspacesDir), { timeout: 30_000 }).toEqual([]);
});

test('without the token the page explains how to get in', async ({ page, shell }) => {
  await page.goto(`${shell.origin}/`);
  await expect(page.locator(tid('connection-lost'))).toContainText('npm run web');
  await snap(page, '11-no-token');
});
