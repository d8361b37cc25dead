// Predict end to end, as an analyst uses it: the empty states (no workspace, nothing fitted), the
// proposed calibration end, a set-up problem, fitting with progress, the three model cards with
// parameters and convergence, the backtest totals and charts, the P(alive) matrix and the CLV
// distribution, sorting and searching the scored customers, a customer's timeline, and a fit
// without a holdout. Screenshots 60-* in light, dark and a 1024x700 window.
import { test, expect, snap, expectOnlyLocalRequests } from './harness.ts';
import type { Page } from '@playwright/test';

const tid = (id: string) => `[data-testid="${id}"]`;
const num = (s: string | null) => Number((s ?? '').replace(/[^\d.-]/g, ''));

async function rowsAttr(page: Page, attr: string): Promise<string[]> {
  return page.locator(tid('predict-row')).evaluateAll((els, a) => els.slice(0, 15).map((e) => e.getAttribute(a) ?? ''), attr);
}

async function scrollMainTo(page: Page, testId: string) {
  await page.locator(tid(testId)).evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.waitForTimeout(250);
}

test('predict: propose dates, fit, read the models and backtest, sort and search customers, no holdout', async ({ page, shell }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.openUrl);

  // No workspace: the view says what it needs.
  await page.click(tid('nav-predict'));
  await expect(page.locator(tid('view-predict'))).toContainText('Needs a workspace with purchases');
  await snap(page, '60-predict-no-workspace');

  // A sample workspace: purchases over 18 months (2024-07 to 2025-12).
  await page.click(tid('nav-data'));
  await page.click(tid('create-sample'));
  await page.fill(tid('sample-customers-input'), '4000');
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 90_000 });

  // Nothing fitted yet: the calibration end proposed leaves the last third as holdout.
  await page.keyboard.press('Control+4');
  await expect(page.locator(tid('predict-no-result'))).toContainText('Nothing fitted yet');
  const proposed = await page.locator(tid('predict-calibration-end')).inputValue();
  expect(proposed).toMatch(/^2025-0[6-7]-\d\d$/);
  await expect(page.locator(tid('predict-holdout-hint'))).toContainText(/checked against the 1\d\d days/);
  await expect(page.locator(tid('predict-status'))).toContainText('Data from 2024-07-01 to 2025-12-31');
  await snap(page, '61-predict-not-fitted');

  // A holdout that ends before the calibration end: said, and Fit is off until it is cleared.
  await page.fill(tid('predict-calibration-end'), '2025-06-30');
  await page.fill(tid('predict-holdout-end'), '2025-03-01');
  await expect(page.locator(tid('predict-setup-problem'))).toContainText('must be after the calibration end');
  await expect(page.locator(tid('predict-fit'))).toBeDisabled();
  await page.fill(tid('predict-holdout-end'), '');
  await expect(page.locator(tid('predict-setup-problem'))).toHaveCount(0);

  // Fit: progress with Cancel while it runs, then the three model cards.
  await page.click(tid('predict-fit'));
  await expect(page.locator(tid('predict-fit-progress'))).toBeVisible();
  await expect(page.locator(tid('predict-fit-cancel'))).toBeEnabled();
  await snap(page, '62-predict-fitting');
  await expect(page.locator(tid('predict-models'))).toBeVisible({ timeout: 120_000 });
  await expect(page.locator(tid('predict-model-card'))).toHaveCount(3);
  const customers = num((await page.locator(tid('predict-customers-count')).textContent())!.split(' customers')[0]!);
  expect(customers).toBeGreaterThan(500);
  await expect(page.locator(tid('predict-status'))).toContainText('calibrated to 2025-06-30');
  await expect(page.locator(tid('predict-chosen-badge'))).toHaveCount(1);
  await expect(page.locator(tid('predict-chosen-reason'))).toContainText(/is used/);
  const bg = page.locator(`${tid('predict-model-card')}[data-model="bgnbd"]`);
  await expect(bg.locator(tid('predict-convergence'))).toContainText('Converged in');
  await expect(bg.locator(tid('predict-param'))).toHaveCount(4);
  await expect(bg).toContainText('Purchase-rate heterogeneity');
  expect(num(await bg.locator(tid('predict-loglik')).textContent())).toBeLessThan(0);
  await expect(page.locator(`${tid('predict-model-card')}[data-model="paretoNbd"] ${tid('predict-param')}`)).toHaveCount(4);
  await expect(page.locator(`${tid('predict-model-card')}[data-model="gammaGamma"] ${tid('predict-param')}`)).toHaveCount(3);
  await snap(page, '63-predict-fitted-light');

  // Backtest: totals and the three charts.
  const actual = num(await page.locator(tid('predict-backtest-actual')).textContent());
  const predicted = num(await page.locator(tid('predict-backtest-predicted')).textContent());
  expect(actual).toBeGreaterThan(0);
  expect(predicted).toBeGreaterThan(0);
  await expect(page.locator(tid('predict-backtest-mae'))).toHaveText(/^\d+\.\d{3}$/);
  await expect(page.locator(tid('predict-backtest-lift'))).toHaveText(/^\d+\.\d\d×$/);
  expect(await page.locator(`${tid('predict-backtest')} canvas`).count()).toBeGreaterThanOrEqual(3);
  await scrollMainTo(page, 'predict-backtest');
  await snap(page, '64-predict-backtest');

  // The counting model against a signals-based propensity, both as AUCs between chance and 1.
  for (const id of ['predict-auc-counting', 'predict-auc-signals']) {
    const auc = num(await page.locator(tid(id)).textContent());
    expect(auc).toBeGreaterThan(0.5);
    expect(auc).toBeLessThanOrEqual(1);
  }
  await scrollMainTo(page, 'predict-propensity');
  await snap(page, '64b-predict-propensity');

  // P(alive) matrix and CLV distribution.
  await expect(page.locator(`${tid('predict-alive')} canvas`).first()).toBeVisible();
  await expect(page.locator(tid('predict-clv-mean'))).toHaveText(/^[\d,]+\.\d\d$/);
  await scrollMainTo(page, 'predict-alive');
  await snap(page, '65-predict-alive-clv');

  // The customers: all scored, most expected purchases first.
  const table = page.locator(tid('predict-table'));
  await expect(table).toHaveAttribute('data-total', String(customers));
  await expect(page.locator(tid('predict-row')).first()).toBeVisible();
  const expected = (await rowsAttr(page, 'data-expected')).map(Number);
  expect(expected).toEqual([...expected].sort((a, b) => b - a));
  await scrollMainTo(page, 'predict-customers');
  await snap(page, '66-predict-customers');

  // Sort by P(alive), then by customer id.
  await page.click(tid('predict-sort-p-alive'));
  await expect(table).toHaveAttribute('data-sort', 'p-alive');
  await expect.poll(async () => (await rowsAttr(page, 'data-p-alive')).length).toBeGreaterThan(5);
  const alive = (await rowsAttr(page, 'data-p-alive')).map(Number);
  expect(alive).toEqual([...alive].sort((a, b) => b - a));
  await page.click(tid('predict-sort-customer'));
  await expect(table).toHaveAttribute('data-sort', 'customer');
  await expect.poll(async () => (await rowsAttr(page, 'data-customer-id')).length).toBeGreaterThan(5);
  const ids = await rowsAttr(page, 'data-customer-id');
  expect(ids).toEqual([...ids].sort());
  // P(churned) is 1 − P(alive).
  const firstRow = page.locator(tid('predict-row')).first();
  const pa = Number(await firstRow.getAttribute('data-p-alive'));
  await expect(firstRow.locator('[data-col="p-churned"]')).toHaveText((1 - pa).toFixed(3));

  // Search a customer: one row; an unknown id: says so.
  const someone = ids[3]!;
  await page.fill(tid('predict-search'), someone);
  await page.click(tid('predict-search-go'));
  await expect(table).toHaveAttribute('data-total', '1');
  await expect(page.locator(tid('predict-row'))).toHaveCount(1);
  await expect(page.locator(tid('predict-row')).first()).toHaveAttribute('data-customer-id', someone);
  await expect(page.locator(tid('predict-rows-count'))).toContainText(someone);
  await page.fill(tid('predict-search'), 'no-such-customer');
  await page.press(tid('predict-search'), 'Enter');
  await expect(page.locator(tid('predict-search-none'))).toContainText('No scored customer has the id');
  await snap(page, '66b-predict-search-none');
  await page.fill(tid('predict-search'), someone);
  await page.press(tid('predict-search'), 'Enter');
  await expect(page.locator(tid('predict-row'))).toHaveCount(1);

  // A row opens the customer's timeline; coming back keeps the prediction.
  await page.locator(tid('predict-row')).first().click();
  await expect(page.locator(tid('timeline-panel'))).toHaveAttribute('data-customer-id', someone);
  await page.click(tid('nav-predict'));
  await expect(page.locator(tid('predict-model-card'))).toHaveCount(3);
  await page.click(tid('predict-search-clear'));
  await expect(table).toHaveAttribute('data-total', String(customers));

  // Dark, and a small window: still usable.
  await page.locator(tid('predict-main')).evaluate((el) => el.scrollTo(0, 0));
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(300);
  await snap(page, '67-predict-1440-dark');
  await scrollMainTo(page, 'predict-backtest');
  await snap(page, '67b-predict-1440-dark-backtest');
  await scrollMainTo(page, 'predict-alive');
  await snap(page, '67c-predict-1440-dark-alive');
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.locator(tid('predict-main')).evaluate((el) => el.scrollTo(0, 0));
  await expect(page.locator(tid('predict-fit'))).toBeVisible();
  await expect(page.locator(tid('predict-model-card')).first()).toBeVisible();
  await page.waitForTimeout(300);
  await snap(page, '68-predict-1024x700-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForTimeout(300);
  await snap(page, '69-predict-1024x700-light');
  await scrollMainTo(page, 'predict-backtest');
  await snap(page, '69b-predict-1024x700-backtest');
  await scrollMainTo(page, 'predict-customers');
  await snap(page, '69c-predict-1024x700-customers');
  await page.setViewportSize({ width: 1440, height: 900 });

  // No holdout: calibrate to the last day; the backtest says why it is not there.
  await page.fill(tid('predict-calibration-end'), '2025-12-31');
  await expect(page.locator(tid('predict-setup-note'))).toContainText('no holdout is left');
  await expect(page.locator(tid('predict-setup-changed'))).toBeVisible();
  await page.click(tid('predict-fit'));
  await expect(page.locator(tid('predict-status'))).toContainText('calibrated to 2025-12-31', { timeout: 120_000 });
  await expect(page.locator(tid('predict-status'))).toContainText('no holdout');
  await expect(page.locator(tid('predict-no-holdout'))).toBeVisible();
  await expect(page.locator(`${tid('predict-table')} [data-col="actual"]`)).toHaveCount(0);
  await scrollMainTo(page, 'predict-backtest');
  await snap(page, '70-predict-no-holdout');

  expectOnlyLocalRequests(shell);
});
