// RFM and the priority list end to end, as an analyst uses them: the RFM grid of a sample workspace
// (buyers per R and FM score adding up, cut-offs in words, the groups' table), fixed cut-offs with
// validation, editing a group and saving; three saved segments (two RFM groups through "Use as
// segment…", one from a template) with overlapping members; reordering them by drag, by keyboard
// and by button with the primary counts staying consistent; and the CSV export of the primary
// assignment (a missing folder refused with core's message, the file chosen through the app's
// save dialog), checked against the counts on screen. Screenshots 93-99 in light, dark and
// 1024x700, 98b the save dialog.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, snap, expectOnlyLocalRequests, root as repoRoot } from './harness.ts';
import type { Page } from '@playwright/test';

const tid = (id: string) => `[data-testid="${id}"]`;

interface Row {
  id: number;
  name: string;
  members: number;
  primary: number;
  claimed: number;
}

async function priorityRows(page: Page): Promise<Row[]> {
  return page.locator(tid('priority-row')).evaluateAll((els) =>
    els.map((e) => ({
      id: Number(e.getAttribute('data-segment-id')),
      name: e.getAttribute('data-name') ?? '',
      members: Number(e.getAttribute('data-members') || NaN),
      primary: Number(e.getAttribute('data-primary') || NaN),
      claimed: Number(e.getAttribute('data-claimed') || NaN),
    })),
  );
}

async function totals(page: Page) {
  const el = page.locator(tid('priority-totals'));
  return { customers: Number(await el.getAttribute('data-customers')), primary: Number(await el.getAttribute('data-primary')), unassigned: Number(await el.getAttribute('data-unassigned')) };
}

/** Toasts would cover what the screenshots show. */
async function dismissToasts(page: Page) {
  const close = page.locator('.toast button[aria-label="Dismiss"]');
  while ((await close.count()) > 0) await close.first().click();
  // Nor may the pointer left where a toast was highlight a group.
  await page.mouse.move(5, 5);
}

/** Waits until the list is analysed for the order on screen and saved, then returns its rows. */
async function settledRows(page: Page, names: string[]): Promise<Row[]> {
  await expect(page.locator(tid('priority-save-state'))).not.toHaveAttribute('data-state', /pending|saving/);
  await expect(page.locator(tid('priority-analysis-progress'))).toHaveCount(0, { timeout: 60_000 });
  await expect.poll(async () => (await priorityRows(page)).map((r) => r.name)).toEqual(names);
  await expect.poll(async () => (await priorityRows(page)).every((r) => Number.isFinite(r.primary))).toBe(true);
  return priorityRows(page);
}

/** Every customer has one primary segment or none; the first segment keeps all its members. */
async function expectConsistent(page: Page, rows: Row[]) {
  const t = await totals(page);
  expect(rows.reduce((s, r) => s + r.primary, 0) + t.unassigned).toBe(t.customers);
  expect(rows[0]!.primary).toBe(rows[0]!.members);
  expect(rows[0]!.claimed).toBe(0);
  for (const r of rows) expect(r.primary + r.claimed).toBe(r.members);
  return t;
}

