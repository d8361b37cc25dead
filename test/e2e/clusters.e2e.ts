// Clusters end to end, as an analyst uses them: the empty states (no workspace, no signals, no
// model), computing the signals from the view, choosing k by elbow/silhouette/stability, fitting,
// renaming a cluster, brushing points in the scatter and reading them in the members table,
// explaining a member, opening their timeline, the ground-truth evaluation, and a model from an
// earlier session coming back with a re-fit (names kept). Screenshots 40-* in light, dark and a
// 1024x700 window.
import { test, expect, snap, expectOnlyLocalRequests } from './harness.ts';
import type { Locator, Page } from '@playwright/test';

const tid = (id: string) => `[data-testid="${id}"]`;

const num = (s: string | null) => Number((s ?? '').replace(/[^\d.]/g, ''));

async function dragBox(page: Page, target: Locator, from: [number, number], to: [number, number]) {
  const box = (await target.boundingBox())!;
  await page.mouse.move(box.x + box.width * from[0], box.y + box.height * from[1]);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * to[0], box.y + box.height * to[1], { steps: 10 });
  await page.mouse.up();
}

async function lasso(page: Page, target: Locator, points: Array<[number, number]>) {
  const box = (await target.boundingBox())!;
  const at = ([x, y]: [number, number]) => [box.x + box.width * x, box.y + box.height * y] as const;
  await page.mouse.move(...at(points[0]!));
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(...at(p), { steps: 6 });
  await page.mouse.up();
}

