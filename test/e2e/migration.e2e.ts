// Migration end to end, as an analyst uses it: a small sample workspace, the funnel phases followed
// monthly over four months (progress, then the summary, the stacked areas and the Sankey, whose
// figures must add up), the transition matrix, a flow clicked in the Sankey and its movers (each
// with the signals that changed most), a mover's timeline, the movers exported as CSV through the
// save dialog (and replaced), the hidden-drift card, too many weekly dates, and RFM groups instead.
// Two phases are decided in Economics first: their badges stand beside the phases' names in the
// matrix and the movers table. Screenshots 100-109 in light, dark and a 1024x700 window.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect, snap, expectOnlyLocalRequests } from './harness.ts';

const tid = (id: string) => `[data-testid="${id}"]`;

async function dismissToasts(page: Page) {
  const close = page.locator('.toast button[aria-label="Dismiss"]');
  while ((await close.count()) > 0) await close.first().click();
  await page.mouse.move(5, 5);
}

async function summary(page: Page) {
  const s = page.locator(tid('migration-summary'));
  const n = async (name: string) => Number(await s.getAttribute(`data-${name}`));
  return { dates: await n('dates'), customers: await n('customers'), moved: await n('moved'), stayed: await n('stayed'), entered: await n('entered') };
}

/** Decides a segment of the table on screen in the Economics view. */
async function decide(page: Page, key: string, decision: 'compete' | 'maintain' | 'dont-compete', rationale: string) {
  const row = page.locator(`${tid('economics-row')}[data-key="${key}"]`);
  await row.locator('th').click();
  await expect(page.locator(tid('economics-decision'))).toHaveAttribute('data-key', key);
  await page.click(tid(`economics-decide-${decision}`));
  await page.fill(tid('economics-rationale'), rationale);
  await page.click(tid('economics-decision-save'));
  await expect(row).toHaveAttribute('data-decision', decision);
}

/** Every decision badge in the movers table stands beside a decided segment, and every decided segment has one. */
async function expectMoverBadges(page: Page, decided: Record<string, string>) {
  const rows = await page.locator(tid('migration-mover-row')).evaluateAll((els) =>
    els.map((e) => ({
      from: e.getAttribute('data-from') ?? '',
      to: e.getAttribute('data-to') ?? '',
      badges: Array.from(e.querySelectorAll('[data-testid="decision-badge"]')).map((b) => `${b.getAttribute('data-segment-key')}:${b.getAttribute('data-decision')}`),
    })),
  );
  expect(rows.length).toBeGreaterThan(0);
  for (const r of rows) expect(r.badges).toEqual([r.from, r.to].filter((k) => decided[k]).map((k) => `${k}:${decided[k]}`));
}

async function run(page: Page) {
  await page.click(tid('migration-run'));
  await expect(page.locator(tid('migration-progress'))).toBeHidden({ timeout: 180_000 });
  await expect(page.locator(tid('migration-run'))).toContainText('Run again');
}

/** Clicks down the middle of the Sankey until a flow between two different segments is chosen. */
async function clickAMoverFlow(page: Page): Promise<{ from: string; to: string; x: number; y: number }> {
  const chart = page.locator(`${tid('migration-sankey')} .mg-sankey-chart`);
  await chart.scrollIntoViewIfNeeded();
  const box = (await chart.boundingBox())!;
  // Only where the chart shows: never on the set-up bar above the scrolling results.
  const main = (await page.locator(tid('migration-main')).boundingBox())!;
  const top = Math.max(box.y, main.y) + 8;
  const bottom = Math.min(box.y + box.height, main.y + main.height) - 8;
  const movers = page.locator(tid('migration-movers'));
  for (const fx of [0.5, 0.42, 0.58]) {
    for (let y = top; y < bottom; y += 5) {
      const x = box.x + box.width * fx;
      await page.mouse.click(x, y);
      const from = (await movers.getAttribute('data-filter-from')) ?? '';
      const to = (await movers.getAttribute('data-filter-to')) ?? '';
      if (from && to) return { from, to, x, y };
    }
  }
  throw new Error('no flow between two segments could be clicked in the Sankey');
}