test('rules: RFM grid and settings, segments in priority order, export of the primary segments', async ({ page, shell }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(shell.openUrl);

  // A sample workspace: customers with 18 months of events and purchases.
  await page.click(tid('nav-data'));
  await page.click(tid('create-sample'));
  await page.fill(tid('sample-customers-input'), '4000');
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 90_000 });

  // The priority list without saved segments says where to make one.
  await page.click(tid('nav-rules'));
  await page.click(tid('rules-tab-priority'));
  await expect(page.locator(tid('priority-empty'))).toContainText('Segments tab');
  await snap(page, '99-priority-empty');

  // ---------- RFM: the grid as of the signals' date ----------
  await page.click(tid('rules-tab-rfm'));
  const asOf = page.locator(tid('rfm-as-of'));
  await expect(asOf).toHaveAttribute('data-fresh', 'true', { timeout: 90_000 });
  const buyers = Number(await asOf.getAttribute('data-buyers'));
  const customers = Number(await asOf.getAttribute('data-customers'));
  expect(buyers).toBeGreaterThan(500);
  expect(customers).toBe(4000);
  const gridCounts = async () => page.locator(`${tid('rfm-grid-table')} td`).evaluateAll((tds) => tds.map((td) => Number(td.getAttribute('data-count'))));
  const cells = await gridCounts();
  expect(cells).toHaveLength(25);
  expect(cells.reduce((a, b) => a + b, 0)).toBe(buyers);
  // The default groups cover the grid: champions top right, lost bottom left.
  await expect(page.locator(tid('rfm-cell-5-5'))).toHaveAttribute('data-group-id', 'champions');
  await expect(page.locator(tid('rfm-cell-1-1'))).toHaveAttribute('data-group-id', 'lost');
  await expect(page.locator(`${tid('rfm-grid')} canvas`).first()).toBeVisible();
  // Groups, including Other and No purchase yet, add up to every customer.
  const groupRows = page.locator(tid('rfm-group-summary'));
  await expect(groupRows.last()).toHaveAttribute('data-group-id', 'none');
  await expect(page.locator(`${tid('rfm-group-summary')}[data-group-id="other"]`)).toHaveCount(1);
  const groupSizes = await groupRows.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-customers'))));
  expect(groupSizes.reduce((a, b) => a + b, 0)).toBe(customers);
  expect(customers - Number(await page.locator(`${tid('rfm-group-summary')}[data-group-id="none"]`).getAttribute('data-customers'))).toBe(buyers);
  // The computed cut-offs in words.
  await expect(page.locator(tid('rfm-cut-r')).locator(tid('rfm-cut-line')).first()).toContainText(/R 5: bought (within [\d.,]+ days?|on the as-of day)/);
  await expect(page.locator(tid('rfm-cut-f')).locator(tid('rfm-cut-line')).last()).toContainText(/F 5: more than [\d.,]+ orders?/);
  await expect(page.locator(tid('rfm-cut-m'))).toContainText('M 1: spent at most');
  await expect(page.locator(tid('rfm-first-match'))).toContainText('First match wins');
  await expect(page.locator(tid('rfm-saved-badge'))).toBeVisible();
  await dismissToasts(page);
  await snap(page, '93-rfm');

  // ---------- fixed cut-offs, with validation ----------
  await page.click(tid('rfm-method-cutoffs'));
  await expect(page.locator(tid('rfm-unsaved'))).toBeVisible();
  await expect(page.locator(tid('rfm-cutoff-recencyDays-0'))).toBeVisible();
  await page.fill(tid('rfm-cutoff-orders-0'), '9');
  await page.fill(tid('rfm-cutoff-orders-1'), '2');
  await expect(page.locator(tid('rfm-cutoff-error-orders'))).toContainText('ascending');
  await expect(page.locator(tid('rfm-save'))).toBeDisabled();
  await page.fill(tid('rfm-cutoff-orders-1'), '');
  await expect(page.locator(tid('rfm-cutoff-error-orders'))).toContainText('needs a number');
  for (const [k, values] of [
    ['recencyDays', [14, 45, 120, 240]],
    ['orders', [1, 2, 3, 5]],
    ['revenue', [60, 150, 400, 900]],
  ] as const) {
    for (let i = 0; i < 4; i++) await page.fill(tid(`rfm-cutoff-${k}-${i}`), String(values[i]));
  }
  await expect(page.locator(tid('rfm-cutoff-error-orders'))).toHaveCount(0);
  await expect(asOf).toHaveAttribute('data-fresh', 'true', { timeout: 30_000 });
  await expect(page.locator(tid('rfm-cut-r')).locator(tid('rfm-cut-line')).first()).toHaveText('R 5: bought within 14 days');
  await expect(page.locator(tid('rfm-cut-r')).locator(tid('rfm-cut-line')).nth(1)).toHaveText('R 4: bought 15–45 days ago');
  await expect(page.locator(tid('rfm-cut-f')).locator(tid('rfm-cut-line')).nth(2)).toHaveText('F 3: 3 orders');
  expect((await gridCounts()).reduce((a, b) => a + b, 0)).toBe(buyers);

  // ---------- edit a group: rename Champions, narrow it to FM 5; the grid recolours at once ----------
  const champions = page.locator(`${tid('rfm-group-row')}[data-group-id="champions"]`);
  await champions.locator(tid('rfm-group-name')).fill('Stars');
  await champions.locator(tid('rfm-group-fm-from')).selectOption('5');
  await expect(page.locator(tid('rfm-cell-5-4'))).toHaveAttribute('data-group-id', 'loyal');
  await expect(page.locator(tid('rfm-cell-5-5'))).toHaveAttribute('data-group-id', 'champions');
  await expect(champions.locator(tid('rfm-group-cells'))).toHaveText('2 cells');
  // Loyal moved above the narrowed Stars covers all its cells: Stars never matches, and says so.
  // The keyboard stays on the moved group (its up button is gone at the top: focus goes to down).
  const loyalGroup = page.locator(`${tid('rfm-group-row')}[data-group-id="loyal"]`);
  await loyalGroup.locator(tid('rfm-group-up')).click();
  await expect(champions.locator(tid('rfm-group-cells'))).toContainText('never matches');
  await expect(page.locator(tid('rfm-cell-5-5'))).toHaveAttribute('data-group-id', 'loyal');
  await expect(loyalGroup.locator(tid('rfm-group-down'))).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(champions.locator(tid('rfm-group-cells'))).toHaveText('2 cells');
  await expect(asOf).toHaveAttribute('data-fresh', 'true', { timeout: 30_000 });
  await expect(page.locator(`${tid('rfm-group-summary')}[data-group-id="champions"] th`)).toHaveText('Stars');
  await expect(page.locator(tid('rfm-segment-needs-save'))).toBeVisible();
  await expect(page.locator(`${tid('rfm-group-summary')}[data-group-id="champions"] ${tid('rfm-use-as-segment')}`)).toBeDisabled();
  // The whole grid, not the cells of the group being edited (focus and hover highlight it).
  await page.locator(tid('rfm-as-of')).click();
  await page.mouse.move(5, 5);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  await snap(page, '94-rfm-edit-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  await page.click(tid('rfm-save'));
  await expect(page.locator(tid('rfm-saved-badge'))).toBeVisible();
  await expect(page.locator(tid('rfm-segment-needs-save'))).toHaveCount(0);
  await expect(asOf).toHaveAttribute('data-fresh', 'true', { timeout: 30_000 });

  // ---------- three segments that overlap: two RFM groups and "bought in the last 30 days" ----------
  async function saveDraft(name: string) {
    await expect(page.locator(tid('rules-panel-segments'))).toBeVisible();
    await expect(page.locator(tid('rule-name'))).toHaveValue(name);
    await page.click(tid('rule-save'));
    await expect(page.locator(`${tid('segment-item')}[data-name="${name}"]`)).toBeVisible();
  }
  for (const [id, name] of [
    ['champions', 'RFM: Stars'],
    ['loyal', 'RFM: Loyal'],
  ] as const) {
    await page.click(tid('rules-tab-rfm'));
    await page.locator(`${tid('rfm-group-summary')}[data-group-id="${id}"] ${tid('rfm-use-as-segment')}`).click();
    await saveDraft(name);
  }
  await page.click(tid('rule-close'));
  await page.click(tid('rule-template-bought-30d'));
  await saveDraft('Bought in the last 30 days');

  // ---------- the priority list ----------
  await page.click(tid('rules-tab-priority'));
  await expect(page.locator(tid('priority-row'))).toHaveCount(3);
  let rows = await settledRows(page, ['RFM: Stars', 'RFM: Loyal', 'Bought in the last 30 days']);
  const first = await expectConsistent(page, rows);
  expect(first.customers).toBe(customers);
  const bought = rows[2]!;
  expect(bought.members).toBeGreaterThan(0);
  expect(bought.claimed).toBeGreaterThan(0);
  // Stars and Loyal do not overlap (different RFM cells); both overlap the recent buyers.
  await expect(page.locator(tid('priority-take-0-1'))).toHaveAttribute('data-count', '0');
  expect(Number(await page.locator(tid('priority-take-0-2')).getAttribute('data-count')) + Number(await page.locator(tid('priority-take-1-2')).getAttribute('data-count'))).toBe(bought.claimed);
  await expect(page.locator(`${tid('priority-chart')} canvas`).first()).toBeVisible();
  await expect(page.locator(tid('priority-takes-unassigned'))).toContainText(`of ${customers.toLocaleString('en-US')} customers`);
  await dismissToasts(page);
  await snap(page, '95-priority');

  // Drag the recent buyers to the top: they keep all their members, the RFM groups lose some.
  const list = page.locator(tid('priority-row'));
  await list.nth(2).dragTo(list.nth(0), { targetPosition: { x: 60, y: 4 } });
  await expect(page.locator(tid('priority-announcement'))).toContainText('position 1 of 3');
  rows = await settledRows(page, ['Bought in the last 30 days', 'RFM: Stars', 'RFM: Loyal']);
  let t = await expectConsistent(page, rows);
  expect(t.unassigned).toBe(first.unassigned);
  expect(rows[0]!.primary).toBe(bought.members);
  const starsBefore = priorityRowsByName(rows)['RFM: Stars']!;
  expect(starsBefore.primary).toBeLessThan(starsBefore.members);
  await expect(page.locator(tid('priority-save-state'))).toHaveAttribute('data-state', 'saved');

  // Keyboard: Loyal up one place with Alt+↑ (focus stays on the row).
  const loyal = page.locator(`${tid('priority-row')}[data-name="RFM: Loyal"]`);
  await loyal.focus();
  await page.keyboard.press('Alt+ArrowUp');
  await expect(loyal).toBeFocused();
  rows = await settledRows(page, ['Bought in the last 30 days', 'RFM: Loyal', 'RFM: Stars']);
  t = await expectConsistent(page, rows);
  expect(t.unassigned).toBe(first.unassigned);
  // Disjoint segments: swapping them changes nothing they keep.
  expect(priorityRowsByName(rows)['RFM: Stars']!.primary).toBe(starsBefore.primary);

  // Button: the recent buyers down one place.
  await page.locator(`${tid('priority-row')}[data-name="Bought in the last 30 days"] ${tid('priority-down')}`).click();
  rows = await settledRows(page, ['RFM: Loyal', 'Bought in the last 30 days', 'RFM: Stars']);
  t = await expectConsistent(page, rows);
  expect(t.unassigned).toBe(first.unassigned);
  await expect(page.locator(tid('priority-undo'))).toBeVisible();
  await page.mouse.move(5, 5);
  await dismissToasts(page);
  await snap(page, '96-priority-reordered');

  // ---------- export the primary assignment ----------
  const out = join(shell.workspacesDir, 'primary-segments.csv');
  const pathField = page.locator(tid('priority-export-path'));
  await expect(pathField).toHaveValue(/primary-segments\.csv$/);
  // A folder that does not exist: core's message under the form.
  const missing = join(shell.workspacesDir, 'no-such-folder', 'primary.csv');
  await pathField.fill(missing);
  await page.click(tid('priority-export-run'));
  await expect(page.locator(tid('priority-export-error'))).toContainText(`The folder ${join(shell.workspacesDir, 'no-such-folder')} does not exist`);
  await expect(page.locator(tid('priority-export-result'))).toHaveCount(0);
  // Choose…: the app's own dialog in the browser. It starts where the field points, or says why
  // it cannot; browse to the folder, type a name (the extension is added), Enter saves.
  await page.click(tid('priority-export-choose'));
  const dialog = page.locator(tid('file-dialog'));
  await expect(dialog).toBeVisible();
  await expect(page.locator(tid('file-dialog-notice'))).toContainText('no-such-folder does not exist');
  await page.screenshot({ path: join(repoRoot, 'test-results', 'rules-priority', 'save-dialog-missing-folder.png') });
  await expect(page.locator(tid('file-dialog-name'))).toHaveValue('primary.csv');
  await expect(page.locator(tid('file-dialog-name'))).toBeFocused();
  await page.fill(tid('file-dialog-path'), shell.workspacesDir);
  await page.press(tid('file-dialog-path'), 'Enter');
  await expect(page.locator(tid('file-dialog-notice'))).toHaveCount(0);
  await expect(page.locator(tid('file-dialog-path'))).toHaveValue(shell.workspacesDir);
  await page.fill(tid('file-dialog-name'), 'primary-segments');
  await expect(dialog).toContainText('The .csv extension is added if missing.');
  await page.press(tid('file-dialog-name'), 'Enter');
  await expect(dialog).toHaveCount(0);
  await expect(pathField).toHaveValue(out);
  await expect(page.locator(tid('priority-export-error'))).toHaveCount(0);
  await expect(page.locator(tid('priority-export-run'))).toBeFocused();
  await page.keyboard.press('Enter');
  const result = page.locator(tid('priority-export-result'));
  await expect(result).toHaveAttribute('data-rows', String(customers), { timeout: 60_000 });
  await expect(result).toContainText(out);
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe('customer_id,primary_segment,primary_segment_id,all_segments,as_of');
  expect(lines).toHaveLength(customers + 1);
  // The file gives every segment as many primary customers as the list shows.
  const perSegment = new Map<string, number>();
  for (const line of lines.slice(1)) {
    const id = line.split(',')[2] ?? '';
    perSegment.set(id, (perSegment.get(id) ?? 0) + 1);
  }
  for (const r of rows) expect(perSegment.get(String(r.id))).toBe(r.primary);
  expect(perSegment.get('')).toBe(t.unassigned);

  // Again, choosing the same file: the dialog lists it and warns; the tab asks before replacing it.
  await dismissToasts(page);
  await page.click(tid('priority-export-choose'));
  await expect(page.locator(`${tid('file-entry')}[data-kind="file"]`).filter({ hasText: 'primary-segments.csv' })).toHaveCount(1);
  await expect(page.locator(tid('file-dialog-name'))).toHaveValue('primary-segments.csv');
  await expect(page.locator(tid('file-dialog-exists'))).toContainText('You will be asked before it is replaced');
  await page.waitForTimeout(300);
  await snap(page, '98b-priority-save-dialog');
  await page.click(tid('file-dialog-confirm'));
  await expect(dialog).toHaveCount(0);
  await expect(pathField).toHaveValue(out);
  await page.click(tid('priority-export-run'));
  await expect(page.locator(tid('priority-replace-dialog'))).toContainText('already exists');
  await page.waitForTimeout(400);
  await snap(page, '98-priority-replace');
  await page.click(tid('priority-replace-confirm'));
  await expect(result).toHaveAttribute('data-rows', String(customers), { timeout: 60_000 });

  // ---------- a small window ----------
  await page.setViewportSize({ width: 1024, height: 700 });
  await dismissToasts(page);
  await page.locator(tid('priority-tab')).evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator(tid('priority-row')).first()).toBeVisible();
  await page.waitForTimeout(300);
  await snap(page, '97-priority-small-window');
  await page.click(tid('rules-tab-rfm'));
  await expect(asOf).toHaveAttribute('data-fresh', 'true', { timeout: 30_000 });
  await dismissToasts(page);
  await page.waitForTimeout(300);
  await snap(page, '97b-rfm-small-window');

  expectOnlyLocalRequests(shell);
});

function priorityRowsByName(rows: Row[]): Record<string, Row> {
  return Object.fromEntries(rows.map((r) => [r.name, r]));
}
