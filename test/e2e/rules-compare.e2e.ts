// Comparing segmentations end to end, as an analyst does it: a sample workspace, clusters fitted
// in the Clusters view, then in Rules & Compare: clusters against RFM and against the funnel
// phases (ARI, NMI, separation, the heatmap in its four measures, outcome tables sorted), swap A
// and B, select a cell and save it as a segment through the rule builder (counted as of the
// comparison's date, so it holds the cell's customers; "did not purchase in the last 30 days"
// added there), the saved segment offered for comparison, and 30 clusters
// against the RFM groups staying readable. Screenshots 87-92 in light, dark and a 1024x700 window.
import { test, expect, snap, expectOnlyLocalRequests } from './harness.ts';
import type { Page } from '@playwright/test';

const tid = (id: string) => `[data-testid="${id}"]`;

async function fitClusters(page: Page, k: number) {
  await page.click(tid('nav-clusters'));
  const compute = page.locator(tid('clusters-compute-signals'));
  const setup = page.locator(tid('cluster-setup'));
  await expect(compute.or(setup)).toBeVisible({ timeout: 60_000 });
  if (await compute.isVisible()) await compute.click();
  await expect(setup).toBeVisible({ timeout: 90_000 });
  await page.fill(tid('cluster-k'), String(k));
  await page.press(tid('cluster-k'), 'Enter');
  await page.click(tid('cluster-fit'));
  await expect(page.locator(tid('cluster-card'))).toHaveCount(k, { timeout: 120_000 });
}

async function openCompare(page: Page) {
  await page.click(tid('nav-rules'));
  await page.click(tid('rules-tab-compare'));
  await expect(page.locator(tid('compare-setup'))).toBeVisible({ timeout: 30_000 });
}

async function compare(page: Page) {
  await page.click(tid('compare-run'));
  await expect(page.locator(tid('compare-progress'))).toBeHidden({ timeout: 120_000 });
  await expect(page.locator(tid('compare-run'))).toContainText('Compare again');
}

/** The keys of the heatmap's rows (A) and columns (B), top-down and left to right. */
async function labels(page: Page) {
  const rows = await page.locator(tid('compare-row-label')).evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));
  const cols = await page.locator(tid('compare-col-label')).evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));
  return { rows, cols };
}

/** Clicks the middle of heatmap cell (row, column). */
async function clickCell(page: Page, row: number, column: number) {
  const chart = page.locator(`${tid('compare-heatmap')} .cmp-hm-chart`);
  const { rows, cols } = await labels(page);
  const box = (await chart.boundingBox())!;
  await page.mouse.click(box.x + (box.width / cols.length) * (column + 0.5), box.y + (box.height / rows.length) * (row + 0.5));
}

const rates = (page: Page, side: 'a' | 'b') =>
  page.locator(`${tid(`compare-outcome-table-${side}`)} ${tid('compare-outcome-row')}`).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-rate'))));

