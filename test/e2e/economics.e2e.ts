// Economics end to end, as a strategist uses it: the RFM groups of a sample workspace as of the
// newest data (no outcome window: the view says so and offers an earlier date), then as of a date
// with a complete window — one table row per group, the quadrant drawn; "don't compete" on a
// segment refused without a rationale, then saved with one — its badge in the table, its colour in
// the chart, its history, and the badge in Rules → RFM (and a saved segment's in the segment and
// priority lists); the exclusion list exported through the
// save dialog to a temp folder (and replaced when asked) and checked against the table; a margin
// setting changed and the net values following. Screenshots 110-119 in light, dark and 1024x700.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect, snap, expectOnlyLocalRequests, root as repoRoot } from './harness.ts';
import type { Page } from '@playwright/test';

const tid = (id: string) => `[data-testid="${id}"]`;

interface Row {
  key: string;
  name: string;
  customers: number;
  net: number;
  decision: string;
}

async function tableRows(page: Page): Promise<Row[]> {
  return page.locator(tid('economics-row')).evaluateAll((els) =>
    els.map((e) => ({
      key: e.getAttribute('data-key') ?? '',
      name: e.getAttribute('data-name') ?? '',
      customers: Number(e.getAttribute('data-customers')),
      net: Number(e.getAttribute('data-net')),
      decision: e.getAttribute('data-decision') ?? '',
    })),
  );
}

/** Toasts would cover what the screenshots show; nor may the pointer highlight anything. */
async function dismissToasts(page: Page) {
  const close = page.locator('.toast button[aria-label="Dismiss"]');
  while ((await close.count()) > 0) await close.first().click();
  await page.mouse.move(5, 5);
}

/** The results column back at its top (a click on a row lower down scrolls it). */
async function toTop(page: Page) {
  await page.locator(tid('economics-main')).evaluate((el) => el.scrollTo(0, 0));
}

/** Waits until no table is being computed and the one on screen answers the set-up. */
async function settled(page: Page) {
  await expect(page.locator(tid('economics-progress'))).toHaveCount(0, { timeout: 90_000 });
  await expect(page.locator(tid('economics-first-progress'))).toHaveCount(0, { timeout: 90_000 });
  await expect(page.locator(tid('economics-main'))).not.toHaveAttribute('data-stale', /.*/);
  await expect(page.locator(tid('economics-row')).first()).toBeVisible();
}

