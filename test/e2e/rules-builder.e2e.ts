// The rule builder end to end, as an analyst uses it: the empty Segments tab with its templates,
// building "bought in the last 30 days AND NOT opened 3+ emails in the last 30 days" by hand with
// live counts that follow every edit (and agree: an AND never counts more than any of its
// children), a problem shown at its field, the members and the SQL, saving (a name is required),
// unsaved changes guarded, reopening the saved segment, a template, and the pickers' suggestions
// from the data (event types, products, attribute names). Screenshots 80-86 in light, dark and a
// 1024x700 window, 84b the product picker.
import { join } from 'node:path';
import { test, expect, snap, expectOnlyLocalRequests, root as repoRoot } from './harness.ts';
import type { Locator, Page } from '@playwright/test';

const tid = (id: string) => `[data-testid="${id}"]`;

/** States worth a look that are not among the published screenshots (80-86). */
async function look(page: Page, name: string) {
  await page.screenshot({ path: join(repoRoot, 'test-results', 'rules-builder', `${name}.png`) });
}

/** The matched count once the counts on screen are for the rule as it is now. */
async function freshTotal(page: Page): Promise<number> {
  const total = page.locator(tid('rule-total'));
  await expect(total).toHaveAttribute('data-fresh', 'true', { timeout: 90_000 });
  return Number(await total.getAttribute('data-matched'));
}

async function nodeCount(node: Locator): Promise<number> {
  const count = node.locator(tid('node-count')).first();
  await expect(count).toHaveAttribute('data-fresh', 'true', { timeout: 30_000 });
  return Number(await count.getAttribute('data-count'));
}

async function addCondition(page: Page, group: Locator, kind: 'event' | 'signal' | 'attribute' | 'segment') {
  await group.locator(tid('add-condition')).first().click();
  await page.click(tid(`add-${kind}`));
}

