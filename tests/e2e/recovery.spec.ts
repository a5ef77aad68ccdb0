// If the program panics anyway, the page shows a recovery message with the saved profile to
// download, instead of freezing.
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/app';
import { w1ProvincialCentre } from './pages/examples';

// This spec provokes a panic on purpose, so it does not use the fixture that fails on page errors.
base('a panic shows the recovery message with the saved profile', async ({ page }) => {
  const app = new AppPage(page);
  await app.open('en');
  await w1ProvincialCentre(app);
  // Same document, new fragment: reload so that the app starts again and sees it.
  await page.goto('/?lang=en#panic-test');
  await page.reload();
  const dialog = page.getByRole('alertdialog');
  await expect(dialog).toContainText('Something went wrong');
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('link', { name: 'Download saved profile' }).click()]);
  const saved = JSON.parse(require('node:fs').readFileSync(await download.path(), 'utf8'));
  expect(saved.format_version).toBe(2);
  expect(saved.topics).toContain('innovation_centre');
  expect(saved.answers['innovation_centre.equipment_cost']).toBe('15000000');
  await expect(dialog.getByRole('button', { name: 'Reload the page' })).toBeVisible();
});