test('economics: quadrant and table as of a date, a decision with rationale, badges, exclusion list, settings', async ({ page, shell }) => {
  test.setTimeout(300_000);
  const outDir = mkdtempSync(join(tmpdir(), 'segwb-exclusions-'));
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(shell.openUrl);

    // A small sample workspace: 18 months of events and purchases, no cluster model, no prediction.
    await page.click(tid('nav-data'));
    await page.click(tid('create-sample'));
    await page.fill(tid('sample-customers-input'), '1500');
    await page.click(tid('sample-start'));
    await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 90_000 });

    // ---------- as of the newest data: nothing to observe conversion in ----------
    await page.click(tid('nav-economics'));
    await expect(page.locator(tid('view-economics'))).toBeVisible();
    await settled(page);
    // No cluster model yet: RFM is offered first.
    await expect(page.locator(tid('economics-segmentation'))).toHaveValue('rfm');
    await page.selectOption(tid('economics-segmentation'), 'rfm');
    const note = page.locator(tid('economics-likelihood-note'));
    await expect(note).toHaveAttribute('data-source', 'none');
    await expect(note).toContainText('no purchase prediction is fitted');
    await expect(page.locator(tid('economics-quadrant-empty'))).toBeVisible();
    await expect(page.locator(tid('economics-asof'))).toHaveAttribute('data-default', 'true');
    const latest = await page.locator(tid('economics-asof')).inputValue();
    await dismissToasts(page);
    await snap(page, '110-economics-latest');

    // ---------- an earlier date: a complete 30-day outcome window ----------
    await page.click(tid('economics-use-earlier'));
    await settled(page);
    await expect(note).toHaveAttribute('data-source', 'observed');
    const asOf = await page.locator(tid('economics-asof')).inputValue();
    expect(asOf < latest).toBe(true);
    await expect(page.locator(tid('economics-status'))).toContainText(`as of ${asOf}`);
    // One row per RFM group (the default nine, "other" and "no purchase yet"), adding up to all customers.
    const rows = await tableRows(page);
    expect(rows.map((r) => r.key)).toEqual(['champions', 'loyal', 'potential-loyalist', 'new', 'needs-attention', 'cant-lose', 'at-risk', 'hibernating', 'lost', 'other', 'none']);
    const all = page.locator(tid('economics-all-row'));
    expect(rows.reduce((s, r) => s + r.customers, 0)).toBe(Number(await all.getAttribute('data-customers')));
    // The quadrant draws every segment that has customers.
    const quadrant = page.locator(tid('economics-quadrant'));
    await expect(quadrant.locator('canvas').first()).toBeVisible();
    await expect(quadrant).toHaveAttribute('data-points', String(rows.filter((r) => r.customers > 0).length));
    // A click on a bubble selects its segment (its row and the decision panel).
    const chart = page.locator(tid('economics-quadrant-chart'));
    const centres = Object.fromEntries(
      ((await chart.getAttribute('data-bubbles')) ?? '').split(' ').map((e) => {
        const [key, xy] = e.split(':');
        return [key!, xy!.split(',').map(Number) as [number, number]];
      }),
    );
    const box = (await chart.boundingBox())!;
    await page.mouse.click(box.x + centres.champions![0], box.y + centres.champions![1]);
    await expect(page.locator(tid('economics-decision'))).toHaveAttribute('data-key', 'champions');
    await expect(page.locator(`${tid('economics-row')}[data-key="champions"]`)).toHaveClass(/selected/);
    await page.click(`${tid('economics-decision')} button[aria-label="Close the segment"]`);
    await expect(page.locator(tid('economics-decision-empty'))).toBeVisible();
    // A missing figure says why.
    const emptyCell = page.locator(`${tid('economics-row')}[data-key="other"] td[data-col="aov"]`);
    if (rows.find((r) => r.key === 'other')!.customers === 0) await expect(emptyCell).toHaveAttribute('title', /No customers/);
    // Sorting by net value: highest first, the all-customers row stays at the bottom.
    await page.click(tid('economics-sort-netValue'));
    const sorted = (await tableRows(page)).map((r) => r.net);
    expect(sorted).toEqual([...sorted].sort((a, b) => b - a));
    await expect(page.locator(`${tid('economics-table')} tfoot tr`)).toHaveCount(1);
    await dismissToasts(page);
    await snap(page, '111-economics-observed');

    // ---------- a decision: "don't compete" needs a rationale ----------
    const target = rows.find((r) => r.key === 'lost')!;
    await page.click(`${tid('economics-row')}[data-key="lost"] th`);
    const panel = page.locator(tid('economics-decision'));
    await expect(panel).toHaveAttribute('data-key', 'lost');
    await expect(panel.locator('h3')).toHaveText(target.name);
    await page.click(tid('economics-decide-dont-compete'));
    await page.click(tid('economics-decision-save'));
    await expect(page.locator(tid('economics-issue-rationale'))).toContainText('say why');
    await dismissToasts(page);
    await toTop(page);
    await snap(page, '112-economics-rationale-required');
    const rationale = 'Lapsed buyers: win-back offers cost more margin than they bring back.';
    await page.fill(tid('economics-rationale'), rationale);
    await expect(page.locator(tid('economics-issue-rationale'))).toHaveCount(0);
    await page.click(tid('economics-decision-save'));
    // The badge in the table row and the panel, the colour in the chart, the history.
    const lostRow = page.locator(`${tid('economics-row')}[data-key="lost"]`);
    await expect(lostRow).toHaveAttribute('data-decision', 'dont-compete');
    await expect(lostRow.locator(tid('decision-badge'))).toHaveText('Don’t compete');
    await expect(lostRow.locator(tid('decision-badge'))).toHaveAttribute('title', new RegExp(`Why: ${rationale}`));
    await expect(panel.locator(tid('decision-badge'))).toHaveAttribute('data-decision', 'dont-compete');
    await expect(quadrant).toHaveAttribute('data-decisions', 'lost:dont-compete');
    const history = page.locator(tid('economics-history-item'));
    await expect(history).toHaveCount(1);
    await expect(history.first()).toHaveAttribute('data-decision', 'dont-compete');
    await expect(history.first()).toContainText(rationale);
    await expect(history.first()).toContainText(`Figures as of ${asOf}`);
    await expect(history.first()).toContainText('RFM settings');
    // Another segment kept: compete, with its own history; the export button counts the excluded.
    await page.click(`${tid('economics-row')}[data-key="champions"] th`);
    await expect(panel).toHaveAttribute('data-key', 'champions');
    await page.click(tid('economics-decide-compete'));
    await page.click(tid('economics-decision-save'));
    await expect(page.locator(`${tid('economics-row')}[data-key="champions"]`)).toHaveAttribute('data-decision', 'compete');
    await expect(quadrant).toHaveAttribute('data-decisions', /champions:compete/);
    await expect(page.locator(tid('exclusions-export'))).toContainText('1');
    await page.click(`${tid('economics-row')}[data-key="lost"] th`);
    await expect(history).toHaveCount(1);
    await dismissToasts(page);
    await page.waitForTimeout(300);
    await toTop(page);
    await snap(page, '113-economics-decided');

    // ---------- the badge wherever the segment appears: Rules → RFM ----------
    await page.click(tid('nav-rules'));
    await page.click(tid('rules-tab-rfm'));
    const rfmLost = page.locator(`${tid('rfm-group-summary')}[data-group-id="lost"]`);
    await expect(rfmLost.locator(tid('decision-badge'))).toHaveAttribute('data-decision', 'dont-compete', { timeout: 60_000 });
    await expect(page.locator(`${tid('rfm-group-summary')}[data-group-id="champions"] ${tid('decision-badge')}`)).toHaveAttribute('data-decision', 'compete');
    await expect(page.locator(`${tid('rfm-group-summary')}[data-group-id="loyal"] ${tid('decision-badge')}`)).toHaveCount(0);
    await dismissToasts(page);
    await page.locator(tid('rfm-group-table')).scrollIntoViewIfNeeded();
    await page.waitForTimeout(300);
    await snap(page, '114-rules-rfm-badges');

    // A saved segment made from a group, decided on its own: the same badge in the segment list
    // and in the priority list (one segment, one decision).
    await page.locator(`${tid('rfm-group-summary')}[data-group-id="loyal"] ${tid('rfm-use-as-segment')}`).click();
    await expect(page.locator(tid('rules-panel-segments'))).toBeVisible();
    const segmentName = await page.locator(tid('rule-name')).inputValue();
    await page.click(tid('rule-save'));
    const item = page.locator(`${tid('segment-item')}[data-name="${segmentName}"]`);
    await expect(item).toBeVisible();
    const segmentId = await item.getAttribute('data-segment-id');
    await page.click(tid('nav-economics'));
    await page.selectOption(tid('economics-segmentation'), `segment:${segmentId}`);
    await settled(page);
    expect((await tableRows(page)).map((r) => r.key)).toEqual(['in', 'out']);
    await page.click(`${tid('economics-row')}[data-key="in"] th`);
    await page.click(tid('economics-decide-maintain'));
    await page.fill(tid('economics-rationale'), 'Loyal buyers: keep them happy, no extra spend.');
    await page.click(tid('economics-decision-save'));
    await expect(page.locator(`${tid('economics-row')}[data-key="in"]`)).toHaveAttribute('data-decision', 'maintain');
    await page.click(tid('nav-rules'));
    await page.click(tid('rules-tab-segments'));
    await expect(item.locator(tid('decision-badge'))).toHaveAttribute('data-decision', 'maintain');
    await dismissToasts(page);
    await page.screenshot({ path: join(repoRoot, 'test-results', 'economics', 'segments-badge.png') });
    await page.click(tid('rules-tab-priority'));
    await expect(page.locator(`${tid('priority-row')}[data-segment-id="${segmentId}"] ${tid('decision-badge')}`)).toHaveAttribute('data-decision', 'maintain');
    await page.screenshot({ path: join(repoRoot, 'test-results', 'economics', 'priority-badge.png') });
    await page.click(tid('nav-economics'));
    await page.selectOption(tid('economics-segmentation'), 'rfm');
    await settled(page);
    await expect(page.locator(tid('economics-asof'))).toHaveValue(asOf);

    // ---------- the exclusion list, through the save dialog, to a temp folder ----------
    await page.click(tid('exclusions-export'));
    const dialog = page.locator(tid('file-dialog'));
    await expect(dialog).toBeVisible();
    await expect(page.locator(tid('file-dialog-name'))).toHaveValue(/-exclusions\.csv$/);
    await page.fill(tid('file-dialog-path'), outDir);
    await page.press(tid('file-dialog-path'), 'Enter');
    await expect(page.locator(tid('file-dialog-path'))).toHaveValue(outDir);
    await page.fill(tid('file-dialog-name'), 'do-not-target');
    await page.press(tid('file-dialog-name'), 'Enter');
    await expect(dialog).toHaveCount(0);
    const out = join(outDir, 'do-not-target.csv');
    const result = page.locator(tid('exclusions-result'));
    await expect(result).toHaveAttribute('data-path', out, { timeout: 60_000 });
    const written = Number(await result.getAttribute('data-rows'));
    expect(written).toBeGreaterThan(0);
    await expect(page.locator(tid('exclusions-segment'))).toHaveCount(1);
    await expect(page.locator(tid('exclusions-segment'))).toContainText(target.name);
    await expect(page.locator(tid('exclusions-segment'))).toHaveAttribute('data-customers', String(written));
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('customer_id,excluded_by,segment_ids');
    expect(lines).toHaveLength(written + 1);
    for (const line of lines.slice(1)) expect(line).toMatch(new RegExp(`^[^,]+,${target.name},rfm:lost$`));
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0])).size).toBe(written);
    await page.waitForTimeout(300);
    await snap(page, '115-economics-exclusions-exported');
    await page.click(tid('exclusions-result-close'));
    // The same file again: asked before it is replaced.
    await page.click(tid('exclusions-export'));
    await expect(dialog).toBeVisible();
    await page.fill(tid('file-dialog-path'), outDir);
    await page.press(tid('file-dialog-path'), 'Enter');
    await page.fill(tid('file-dialog-name'), 'do-not-target.csv');
    await page.click(tid('file-dialog-confirm'));
    await expect(page.locator(tid('exclusions-replace-dialog'))).toContainText('already exists');
    await page.click(tid('exclusions-replace-confirm'));
    await expect(result).toHaveAttribute('data-rows', String(written), { timeout: 60_000 });
    await page.click(tid('exclusions-result-close'));

    // ---------- settings: a higher margin raises every net value ----------
    const before = await tableRows(page);
    const allBefore = Number(await all.getAttribute('data-net'));
    await expect(page.locator(tid('economics-settings-summary'))).toContainText('Margin 30% ·');
    await page.click(tid('economics-settings-open'));
    const settingsDialog = page.locator(tid('economics-settings-dialog'));
    await expect(settingsDialog).toBeVisible();
    await expect(page.locator(tid('economics-settings-margin'))).toHaveValue('30');
    await page.fill(tid('economics-settings-margin'), '150');
    await page.click(tid('economics-settings-save'));
    await expect(page.locator(tid('economics-settings-issue-margin'))).toContainText('0 to 100');
    await page.fill(tid('economics-settings-margin'), '50');
    await page.waitForTimeout(200);
    await toTop(page);
    await snap(page, '116-economics-settings');
    await page.click(tid('economics-settings-save'));
    await expect(settingsDialog).toHaveCount(0);
    await expect(page.locator(tid('economics-settings-summary'))).toContainText('Margin 50% ·');
    await expect.poll(async () => Number(await all.getAttribute('data-net')), { timeout: 60_000 }).toBeGreaterThan(allBefore);
    await settled(page);
    const after = await tableRows(page);
    const champsBefore = before.find((r) => r.key === 'champions')!.net;
    const champsAfter = after.find((r) => r.key === 'champions')!.net;
    expect(champsAfter).toBeGreaterThan(champsBefore);
    // Customers are the same; only the money moved. The decisions stay.
    expect(after.map((r) => [r.key, r.customers])).toEqual(before.map((r) => [r.key, r.customers]));
    expect(after.find((r) => r.key === 'lost')!.decision).toBe('dont-compete');
    await dismissToasts(page);
    await page.waitForTimeout(300);
    await toTop(page);
    await snap(page, '117-economics-margin-50');

    // ---------- dark, and a small window ----------
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await page.click(`${tid('economics-row')}[data-key="lost"] th`);
    await dismissToasts(page);
    await page.waitForTimeout(400);
    await toTop(page);
    await snap(page, '118-economics-dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize({ width: 1024, height: 700 });
    await toTop(page);
    await page.waitForTimeout(400);
    await snap(page, '119-economics-1024x700');

    // ---------- clusters: a decision follows the cluster into the Clusters view ----------
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.click(tid('nav-clusters'));
    const computeSignals = page.locator(tid('clusters-compute-signals'));
    if (await computeSignals.isVisible()) await computeSignals.click();
    await expect(page.locator(tid('cluster-fit'))).toBeEnabled({ timeout: 90_000 });
    await page.click(tid('cluster-fit'));
    await expect(page.locator(tid('cluster-card')).first()).toBeVisible({ timeout: 120_000 });
    const clusterKey = await page.locator(tid('cluster-card')).first().getAttribute('data-key');
    await page.click(tid('nav-economics'));
    // The new model is offered (the view keeps the segmentation chosen before).
    const clusterOption = page.locator(`${tid('economics-segmentation')} option[value^="clusters"]`);
    await expect(clusterOption).toHaveCount(1);
    await expect(page.locator(tid('economics-segmentation'))).toHaveValue('rfm');
    await page.selectOption(tid('economics-segmentation'), (await clusterOption.getAttribute('value'))!);
    await settled(page);
    await page.click(`${tid('economics-row')}[data-key="${clusterKey}"] th`);
    await page.click(tid('economics-decide-compete'));
    await page.click(tid('economics-decision-save'));
    await expect(page.locator(`${tid('economics-row')}[data-key="${clusterKey}"]`)).toHaveAttribute('data-decision', 'compete');
    await page.click(tid('nav-clusters'));
    await expect(page.locator(`${tid('cluster-card')}[data-key="${clusterKey}"] ${tid('decision-badge')}`)).toHaveAttribute('data-decision', 'compete');
    await dismissToasts(page);
    await page.screenshot({ path: join(repoRoot, 'test-results', 'economics', 'clusters-badge.png') });

    expectOnlyLocalRequests(shell);
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
});