test('migration: phases monthly, Sankey and areas, a flow’s movers, CSV export, RFM', async ({ page, shell }) => {
  test.setTimeout(480_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.openUrl);

  // A small sample workspace (it carries the hidden behaviour drift).
  await page.click(tid('create-sample'));
  await page.fill(tid('sample-customers-input'), '1500');
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 90_000 });

  // Two funnel phases decided in Economics: not competing for orientation, competing for consideration.
  const decided = { orientation: 'dont-compete', consideration: 'compete' } as const;
  await page.click(tid('nav-economics'));
  await expect(page.locator(tid('economics-setup'))).toBeVisible({ timeout: 30_000 });
  await page.selectOption(tid('economics-segmentation'), 'phases');
  await expect(page.locator(tid('economics-progress'))).toHaveCount(0, { timeout: 120_000 });
  await expect(page.locator(`${tid('economics-row')}[data-key="orientation"]`)).toBeVisible({ timeout: 120_000 });
  await decide(page, 'orientation', decided.orientation, 'Browsers who never get further: not worth the ad spend.');
  await decide(page, 'consideration', decided.consideration, 'Close to buying: worth the effort.');

  // The set-up: phases (no cluster model yet, said why), the last twelve months of data, monthly.
  await page.click(tid('nav-migration'));
  await expect(page.locator(tid('migration-setup'))).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(tid('migration-empty'))).toContainText('Nothing run yet');
  await expect(page.locator(tid('migration-ref'))).toHaveValue('phases');
  await expect(page.locator(`${tid('migration-ref')} option[value="clusters"]`)).toBeDisabled();
  await expect(page.locator(tid('migration-unavailable'))).toContainText('Clusters');
  await expect(page.locator(tid('migration-start'))).toHaveValue('2025-02-01');
  await expect(page.locator(tid('migration-end'))).toHaveValue('2026-01-01');
  await expect(page.locator(tid('migration-date-count'))).toHaveText('12 dates');
  await dismissToasts(page);
  await snap(page, '100-migration-setup');

  // Four months, monthly: five dates.
  await page.fill(tid('migration-start'), '2025-09-01');
  await expect(page.locator(tid('migration-date-count'))).toHaveText('5 dates');
  await expect(page.locator(tid('migration-dates-reset'))).toBeVisible();
  await page.click(tid('migration-run'));
  await expect(page.locator(tid('migration-empty-job-progress'))).toBeVisible();
  await expect(page.locator(tid('migration-progress'))).toBeHidden({ timeout: 180_000 });

  // The summary: the later date's customers are the movers, the stayers and the newcomers.
  await expect(page.locator(tid('migration-summary'))).toBeVisible();
  const s = await summary(page);
  expect(s.dates).toBe(5);
  expect(s.moved + s.stayed + s.entered).toBe(s.customers);
  expect(s.customers).toBeGreaterThan(1000);
  expect(s.moved).toBeGreaterThan(0);
  await expect(page.locator(tid('migration-summary'))).toContainText('5 dates');
  await expect(page.locator(tid('migration-status'))).toContainText('Funnel phases · 5 dates from 2025-09-01 to 2026-01-01');
  // The areas and the Sankey are drawn, and count the same customers.
  await expect(page.locator(`${tid('migration-area')} canvas`).first()).toBeVisible();
  await expect(page.locator(`${tid('migration-sankey')} canvas`).first()).toBeVisible();
  await expect(page.locator(tid('migration-area-note'))).toHaveAttribute('data-last-total', String(s.customers));
  const sankey = page.locator(tid('migration-sankey'));
  await expect(sankey).toHaveAttribute('data-total', String(s.customers));
  await expect(sankey).toHaveAttribute('data-from', '2025-09-01');
  await expect(sankey).toHaveAttribute('data-to', '2026-01-01');
  // Sample data: the drift card.
  await expect(page.locator(tid('migration-drift-text'))).toContainText('also changed segment');
  await expect(page.locator(tid('migration-drift-recall'))).toHaveText(/^\d+%$/);
  // Every move is listed (after both dates' signals are computed).
  await expect(page.locator(tid('migration-movers-total'))).toHaveAttribute('data-total', String(s.moved));
  await expect(page.locator(tid('migration-mover-row')).first()).toBeVisible({ timeout: 120_000 });
  // The decisions beside the phases' names, wherever a mover comes from or goes to.
  await expectMoverBadges(page, decided);
  await page.mouse.move(5, 5);
  await expect(page.locator(tid('migration-main'))).toHaveJSProperty('scrollTop', 0);
  await snap(page, '101-migration-phases');

  // A flow clicked in the Sankey: the movers are that flow's customers; the pointer on it tells its figures.
  const flow = await clickAMoverFlow(page);
  expect(flow.from).not.toBe(flow.to);
  // The chart is redrawn with the flow stronger; pointing at it again shows its tooltip.
  await page.waitForTimeout(200);
  await page.mouse.move(flow.x + 2, flow.y);
  await expect(page.locator(`${tid('migration-sankey')} div`).filter({ hasText: 'Customers:' }).last()).toBeVisible();
  await page.waitForTimeout(200);
  await snap(page, '102-migration-flow');
  await expect(page.locator(tid('migration-filter-from'))).toHaveValue(flow.from);
  await expect(page.locator(tid('migration-filter-to'))).toHaveValue(flow.to);
  const flowTotal = Number(await page.locator(tid('migration-movers-total')).getAttribute('data-total'));
  expect(flowTotal).toBeGreaterThan(0);
  await expect(page.locator(tid('migration-mover-row')).first()).toBeVisible({ timeout: 120_000 });
  const shown = await page.locator(tid('migration-mover-row')).evaluateAll((els) => els.map((e) => `${e.getAttribute('data-from')}>${e.getAttribute('data-to')}`));
  expect(new Set(shown)).toEqual(new Set([`${flow.from}>${flow.to}`]));
  // Each mover has the signals that changed most, in standard deviations.
  await expect(page.locator(`${tid('migration-mover-row')} .mg-change-sd`).first()).toHaveText(/^[+\u2212]\d+\.\d SD$/);
  // Nothing else was clicked on the way: no new run.
  await expect(page.locator(tid('migration-progress'))).toHaveCount(0);
  await page.locator(tid('migration-movers')).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await snap(page, '103-migration-movers');

  // The matrix says the same: the clicked cell holds the flow's movers; everything adds up.
  await page.click(tid('migration-view-matrix'));
  const cell = page.locator(`${tid('migration-matrix-cell')}[data-from="${flow.from}"][data-to="${flow.to}"]`);
  await expect(cell).toHaveAttribute('data-count', String(flowTotal));
  await expect(cell).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator(tid('migration-matrix-total'))).toHaveText(s.customers.toLocaleString('en-US'));
  const cells = await page.locator(tid('migration-matrix-cell')).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(cells.reduce((a, b) => a + b, 0)).toBe(s.customers);
  // Each decided phase has its badge as a row and as a column; the others have none.
  const matrix = page.locator(tid('migration-matrix'));
  for (const [key, decision] of Object.entries(decided)) {
    const badges = matrix.locator(`${tid('decision-badge')}[data-segment-key="${key}"]`);
    await expect(badges).toHaveCount(2);
    await expect(badges.first()).toHaveAttribute('data-decision', decision);
  }
  await expect(matrix.locator(tid('decision-badge'))).toHaveCount(4);
  await page.locator(tid('migration-pair')).scrollIntoViewIfNeeded();
  await snap(page, '104-migration-matrix');
  await page.click(tid('migration-view-sankey'));

  // Export the flow's movers: the app's save dialog in the browser; a folder, a name, Enter.
  const outDir = mkdtempSync(join(tmpdir(), 'segwb-movers-'));
  const out = join(outDir, 'flow-movers.csv');
  await dismissToasts(page);
  await page.click(tid('migration-export'));
  const dialog = page.locator(tid('file-dialog'));
  await expect(dialog).toBeVisible();
  await expect(page.locator(tid('file-dialog-name'))).toHaveValue(`movers-phases-2025-09-01-to-2026-01-01-from-${flow.from}-to-${flow.to}.csv`);
  await page.fill(tid('file-dialog-path'), outDir);
  await page.press(tid('file-dialog-path'), 'Enter');
  await expect(page.locator(tid('file-dialog-path'))).toHaveValue(outDir);
  await page.fill(tid('file-dialog-name'), 'flow-movers');
  await page.press(tid('file-dialog-name'), 'Enter');
  await expect(dialog).toHaveCount(0);
  const result = page.locator(tid('migration-export-result'));
  await expect(result).toHaveAttribute('data-rows', String(flowTotal), { timeout: 60_000 });
  await expect(result).toContainText(out);
  const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
  expect(lines[0]).toBe(
    'customer_id,segment_2025-09-01,segment_2026-01-01,signal_1,signal_1_before,signal_1_after,signal_1_change_sd,signal_2,signal_2_before,signal_2_after,signal_2_change_sd,signal_3,signal_3_before,signal_3_after,signal_3_change_sd',
  );
  expect(lines).toHaveLength(flowTotal + 1);
  const names = await page.locator(`${tid('migration-filter-from')} option:checked, ${tid('migration-filter-to')} option:checked`).allTextContents();
  for (const line of lines.slice(1)) expect(line.split(',').slice(1, 3)).toEqual(names);
  // The same file again: asked before it is replaced.
  await dismissToasts(page);
  await page.click(tid('migration-export'));
  await expect(page.locator(tid('file-dialog-name'))).toHaveValue(/movers-phases/);
  await page.fill(tid('file-dialog-name'), 'flow-movers.csv');
  await expect(page.locator(tid('file-dialog-exists'))).toBeVisible();
  await page.click(tid('file-dialog-confirm'));
  await expect(page.locator(tid('migration-replace-dialog'))).toContainText('already exists');
  await page.waitForTimeout(300);
  await snap(page, '105-migration-replace');
  await page.click(tid('migration-replace-confirm'));
  await expect(result).toHaveAttribute('data-rows', String(flowTotal), { timeout: 60_000 });

  // A mover's timeline is one click away; coming back, everything is where it was.
  const first = page.locator(tid('migration-mover-row')).first();
  const id = (await first.getAttribute('data-customer-id'))!;
  await first.click();
  await expect(page.locator(tid('timeline-panel'))).toHaveAttribute('data-customer-id', id);
  await page.click(tid('nav-migration'));
  await expect(page.locator(tid('migration-filter-to'))).toHaveValue(flow.to);
  await expect(page.locator(tid('migration-summary'))).toHaveAttribute('data-moved', String(s.moved));

  // A click on a date of the area chart moves the nearer end of the pair (here the end, to the
  // middle date); the Sankey, the summary and the movers follow. The selects bring it back.
  await page.locator(tid('migration-main')).evaluate((el) => el.scrollTo(0, 0));
  const area = (await page.locator(`${tid('migration-area')} .mg-area-chart`).boundingBox())!;
  await page.mouse.click(area.x + area.width / 2 + 15, area.y + area.height * 0.7);
  await expect(sankey).toHaveAttribute('data-to', '2025-11-01');
  await expect(page.locator(tid('migration-pair-to'))).toHaveValue('2025-11-01');
  const mid = await summary(page);
  expect(mid.moved + mid.stayed + mid.entered).toBe(mid.customers);
  expect(mid.customers).toBeLessThan(s.customers);
  await expect(sankey).toHaveAttribute('data-total', String(mid.customers));
  await expect(page.locator(tid('migration-movers-what'))).toContainText('between 2025-09-01 and 2025-11-01');
  await page.selectOption(tid('migration-pair-to'), '2026-01-01');
  await expect(sankey).toHaveAttribute('data-to', '2026-01-01');
  await expect(page.locator(tid('migration-movers-total'))).toHaveAttribute('data-total', String(flowTotal));

  // Dark.
  await dismissToasts(page);
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.locator(tid('migration-main')).evaluate((el) => el.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await snap(page, '106-migration-dark');
  await page.click(tid('migration-measure-shares'));
  await page.click(tid('migration-view-matrix'));
  await page.waitForTimeout(300);
  await snap(page, '106b-migration-dark-shares-matrix');
  await page.click(tid('migration-view-sankey'));
  await page.click(tid('migration-measure-counts'));
  await page.emulateMedia({ colorScheme: 'light' });

  // Too many weekly dates: said, with a way out.
  await page.selectOption(tid('migration-step'), 'weekly');
  await page.fill(tid('migration-start'), '2025-01-01');
  await expect(page.locator(tid('migration-setup-problem'))).toContainText('too many');
  await expect(page.locator(tid('migration-run'))).toBeDisabled();
  await expect(page.locator(tid('migration-stale'))).toBeVisible();
  await snap(page, '107-migration-too-many');
  await page.click(tid('migration-fit-dates'));
  await expect(page.locator(tid('migration-date-count'))).toHaveText('36 dates');
  await expect(page.locator(tid('migration-run'))).toBeEnabled();

  // RFM groups over the same four months, in a 1024x700 window.
  await page.click(tid('migration-dates-reset'));
  await page.selectOption(tid('migration-step'), 'monthly');
  await page.fill(tid('migration-start'), '2025-09-01');
  await page.selectOption(tid('migration-ref'), 'rfm');
  await run(page);
  await expect(page.locator(tid('migration-status'))).toContainText('RFM groups · 5 dates');
  const r = await summary(page);
  expect(r.moved + r.stayed + r.entered).toBe(r.customers);
  await expect(page.locator(tid('migration-sankey'))).toHaveAttribute('data-total', String(r.customers));
  // Another segmentation: the flow filter is gone, every move is listed.
  await expect(page.locator(tid('migration-filter-from'))).toHaveValue('');
  await expect(page.locator(tid('migration-movers-total'))).toHaveAttribute('data-total', String(r.moved));
  await page.setViewportSize({ width: 1024, height: 700 });
  await dismissToasts(page);
  await page.locator(tid('migration-main')).evaluate((el) => el.scrollTo(0, 0));
  await page.waitForTimeout(300);
  await snap(page, '108-migration-rfm-1024x700');
  await page.locator(tid('migration-pair')).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await snap(page, '109-migration-rfm-1024x700-sankey');

  rmSync(outDir, { recursive: true, force: true });
  expectOnlyLocalRequests(shell);
});