test('rules builder: build, count live, check, view SQL and members, save, reopen', async ({ page, shell }) => {
  test.setTimeout(300_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(shell.openUrl);

  // A sample workspace (purchases and emails over 18 months, to 2025-12-31).
  await page.click(tid('create-sample'));
  await page.fill(tid('sample-customers-input'), '4000');
  await page.click(tid('sample-start'));
  await expect(page.locator(tid('customers-row')).first()).toBeVisible({ timeout: 90_000 });

  // Rules: no segments yet; what a rule segment is and where to start.
  await page.click(tid('nav-rules'));
  await expect(page.locator(tid('rules-tab-segments'))).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator(tid('rules-start'))).toContainText('No rule segments yet');
  await expect(page.locator(tid('rule-template-bought-30d'))).toBeVisible();
  await snap(page, '80-rules-empty');

  // An empty rule matches everyone (AND of nothing).
  await page.click(tid('rule-start-empty'));
  await expect(page.locator(tid('rule-builder'))).toBeVisible();
  await expect(page.locator(tid('group-empty'))).toBeVisible();
  const everyone = await freshTotal(page);
  const customers = Number(await page.locator(tid('rule-total')).getAttribute('data-customers'));
  expect(everyone).toBe(customers);
  expect(customers).toBeGreaterThan(1000);
  // The as-of date defaults to the signals' date: the day after the newest event.
  await expect(page.locator(tid('rule-asof'))).toHaveValue('2026-01-01');

  const root = page.locator(`${tid('rule-group')}[data-path=""]`);

  // Bought in the last 30 days: an event condition (its defaults are exactly that).
  await addCondition(page, root, 'event');
  const bought = page.locator(`${tid('rule-condition')}[data-path="0"]`);
  await expect(bought.locator(tid('cond-type'))).toHaveAttribute('data-type', 'purchase');
  await expect(bought.locator(tid('cond-at-least'))).toHaveValue('1');
  await expect(bought.locator(tid('cond-window'))).toHaveValue('last');
  await expect(bought.locator(tid('cond-window-days'))).toHaveValue('30');
  const boughtTotal = await freshTotal(page);
  expect(boughtTotal).toBeGreaterThan(0);
  expect(boughtTotal).toBeLessThan(everyone);
  expect(await nodeCount(bought)).toBe(boughtTotal);

  // AND NOT opened 3+ emails in the last 30 days.
  await addCondition(page, root, 'event');
  const opened = page.locator(`${tid('rule-condition')}[data-path="1"]`);
  await opened.locator(tid('cond-type-remove')).click();
  // No event type: the problem shows at the field and nothing is counted.
  await expect(opened.locator(tid('node-issues'))).toContainText('Choose at least one event type');
  await expect(page.locator(tid('rule-eval-issues'))).toBeVisible();
  await opened.locator(tid('cond-type-add')).selectOption('email_open');
  await expect(opened.locator(tid('node-issues'))).toHaveCount(0);
  await opened.locator(tid('cond-at-least')).fill('3');
  const openedOnly = await nodeCount(opened);
  const both = await freshTotal(page);
  expect(both).toBeLessThanOrEqual(boughtTotal);
  expect(both).toBeLessThanOrEqual(openedOnly);
  await opened.locator(tid('node-not')).click();
  await expect(opened.locator(tid('node-not'))).toHaveAttribute('aria-pressed', 'true');
  const notOpened = await nodeCount(opened);
  const result = await freshTotal(page);
  // NOT is the complement; the AND never counts more than any of its children.
  expect(notOpened).toBe(customers - openedOnly);
  expect(await nodeCount(bought)).toBe(boughtTotal);
  expect(result).toBeLessThanOrEqual(boughtTotal);
  expect(result).toBeLessThanOrEqual(notOpened);
  expect(result).toBe(boughtTotal - both);
  expect(await nodeCount(root)).toBe(result);

  // A problem at its field: 0 days is not a window.
  await opened.locator(tid('cond-window-days')).fill('0');
  await expect(opened.locator(tid('cond-window-days'))).toHaveAttribute('aria-invalid', 'true');
  await expect(opened.locator(tid('node-issues'))).toContainText('Enter whole days from 1 to 3650');
  await expect(page.locator(tid('rule-total'))).toHaveAttribute('data-fresh', 'false');
  await snap(page, '84-rules-invalid');
  await opened.locator(tid('cond-window-days')).fill('30');
  expect(await freshTotal(page)).toBe(result);
  expect(await nodeCount(opened)).toBe(notOpened);

  // Members: the matched customers, a page at a time.
  await expect(page.locator(tid('rule-members'))).toHaveAttribute('data-total', String(result));
  await expect(page.locator(tid('rule-member-row')).first()).toBeVisible();
  await snap(page, '81-rules-builder');

  // SQL: the rule as one parameterised statement, with its parameters and a copy button.
  await page.click(tid('rule-sql-toggle'));
  const sql = page.locator(tid('rule-sql-text'));
  await expect(sql).toContainText('INTERSECT');
  await expect(sql).toContainText('EXCEPT');
  await expect(page.locator(tid('rule-sql-params'))).toContainText("'purchase'");
  await expect(page.locator(tid('rule-sql-params'))).toContainText("'email_open'");
  await expect(page.locator(tid('rule-sql-copy'))).toBeVisible();
  await page.locator(tid('rule-sql-panel')).scrollIntoViewIfNeeded();
  await snap(page, '85-rules-sql');
  await page.click(tid('rule-sql-toggle'));

  // Saving needs a name.
  await expect(page.locator(tid('rule-save-state'))).toHaveAttribute('data-state', 'new');
  await page.click(tid('rule-save'));
  await expect(page.locator(tid('rule-name-error'))).toContainText('Give the segment a name');
  await page.fill(tid('rule-name'), 'Recent buyers not engaged by email');
  await page.fill(tid('rule-description'), 'Bought in the last 30 days and did not open 3+ emails in that time.');
  await page.click(tid('rule-save'));
  await expect(page.locator(tid('rule-save-state'))).toHaveAttribute('data-state', 'saved');
  const item = page.locator(tid('segment-item')).filter({ hasText: 'Recent buyers not engaged by email' });
  await expect(item).toHaveCount(1);
  await expect(item.locator(tid('segment-count'))).toHaveAttribute('data-count', String(result), { timeout: 60_000 });
  await expect(page.locator(tid('rules-tab-segments'))).toContainText('1');

  // Dark mode.
  await page.locator(tid('rule-tree')).evaluate((el) => el.closest('.rb-builder-scroll')?.scrollTo(0, 0));
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.waitForTimeout(400);
  await snap(page, '82-rules-builder-dark');
  await page.emulateMedia({ colorScheme: 'light' });

  // Unsaved changes are shown, and guarded: starting another segment asks first.
  await root.locator(tid('combine-or')).first().click();
  await expect(page.locator(tid('rule-save-state'))).toHaveAttribute('data-state', 'dirty');
  await expect(page.locator(tid('rules-tab-unsaved'))).toBeVisible();
  const orTotal = await freshTotal(page);
  expect(orTotal).toBeGreaterThanOrEqual(boughtTotal);
  await page.click(tid('rule-new'));
  await page.click(tid('rule-new-empty'));
  await expect(page.locator(tid('rule-discard-dialog'))).toBeVisible();
  await look(page, 'discard');
  await page.click(tid('rule-discard-cancel'));
  await expect(page.locator(tid('rule-discard-dialog'))).toHaveCount(0);
  // Back to AND: what is on screen is the saved version again.
  await root.locator(tid('combine-and')).first().click();
  await expect(page.locator(tid('rule-save-state'))).toHaveAttribute('data-state', 'saved');

  // Close and reopen: the saved rule comes back with the same counts.
  await page.click(tid('rule-close'));
  await expect(page.locator(tid('rules-start'))).toContainText('Open a segment or start a new one');
  await item.locator(tid('segment-open')).click();
  await expect(page.locator(tid('rule-name'))).toHaveValue('Recent buyers not engaged by email');
  await expect(page.locator(tid('rule-condition'))).toHaveCount(2);
  await expect(page.locator(`${tid('rule-condition')}[data-path="1"] ${tid('node-not')}`)).toHaveAttribute('aria-pressed', 'true');
  expect(await freshTotal(page)).toBe(result);
  await expect(page.locator(tid('rule-save-state'))).toHaveAttribute('data-state', 'saved');

  // A template, and a rule that refers to the saved segment: that segment can then not be deleted.
  await page.click(tid('rule-new'));
  await page.click(tid('rule-new-in-country'));
  await expect(page.locator(tid('rule-name'))).toHaveValue(/^In \S/);
  const country = await page.locator(`${tid('rule-condition')}[data-path="0"] ${tid('cond-value')}`).inputValue();
  expect(country.length).toBeGreaterThan(0);
  const inCountry = await freshTotal(page);
  expect(inCountry).toBeGreaterThan(0);
  expect(inCountry).toBeLessThan(customers);
  await addCondition(page, root, 'segment');
  const member = page.locator(`${tid('rule-condition')}[data-path="1"]`);
  const savedId = await item.getAttribute('data-segment-id');
  await member.locator(tid('cond-segmentation')).selectOption(`segment:${savedId}`);
  await expect(member.locator(tid('node-issues'))).toContainText('Choose at least one segment');
  await member.locator(`${tid('cond-segment')}[data-key="in"] input`).check();
  const inCountryAndSaved = await freshTotal(page);
  expect(inCountryAndSaved).toBeLessThanOrEqual(Math.min(inCountry, result));
  expect(await nodeCount(member)).toBe(result);

  // The other editors, in a subgroup: a signal between two values, and an event with a filter.
  await root.locator(tid('add-group')).first().click();
  const sub = page.locator(`${tid('rule-group')}[data-path="2"]`);
  await sub.locator(tid('combine-or')).click();
  await addCondition(page, sub, 'signal');
  const signal = page.locator(`${tid('rule-condition')}[data-path="2.0"]`);
  await signal.locator(tid('cond-signal')).selectOption('intent_score');
  await signal.locator(tid('cond-op')).selectOption('between');
  await signal.locator(tid('cond-value')).fill('40');
  await signal.locator(tid('cond-max')).fill('30');
  await expect(signal.locator(tid('node-issues'))).toContainText('The upper bound is below the lower bound');
  await signal.locator(tid('cond-max')).fill('100');
  await addCondition(page, sub, 'event');
  const filtered = page.locator(`${tid('rule-condition')}[data-path="2.1"]`);
  await filtered.locator(tid('cond-add-filter')).click();
  await filtered.locator(tid('filter-field')).selectOption('amount');
  await filtered.locator(tid('filter-op')).selectOption('gte');
  await filtered.locator(tid('filter-value')).fill('100');
  const withSub = await freshTotal(page);
  const subCount = await nodeCount(sub);
  expect(subCount).toBeGreaterThanOrEqual(Math.max(await nodeCount(signal), await nodeCount(filtered)));
  expect(withSub).toBeLessThanOrEqual(Math.min(inCountryAndSaved, subCount));
  await snap(page, '86-rules-template-segment');

  // Pickers: what the data holds. Event types with how many of the newest events each has, then
  // the other standard types.
  const typeAdd = filtered.locator(tid('cond-type-add'));
  await expect(typeAdd.locator(tid('cond-type-seen'))).toHaveAttribute('label', /^In (the newest|all) [\d,]+ events$/);
  await expect(typeAdd.locator('option[value="page_view"]')).toHaveText(/^page view · [\d,]+$/);
  // Products bought, most frequent first, with their counts and where the counts come from (a
  // product filter instead of the amount, over all time).
  await filtered.locator(tid('filter-remove')).click();
  await filtered.locator(tid('cond-window')).selectOption('all');
  await filtered.locator(tid('cond-add-filter')).click();
  const productFilter = filtered.locator(tid('cond-filter')).first();
  await expect(productFilter.locator(tid('filter-field'))).toHaveValue('product');
  const productInput = productFilter.locator(tid('filter-value'));
  await productInput.click();
  const suggestions = page.locator(tid('suggestions'));
  const options = suggestions.locator(tid('suggestion'));
  await expect(options.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(tid('suggestions-note'))).toHaveText(/^Counts from the [\d,]+ purchase events among all [\d,]+ events$/);
  const counts = await options.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-count'))));
  expect(counts.length).toBeGreaterThan(3);
  expect(counts).toEqual([...counts].sort((x, y) => y - x));
  // Typing narrows the list; ↓ and Enter take the highlighted value.
  const top = (await options.first().getAttribute('data-value'))!;
  const typed = top.slice(0, 4);
  await productInput.fill(typed);
  await expect.poll(async () => (await options.evaluateAll((els) => els.map((e) => e.getAttribute('data-value')!.toLowerCase()))).every((v) => v.includes(typed.toLowerCase()))).toBe(true);
  expect((await options.first().getAttribute('data-value'))!.toLowerCase().startsWith(typed.toLowerCase())).toBe(true);
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await snap(page, '84b-rules-pickers');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await look(page, 'pickers-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  const picked = (await options.first().getAttribute('data-value'))!;
  await page.keyboard.press('Enter');
  await expect(suggestions).toHaveCount(0);
  await expect(productInput).toHaveValue(picked);
  expect(await nodeCount(filtered)).toBeGreaterThan(0);
  // Any value can still be typed: one never seen matches nobody.
  await productInput.fill('no-such-product');
  await expect(page.locator(tid('suggestions-none'))).toContainText('used as typed');
  await page.keyboard.press('Escape');
  await expect(suggestions).toHaveCount(0);
  expect(await nodeCount(filtered)).toBe(0);
  // Attribute names: offered as soon as "Other attribute…" is chosen.
  await addCondition(page, sub, 'attribute');
  const attribute = page.locator(`${tid('rule-condition')}[data-path="2.2"]`);
  await attribute.locator(tid('cond-field')).selectOption('attribute');
  await expect(attribute.locator(tid('cond-key'))).toBeFocused();
  await expect(options.first()).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(tid('suggestions-note'))).toHaveText('Counts from a sample of the customers');
  const key = (await options.first().getAttribute('data-value'))!;
  await options.first().click();
  await expect(attribute.locator(tid('cond-key'))).toHaveValue(key);
  await expect(suggestions).toHaveCount(0);
  await look(page, 'pickers-attribute');

  await sub.locator(tid('node-remove')).first().click();
  expect(await freshTotal(page)).toBe(inCountryAndSaved);
  await page.click(tid('rule-save'));
  await expect(page.locator(tid('rule-save-state'))).toHaveAttribute('data-state', 'saved');
  await expect(page.locator(tid('segment-item'))).toHaveCount(2);
  await item.locator(tid('segment-more')).click();
  await page.click(tid('segment-delete'));
  await page.click(tid('rule-delete-confirm'));
  await expect(page.locator(tid('rule-delete-refused'))).toContainText('cannot be deleted');
  await look(page, 'delete-refused');
  await page.locator(tid('rule-delete-dialog')).getByRole('button', { name: 'Close', exact: true }).first().click();
  await expect(page.locator(tid('segment-item'))).toHaveCount(2);

  // Duplicate: an unsaved copy; closing it asks first.
  const uk = page.locator(tid('segment-item')).filter({ hasText: /^In / });
  await uk.locator(tid('segment-more')).click();
  await page.click(tid('segment-duplicate'));
  await expect(page.locator(tid('rule-name'))).toHaveValue(/^In .* \(copy\)$/);
  await expect(page.locator(tid('segment-item-new'))).toBeVisible();
  expect(await freshTotal(page)).toBe(inCountryAndSaved);
  await page.click(tid('rule-close'));
  await page.click(tid('rule-discard-confirm'));
  await expect(page.locator(tid('rules-start'))).toBeVisible();
  await expect(page.locator(tid('segment-item'))).toHaveCount(2);

  // A small window, on the segment built by hand.
  await item.locator(tid('segment-open')).click();
  await expect(page.locator(tid('rule-name'))).toHaveValue('Recent buyers not engaged by email');
  expect(await freshTotal(page)).toBe(result);
  await page.setViewportSize({ width: 1024, height: 700 });
  await page.waitForTimeout(300);
  await snap(page, '83-rules-small-window');

  expectOnlyLocalRequests(shell);
});