test('compare: clusters against RFM and phases, heatmap measures, a cell saved as a segment', async ({ page, shell }) => {
  test.setTimeout(360_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.openUrl);

  await page.click(tid('create-sample'));
  await page.fill(tid('sample-customers-input'), '4000');
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 90_000 });
  await fitClusters(page, 6);

  // The set-up: clusters against RFM by default; unavailable segmentations disabled with the
  // reason; the as-of date leaves a complete 30-day outcome window, and the hint says so.
  await openCompare(page);
  await expect(page.locator(tid('compare-empty'))).toContainText('Nothing compared yet');
  const a = page.locator(tid('compare-a-select'));
  const b = page.locator(tid('compare-b-select'));
  await expect(a).toHaveValue(/^clusters:\d+$/);
  await expect(b).toHaveValue('rfm');
  await expect(page.locator(`${tid('compare-a-select')} option[value="propensity"]`)).toBeDisabled();
  await expect(page.locator(`${tid('compare-a-select')} option[value="propensity"]`)).toContainText('fit one in the Predict view');
  await expect(page.locator(tid('compare-unavailable'))).toContainText('Propensity bands');
  await expect(page.locator(tid('compare-asof'))).toHaveValue('2025-12-02');
  await expect(page.locator(tid('compare-outcome-days'))).toHaveValue('30');
  await expect(page.locator(tid('compare-asof-hint'))).toContainText('to 2025-12-31, the newest day with data, so the outcome window is complete');
  // A longer window moves the default date with it; a date past the data warns.
  await page.fill(tid('compare-outcome-days'), '60');
  await page.press(tid('compare-outcome-days'), 'Enter');
  await expect(page.locator(tid('compare-asof'))).toHaveValue('2025-11-02');
  await page.fill(tid('compare-asof'), '2025-12-20');
  await expect(page.locator(tid('compare-asof-hint'))).toHaveAttribute('data-tone', 'warning');
  await page.click(tid('compare-asof-reset'));
  await page.fill(tid('compare-outcome-days'), '30');
  await page.press(tid('compare-outcome-days'), 'Enter');
  await expect(page.locator(tid('compare-asof'))).toHaveValue('2025-12-02');
  await snap(page, '87-compare-setup');

  // Clusters against RFM: agreement in numbers and words, the verdict, the heatmap, the tables.
  await compare(page);
  const ari = page.locator(tid('compare-ari'));
  await expect(ari).toHaveText(/^−?\d\.\d\d$/);
  await expect(page.locator(tid('compare-nmi'))).toHaveText(/^\d\.\d\d$/);
  await expect(page.locator(tid('compare-ari-text'))).toContainText(/^−?\d\.\d\d: the two segmentations /);
  await expect(page.locator(tid('compare-nmi-text'))).toContainText('knowing a customer’s segment');
  const ariRfm = await ari.textContent();
  await expect(page.locator(tid('compare-separation-text'))).toContainText('AUC');
  await expect(page.locator(tid('compare-auc-a'))).toHaveText(/^0\.\d{3} \(0\.\d{3}–0\.\d{3}\)$/);
  await expect(page.locator(tid('compare-auc-combined'))).toHaveText(/^0\.\d{3} /);
  const customers = Number((await page.locator(tid('compare-customers')).textContent())!.replace(/,/g, ''));
  expect(customers).toBeGreaterThan(3000);
  const { rows, cols } = await labels(page);
  expect(rows.length).toBeGreaterThanOrEqual(5);
  expect(cols).toContain('champions');
  await expect(page.locator(`${tid('compare-heatmap')} canvas`).first()).toBeVisible();
  // Outcome tables: every segment with customers, a rate with its interval; sorted by rate on a click.
  await expect(page.locator(`${tid('compare-outcome-table-a')} ${tid('compare-outcome-row')}`)).toHaveCount(rows.length);
  await expect(page.locator(`${tid('compare-outcome-table-b')} ${tid('compare-outcome-row')}`)).toHaveCount(cols.length);
  await expect(page.locator(`${tid('compare-outcome-table-a')} ${tid('compare-outcome-rate')}`).first()).toHaveText(/^\d+\.\d+%$/);
  await page.click(tid('compare-sort-a-rate'));
  const sorted = await rates(page, 'a');
  expect(sorted).toEqual([...sorted].sort((x, y) => y - x));
  await page.click(tid('compare-sort-a-rate'));
  const ascending = await rates(page, 'a');
  expect(ascending).toEqual([...sorted].reverse());
  // Click a cell: it is selected, its figures are shown.
  await clickCell(page, 1, 0);
  await expect(page.locator(tid('compare-cell'))).toHaveAttribute('data-selected', `${rows[1]}|${cols[0]}`);
  await expect(page.locator(tid('compare-cell-name'))).toContainText(' ∩ ');
  await expect(page.locator(tid('compare-cell-rate'))).toHaveText(/%/);
  await snap(page, '88-compare-result');
  // Hovering a cell tells its figures.
  const chart = page.locator(`${tid('compare-heatmap')} .cmp-hm-chart`);
  const chartBox = (await chart.boundingBox())!;
  await page.mouse.move(chartBox.x + (chartBox.width / cols.length) * (cols.length - 1.5), chartBox.y + (chartBox.height / rows.length) * (rows.length - 0.5));
  await expect(page.locator('div').filter({ hasText: /^.+ ∩ .+Customers: .+Jaccard: / }).last()).toBeVisible();
  await snap(page, '88c-compare-hover');
  await page.mouse.move(5, 300);
  await page.locator(tid('compare-outcome-a')).scrollIntoViewIfNeeded();
  await snap(page, '88b-compare-outcomes');
  await page.locator(tid('compare-main')).evaluate((el) => el.scrollTo(0, 0));

  // The measures: row shares, column shares, Jaccard.
  for (const m of ['row', 'column', 'jaccard', 'counts']) {
    await page.click(tid(`compare-measure-${m}`));
    await expect(page.locator(tid(`compare-measure-${m}`))).toHaveAttribute('aria-checked', 'true');
  }

  // Clusters against the funnel phases: another pair, another agreement.
  await b.selectOption('phases');
  await expect(page.locator(tid('compare-stale'))).toBeVisible();
  await compare(page);
  await expect(page.locator(tid('compare-b-label'))).toHaveText('Funnel phases');
  await expect(page.locator(tid('compare-col-label'))).toHaveCount(4);
  await expect(ari).toHaveText(/^−?\d\.\d\d$/);
  expect(await ari.textContent()).not.toBe(ariRfm);
  await expect(page.locator(`${tid('compare-outcome-table-b')} ${tid('compare-outcome-row')}`)).toHaveCount(4);

  // Swap: phases become A and the comparison follows.
  await page.click(tid('compare-swap'));
  await expect(page.locator(tid('compare-a-label'))).toHaveText('Funnel phases', { timeout: 60_000 });
  await expect(page.locator(tid('compare-row-label'))).toHaveCount(4);
  await page.click(tid('compare-swap'));
  await expect(page.locator(tid('compare-b-label'))).toHaveText('Funnel phases', { timeout: 60_000 });
  await expect(page.locator(tid('compare-progress'))).toBeHidden({ timeout: 60_000 });

  // Row shares in the dark.
  await page.click(tid('compare-measure-row'));
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await clickCell(page, 0, 0);
  await page.mouse.move(5, 300);
  await snap(page, '89-compare-shares-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Back to RFM; choose the cluster that holds the most Champions with the cell picker (the
  // keyboard way), and save that cell as a segment.
  await b.selectOption('rfm');
  await compare(page);
  let best = { key: '', count: -1 };
  for (const key of rows) {
    await page.selectOption(tid('compare-cell-a'), key);
    await page.selectOption(tid('compare-cell-b'), 'champions');
    const n = Number((await page.locator(tid('compare-cell-count')).textContent())!.replace(/,/g, ''));
    if (n > best.count) best = { key, count: n };
  }
  expect(best.count).toBeGreaterThan(0);
  await page.selectOption(tid('compare-cell-a'), best.key);
  await expect(page.locator(tid('compare-cell'))).toHaveAttribute('data-selected', `${best.key}|champions`);
  const cellName = (await page.locator(tid('compare-cell-name')).textContent())!;
  expect(cellName).toMatch(/ ∩ Champions$/);

  // The small window: everything reachable, the heatmap scrolls inside its card.
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.locator(tid('compare-heatmap')).scrollIntoViewIfNeeded();
  await snap(page, '90-compare-small-window');
  // The selected cell sits under the heatmap here, laid out across.
  await page.locator(tid('compare-save-cell')).scrollIntoViewIfNeeded();
  await expect(page.locator(tid('compare-save-cell'))).toBeInViewport();
  await snap(page, '90b-compare-small-window-cell');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Save as segment: the builder opens in the Segments tab with both conditions as a draft.
  await page.click(tid('compare-save-cell'));
  await expect(page.locator(tid('rules-tab-segments'))).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(tid('rule-builder'))).toBeVisible();
  await expect(page.locator(tid('rule-name'))).toHaveValue(cellName);
  const conditions = page.locator(`${tid('rule-tree')} ${tid('rule-condition')}`);
  await expect(conditions).toHaveCount(2);
  await expect(page.locator(`${tid('rule-condition')}[data-kind="segment"]`)).toHaveCount(2);
  await expect(page.locator(`${tid('cond-segment')}[data-key="champions"] input`)).toBeChecked();
  // Counted as of the comparison's date, the draft holds exactly the cell's customers.
  await expect(page.locator(tid('rule-asof'))).toHaveValue('2025-12-02');
  await expect(page.locator(tid('rule-asof'))).toHaveAttribute('data-own-date', 'true');
  await expect(page.locator(tid('rule-total'))).toHaveAttribute('data-fresh', 'true', { timeout: 60_000 });
  expect(Number(await page.locator(tid('rule-total')).getAttribute('data-matched'))).toBe(best.count);
  // "… and did not purchase in the last 30 days", then save.
  await page.click(tid('add-condition'));
  await page.click(tid('add-event'));
  await expect(conditions).toHaveCount(3);
  await page.locator(`${tid('rule-condition')}[data-kind="event"] ${tid('cond-did')}`).selectOption('did-not');
  await expect(page.locator(tid('rule-total'))).toHaveAttribute('data-fresh', 'true', { timeout: 60_000 });
  // Still as of the comparison's date: part of the cell.
  const matched = Number(await page.locator(tid('rule-total')).getAttribute('data-matched'));
  expect(matched).toBeGreaterThanOrEqual(0);
  expect(matched).toBeLessThanOrEqual(best.count);
  await page.click(tid('rule-save'));
  await expect(page.locator(tid('rule-save-state'))).toHaveAttribute('data-state', 'saved', { timeout: 30_000 });
  await expect(page.locator(tid('segment-item')).filter({ hasText: cellName })).toHaveCount(1);
  await snap(page, '91-compare-cell-saved');

  // The saved segment is now something to compare with.
  await page.click(tid('rules-tab-compare'));
  await expect(page.locator(`${tid('compare-b-select')} option[value^="segment:"]`)).toHaveCount(1);
  await expect(page.locator(`${tid('compare-b-select')} option[value="rules"]`)).toBeEnabled();

  // 30 clusters against the 11 RFM groups: names shortened with the full name on hover, the
  // grid scrolls with its names in view.
  await fitClusters(page, 30);
  await openCompare(page);
  await expect(a).toHaveValue(/^clusters:\d+$/);
  const newest = await page.locator(`${tid('compare-a-select')} option`).evaluateAll((els) => els.find((e) => e.textContent!.includes('k = 30'))?.getAttribute('value'));
  await a.selectOption(newest!);
  await b.selectOption('rfm');
  await compare(page);
  await expect(page.locator(tid('compare-row-label'))).toHaveCount(30);
  const firstRow = page.locator(tid('compare-row-label')).first();
  expect(await firstRow.getAttribute('title')).toMatch(/ — [\d,]+ customers \(/);
  const scroller = page.locator(tid('compare-heatmap-scroll'));
  const size = await scroller.evaluate((el) => ({ client: el.clientHeight, scroll: el.scrollHeight }));
  expect(size.scroll).toBeGreaterThan(size.client);
  await scroller.evaluate((el) => el.scrollTo(0, 400));
  await page.locator(tid('compare-heatmap')).scrollIntoViewIfNeeded();
  await expect(page.locator(tid('compare-col-label')).first()).toBeInViewport();
  await snap(page, '92-compare-30-clusters');

  expectOnlyLocalRequests(shell);
});