test('clusters: compute signals, choose k, fit, rename, brush, explain, evaluate, re-fit', async ({ page, shell }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.openUrl);

  // No workspace: the view says what it needs and offers to make one.
  await page.click(tid('nav-clusters'));
  await expect(page.locator(tid('view-clusters'))).toContainText('Needs a workspace with computed signals');
  await snap(page, '40-clusters-no-workspace');

  // A small sample workspace (it carries hidden behaviour types, so the evaluation shows).
  await page.click(tid('nav-data'));
  await page.click(tid('create-sample'));
  await page.fill(tid('sample-customers-input'), '4000');
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 90_000 });

  // No signals yet: offered here, computed in the background, then the set-up appears.
  await page.click(tid('nav-clusters'));
  const needed = page.locator(tid('clusters-signals-needed'));
  await expect(needed).toContainText('Compute the signals first');
  await expect(page.locator(tid('clusters-go-signals'))).toBeVisible();
  await snap(page, '41-clusters-signals-needed');
  await page.click(tid('clusters-compute-signals'));
  await expect(page.locator(tid('cluster-setup'))).toBeVisible({ timeout: 90_000 });

  // No model yet: the default set-up (twelve signals, robust scaling) and what fitting does.
  await expect(page.locator(tid('clusters-no-model'))).toContainText('No clusters yet');
  await expect(page.locator(tid('cluster-signal-count'))).toContainText('12 chosen');
  await expect(page.locator(tid('cluster-scaling'))).toHaveValue('robust');
  await expect(page.locator(`${tid('cluster-signal-row')}[data-signal-id="orders"] ${tid('cluster-signal-check')}`)).toBeChecked();
  await expect(page.locator(tid('clusters-status'))).toContainText('ready to cluster');
  await snap(page, '42-clusters-no-model');

  // A weight on one signal, and one more signal: the count follows.
  const pricing = page.locator(`${tid('cluster-signal-row')}[data-signal-id="pricing_days_30d"]`);
  await pricing.locator(tid('cluster-signal-weight')).fill('2');
  await pricing.locator(tid('cluster-signal-weight')).press('Enter');
  await expect(pricing.locator(tid('cluster-signal-weight'))).toHaveValue('2');
  await page.click(tid('cluster-signals-none'));
  await expect(page.locator(tid('cluster-setup-problem'))).toContainText('at least one signal');
  await expect(page.locator(tid('cluster-fit'))).toBeDisabled();
  await page.click(tid('cluster-signals-default'));
  await expect(page.locator(tid('cluster-signal-count'))).toContainText('12 chosen');

  // Choose k: three criteria over k = 2..15, a recommendation with its reason; a click sets k.
  await page.click(tid('cluster-choose-k'));
  const rec = page.locator(tid('choose-k-recommendation'));
  await expect(rec).toBeVisible({ timeout: 120_000 });
  const recommended = Number(await rec.getAttribute('data-k'));
  expect(recommended).toBeGreaterThanOrEqual(2);
  expect(recommended).toBeLessThanOrEqual(15);
  expect((await page.locator(tid('choose-k-reason')).textContent())!.length).toBeGreaterThan(20);
  for (const m of ['inertiaPerCustomer', 'silhouette', 'stability']) await expect(page.locator(tid(`k-chart-${m}`)).locator('canvas').first()).toBeVisible();
  expect(await page.locator(`[data-testid^="k-choice-"]`).count()).toBe(14);
  const other = recommended === 4 ? 5 : 4;
  await page.click(tid(`k-choice-${other}`));
  await expect(page.locator(tid('cluster-k'))).toHaveValue(String(other));
  await expect(page.locator(tid('cluster-fit'))).toContainText(`Fit ${other} clusters`);
  await page.click(tid('choose-k-use'));
  await expect(page.locator(tid('cluster-k'))).toHaveValue(String(recommended));
  await expect(page.locator(tid('choose-k-in-use'))).toBeVisible();
  await snap(page, '43-clusters-choose-k');

  // Fit: progress with Cancel, then k cards whose sizes add up to the customers clustered.
  await page.click(tid('cluster-fit'));
  await expect(page.locator(tid('cluster-card'))).toHaveCount(recommended, { timeout: 120_000 });
  await expect(page.locator(tid('clusters-status'))).toContainText(`in ${recommended} clusters`);
  const sizes = await page.locator(tid('cluster-card')).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-size'))));
  const clustered = num(await page.locator(tid('clusters-status')).textContent().then((t) => t!.split(' customers')[0]!));
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(clustered);
  expect(clustered).toBeGreaterThan(3000);
  // Predicted CLV is not there yet: a dash that says why, never 0.
  const clv = page.locator(tid('cluster-clv')).first();
  await expect(clv).toHaveText('—');
  expect(await clv.locator('..').getAttribute('title')).toContain('not predicted yet');
  await expect(page.locator(tid('cluster-conversion')).first()).toHaveText(/^(\d+\.\d%|—)$/);
  // The profile heatmap and the scatter are drawn.
  await expect(page.locator(tid('cluster-profile')).locator('canvas').first()).toBeVisible();
  const scatter = page.locator(tid('cluster-scatter'));
  await expect(scatter).toHaveAttribute('data-points', String(clustered));
  await expect(page.locator(tid('projection-note'))).toContainText(`All ${clustered.toLocaleString('en-US')} customers`);
  // Sample data: the evaluation against the hidden behaviour types.
  await expect(page.locator(tid('evaluation-ari'))).toHaveText(/^-?\d\.\d{3}$/);
  await expect(page.locator(tid('evaluation-row'))).toHaveCount(recommended);
  await page.locator(tid('cluster-evaluation')).scrollIntoViewIfNeeded();
  await snap(page, '44b-clusters-evaluation');
  await page.locator(tid('clusters-main')).evaluate((el) => el.scrollTo(0, 0));

  // The members of the largest cluster are listed, nearest first.
  const largest = Math.max(...sizes);
  await expect(page.locator(tid('members-count'))).toContainText(`${largest.toLocaleString('en-US')} customers, nearest to the centroid first`);
  await expect(page.locator(tid('member-row')).first()).toBeVisible();

  // Rename a cluster: the new name is shown, kept, and stored with the model.
  const firstCard = page.locator(tid('cluster-card')).first();
  const generated = (await firstCard.locator(tid('cluster-name')).textContent())!;
  await firstCard.locator(tid('cluster-rename')).click();
  await page.fill(tid('cluster-name-input'), 'Weekend browsers');
  await page.press(tid('cluster-name-input'), 'Enter');
  await expect(firstCard.locator(tid('cluster-name'))).toHaveText('Weekend browsers');
  expect(await firstCard.locator(tid('cluster-name')).getAttribute('title')).toContain(`generated name: ${generated}`);
  await snap(page, '44-clusters-fitted-light');

  // Brush a box in the middle of the scatter: the selection's members fill the table.
  await page.locator(tid('cluster-projection')).scrollIntoViewIfNeeded();
  await expect(page.locator(tid('brush-tool-rect'))).toHaveAttribute('aria-pressed', 'true');
  await dragBox(page, scatter, [0.3, 0.3], [0.7, 0.75]);
  const selection = page.locator(tid('brush-selection'));
  await expect(selection).toBeVisible();
  const selected = Number(await selection.getAttribute('data-count'));
  expect(selected).toBeGreaterThan(0);
  expect(selected).toBeLessThan(clustered);
  await expect(page.locator(tid('members-title'))).toHaveText('Selected in the scatter');
  await expect(page.locator(tid('members-count'))).toHaveText(`${selected.toLocaleString('en-US')} customer${selected === 1 ? '' : 's'}`);
  await expect(page.locator(tid('members-table'))).toHaveAttribute('data-total', String(selected));
  await expect(page.locator(tid('member-row')).first()).toBeVisible();
  await snap(page, '45-clusters-brushed');

  // Explain a member: the sentence, the deciding signals, the distances; then their timeline.
  const member = page.locator(tid('member-row')).first();
  const customerId = (await member.getAttribute('data-customer-id'))!;
  await member.click();
  const explanation = page.locator(tid('cluster-explanation'));
  await expect(explanation).toHaveAttribute('data-customer-id', customerId);
  await expect(explanation.locator(tid('cluster-explanation-text'))).toContainText('Closest to');
  expect(await explanation.locator(tid('explanation-distance')).count()).toBe(recommended);
  await explanation.scrollIntoViewIfNeeded();
  await snap(page, '46-clusters-explanation');

  // A lasso replaces the box.
  await page.click(tid('brush-tool-polygon'));
  await page.locator(tid('cluster-projection')).scrollIntoViewIfNeeded();
  await lasso(page, scatter, [
    [0.35, 0.35],
    [0.65, 0.35],
    [0.65, 0.7],
    [0.35, 0.7],
  ]);
  await expect.poll(async () => Number(await selection.getAttribute('data-count'))).not.toBe(selected);
  const lassoed = Number(await selection.getAttribute('data-count'));
  expect(lassoed).toBeGreaterThan(0);
  await expect(page.locator(tid('members-table'))).toHaveAttribute('data-total', String(lassoed));

  // Hiding a cluster in the legend leaves it out of the selection; showing it brings it back.
  const chip = page.locator(tid('scatter-legend-chip')).first();
  const hiddenKey = (await chip.getAttribute('data-key'))!;
  await chip.click();
  await expect(chip).toHaveAttribute('aria-pressed', 'false');
  await expect.poll(async () => Number(await selection.getAttribute('data-count'))).toBeLessThan(lassoed);
  await expect(page.locator(tid('member-row')).first()).toBeVisible();
  await expect(page.locator(`${tid('member-row')}[data-key="${hiddenKey}"]`)).toHaveCount(0);
  await snap(page, '45b-clusters-legend-hidden');
  await chip.click();
  await expect.poll(async () => Number(await selection.getAttribute('data-count'))).toBe(lassoed);
  // The selection is still there after a visit to another view.
  await page.click(tid('nav-data'));
  await page.click(tid('nav-clusters'));
  await expect(selection).toHaveAttribute('data-count', String(lassoed));
  await expect(page.locator(tid('members-table'))).toHaveAttribute('data-total', String(lassoed));

  // Clearing the selection goes back to the chosen cluster; another card lists its members.
  await page.click(tid('brush-clear'));
  await expect(page.locator(tid('members-title'))).toContainText('Members of');
  const secondCard = page.locator(tid('cluster-card')).nth(1);
  await secondCard.locator(tid('cluster-show-members')).click();
  const secondSize = Number(await secondCard.getAttribute('data-size'));
  await expect(page.locator(tid('members-count'))).toContainText(`${secondSize.toLocaleString('en-US')} customer`);
  await expect(page.locator(tid('members-table'))).toHaveAttribute('data-total', String(secondSize));

  // The member's timeline is one click away.
  await page.locator(tid('member-row')).first().click();
  const opened = (await page.locator(tid('cluster-explanation')).getAttribute('data-customer-id'))!;
  await expect(page.locator(tid('cluster-explanation-text'))).toContainText('Closest to');
  await page.click(tid('cluster-open-timeline'));
  await expect(page.locator(tid('timeline-panel'))).toHaveAttribute('data-customer-id', opened);
  await page.click(tid('nav-clusters'));
  await expect(page.locator(tid('cluster-card'))).toHaveCount(recommended);

  // Dark, and a small window: still usable.
  await page.locator(tid('clusters-main')).evaluate((el) => el.scrollTo(0, 0));
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  await snap(page, '47-clusters-1440-dark');
  await page.locator(tid('cluster-projection')).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await snap(page, '47b-clusters-1440-dark-scatter');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.locator(tid('clusters-main')).evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator(tid('cluster-fit'))).toBeVisible();
  await expect(page.locator(tid('cluster-card')).first()).toBeVisible();
  await page.waitForTimeout(300);
  await snap(page, '48-clusters-1024x700-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(300);
  await snap(page, '49-clusters-1024x700-light');
  await page.locator(tid('cluster-members')).scrollIntoViewIfNeeded();
  await page.waitForTimeout(200);
  await snap(page, '49b-clusters-1024x700-members');
  // Narrower still: the set-up column shrinks, then moves above the results.
  await page.setViewportSize({ width: 860, height: 640 });
  await page.locator(tid('clusters-main')).evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator(tid('cluster-fit'))).toBeVisible();
  await expect(page.locator(tid('cluster-card')).first()).toBeVisible();
  await page.waitForTimeout(200);
  await snap(page, '49d-clusters-860x640');
  await page.setViewportSize({ width: 720, height: 640 });
  await expect(page.locator(tid('cluster-fit'))).toBeVisible();
  await page.waitForTimeout(200);
  await snap(page, '49e-clusters-720x640');
  await page.setViewportSize({ width: 1440, height: 900 });

  // Signals as of an earlier date, where the 30 days after are in the data: a fit shows each
  // cluster's conversion and revenue, and its clusters continue the previous model's (names too).
  await page.click(tid('nav-signals'));
  await page.fill(tid('signals-asof'), '2025-11-15');
  await page.click(tid('signals-compute'));
  await expect(page.locator(tid('signals-status'))).toContainText('as of 2025-11-15', { timeout: 90_000 });
  await page.click(tid('nav-clusters'));
  await expect(page.locator(tid('clusters-status'))).toContainText('as of 2026-01-01');
  await page.click(tid('cluster-fit'));
  await expect(page.locator(tid('clusters-status'))).toContainText('as of 2025-11-15', { timeout: 120_000 });
  await expect(page.locator(`${tid('cluster-model-select')} option`)).toHaveCount(2);
  const rates = await page.locator(tid('cluster-conversion')).allTextContents();
  expect(rates.length).toBe(await page.locator(tid('cluster-card')).count());
  for (const r of rates) expect(r).toMatch(/^\d+\.\d%$/);
  for (const r of await page.locator(tid('cluster-revenue')).allTextContents()) expect(r).toMatch(/^-?[\d,]+\.\d\d$/);
  await expect(page.locator(tid('cluster-card')).first()).toContainText(/Continues “.+” of model #\d+/);
  await expect(page.locator(tid('cluster-name')).filter({ hasText: 'Weekend browsers' })).toHaveCount(1);
  await snap(page, '49c-clusters-outcomes');
  // The history goes back to the first model.
  await page.selectOption(tid('cluster-model-select'), { index: 1 });
  await expect(page.locator(tid('clusters-status'))).toContainText('as of 2026-01-01');
  await page.selectOption(tid('cluster-model-select'), { index: 0 });
  await expect(page.locator(tid('clusters-status'))).toContainText('as of 2025-11-15');

  // A new session (the workspace closed and opened again): the stored model is shown with its
  // names, and a re-fit with its own settings brings back the scatter — names kept.
  await page.click(tid('workspace-menu'));
  await page.click(tid('menu-close-workspace'));
  await page.locator(`${tid('recent-item')} .recent-open`).first().click();
  await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 30_000 });
  await page.click(tid('nav-clusters'));
  await expect(page.locator(tid('cluster-not-live'))).toBeVisible();
  await expect(page.locator(tid('clusters-signals-missing'))).toBeVisible();
  await expect(page.locator(tid('cluster-card')).first().locator(tid('cluster-name'))).toHaveText('Weekend browsers');
  await expect(page.locator(tid('projection-not-live'))).toBeVisible();
  await expect(page.locator(tid('cluster-refit'))).toBeDisabled();
  await snap(page, '50-clusters-earlier-session');
  await page.click(tid('clusters-banner-compute'));
  await expect(page.locator(tid('clusters-signals-missing'))).toBeHidden({ timeout: 90_000 });
  await expect(page.locator(tid('cluster-refit'))).toBeEnabled();
  await page.click(tid('cluster-refit'));
  await expect(page.locator(tid('cluster-not-live'))).toBeHidden({ timeout: 120_000 });
  await expect(scatter).toBeVisible();
  await expect(page.locator(tid('cluster-card'))).toHaveCount(recommended);
  await expect(page.locator(tid('cluster-name')).filter({ hasText: 'Weekend browsers' })).toHaveCount(1);
  // Three models in the history now.
  await expect(page.locator(`${tid('cluster-model-select')} option`)).toHaveCount(3);

  expectOnlyLocalRequests(shell);
});
