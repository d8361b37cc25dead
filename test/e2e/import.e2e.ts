// Importing files through the browser shell as an analyst would: a new empty workspace, a real
// public data set uploaded from "this computer", an ambiguous-date file that must be settled by
// hand, an all-or-nothing failure and a skip-bad-rows import with its report, and the history.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, snap, expectOnlyLocalRequests } from './harness.ts';
import { sharedDataFile } from '../support/shared-data.ts';

const tid = (id: string) => `[data-testid="${id}"]`;

test('import a real data set and a file with ambiguous dates and a bad row', async ({ page, shell }) => {
  const cdnow = sharedDataFile('cdnow/CDNOW_sample.txt');
  await page.goto(shell.openUrl);

  // A new, empty workspace.
  await page.click(tid('new-workspace'));
  await page.fill(tid('file-dialog-path'), shell.workspacesDir);
  await page.press(tid('file-dialog-path'), 'Enter');
  await page.fill(tid('file-dialog-name'), 'shop.segwb');
  await page.click(tid('file-dialog-confirm'));
  await expect(page.locator(tid('workspace-name'))).toContainText('shop');
  await snap(page, '20-empty-workspace');

  // CDNOW sample: whitespace-aligned, no header, YYYYMMDD; uploaded like a file from this computer.
  await page.click(tid('import-open'));
  await expect(page.locator(tid('import-dialog'))).toBeVisible();
  await page.setInputFiles(tid('import-file-input'), cdnow);
  await expect(page.locator(tid('import-preview-table'))).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(tid('import-format-header'))).not.toBeChecked();
  await expect(page.locator(tid('import-kind-orders'))).toBeChecked();
  await snap(page, '21-import-preview-cdnow');
  await page.click(tid('import-next'));
  await expect(page.locator(tid('mapping-date-format'))).toHaveValue('yyyymmdd');
  await page.click(tid('import-next'));
  await page.click(tid('import-start'));
  await expect(page.locator(tid('import-result'))).toBeVisible({ timeout: 60_000 });
  await expect(page.locator(tid('import-result-imported'))).toHaveText('6,919');
  await snap(page, '22-import-result-cdnow');
  await page.keyboard.press('Escape');
  await expect(page.locator(tid('customers-total'))).toContainText('2,357');

  // A shop export with day/month order that only the analyst can settle, and one bad row.
  const csv = join(shell.workspacesDir, 'orders-de.csv');
  writeFileSync(
    csv,
    [
      'Kunde;Bestellung;Datum;Menge;Preis',
      'K001;B1;03/04/2024 10:30;2;12,50',
      'K002;B2;05/06/2024 11:00;1;99,00',
      'K003;B3;07/08/2024 09:15;kaputt;5,00',
      'K001;B4;09/10/2024 18:45;3;7,25',
    ].join('\n'),
  );
  await page.click(tid('import-open'));
  await page.setInputFiles(tid('import-file-input'), csv);
  await expect(page.locator(tid('import-preview-table'))).toBeVisible({ timeout: 30_000 });
  await page.click(tid('import-next'));
  // Nothing proceeds until day-first or month-first is chosen.
  await expect(page.locator(tid('import-next'))).toBeDisabled();
  await snap(page, '23-import-ambiguous-dates');
  await page.click(tid('mapping-date-dmy'));
  await expect(page.locator(tid('import-next'))).toBeEnabled();
  await page.click(tid('import-next'));
  await page.click(tid('import-start'));
  const error = page.locator(tid('import-error'));
  await expect(error).toBeVisible({ timeout: 30_000 });
  await expect(error).toContainText('nothing was imported');
  await expect(error).toContainText('line 4, column Menge: "kaputt": quantity is not a number');
  await snap(page, '24-import-all-or-nothing');

  await page.getByRole('button', { name: /back to mapping/i }).click();
  await page.click(tid('import-next'));
  await page.check(tid('import-skip-bad'));
  await page.click(tid('import-start'));
  await expect(page.locator(tid('import-result'))).toBeVisible({ timeout: 30_000 });
  await expect(page.locator(tid('import-result-imported'))).toHaveText('3');
  await expect(page.locator(tid('import-result-rejected'))).toHaveText('1');
  await expect(page.locator(tid('import-report-path'))).toContainText('rejected.csv');
  await snap(page, '25-import-skip-bad');
  await page.keyboard.press('Escape');

  // The history lists all three attempts, the failed one included.
  await page.click(tid('imports-tab'));
  const rows = page.locator(tid('imports-row'));
  await expect(rows).toHaveCount(3);
  await expect(page.locator(`${tid('imports-row')}[data-status="failed"]`)).toHaveCount(1);
  await snap(page, '26-import-history');

  expectOnlyLocalRequests(shell);
});
