// Nothing is lost: a reload restores the form exactly, import/export round-trips a profile file,
// and a share link carries the profile in the fragment only.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { w1ProvincialCentre, w6Benchmark } from './pages/examples';

const examples = path.resolve(__dirname, '..', '..', 'engine', 'profiles');

test('a reload restores everything', async ({ app, page }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  await app.unitWan('software');
  await app.set('software', '300');
  await app.set('creditCode', 'not a code');
  await app.expectResult('P1', 'eligible', '¥7,200,000');
  await page.reload();
  await expect(app.field('name')).toHaveValue('广东某智能制造创新中心有限公司');
  await expect(app.field('software')).toHaveValue('300');
  await expect(app.field('creditCode')).toHaveValue('not a code');
  await expect(app.errorOf('creditCode')).toBeVisible();
  await app.asOf('2026-03-01');
  await app.expectResult('P1', 'eligible', '¥7,200,000');
});

test('export writes the profile file and import reads it back', async ({ app, page }) => {
  await app.open('en');
  await w6Benchmark(app);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export profile' }).click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(exported.format_version).toBe(1);
  expect(exported.benchmark_project.investment).toBe('12000000');

  await page.getByRole('button', { name: 'Start over' }).click({ trial: true });
  await page.locator('#import-file').setInputFiles(path.join(examples, 'w01-provincial-innovation-centre.json'));
  await expect(page.getByText('Profile imported.')).toBeVisible();
  await expect(app.field('equipment')).toHaveValue('15,000,000');
  await app.asOf('2026-03-01');
  await app.expectResult('P1', 'eligible', '¥7,200,000');
});

test('a malformed or wrong-version file is refused and the profile stays', async ({ app, page }) => {
  await app.open('en');
  await w6Benchmark(app);
  await page.locator('#import-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format_version": 1, "company": ') });
  await expect(page.locator('.banner.error')).toContainText('Cannot import; your current profile is unchanged');
  await expect(page.locator('.banner.error')).toContainText('not valid JSON');
  await page.locator('#import-file').setInputFiles({ name: 'v9.json', mimeType: 'application/json', buffer: Buffer.from('{"format_version": 9}') });
  await expect(page.locator('.banner.error')).toContainText('format version 9 cannot be read');
  await expect(app.field('investment')).toHaveValue('12,000,000');
});

test('a share link opens the same profile, and says it contains the figures', async ({ app, page, context }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  await page.getByRole('button', { name: 'Make a share link' }).click();
  await expect(page.getByText('the link contains all your company\'s figures')).toBeVisible();
  const link = await page.getByLabel('Share link').inputValue();
  expect(link).toMatch(/#profile=[A-Za-z0-9_-]+$/);

  const other = await context.browser()!.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByLabel('Company name', { exact: true })).toHaveValue('广东某智能制造创新中心有限公司');
  await expect(second.locator('.banner.ok')).toBeVisible();
  // The fragment does not linger in the address bar.
  expect(new URL(second.url()).hash).toBe('');
  await other.close();
});

test('a broken share link gives a message, not a blank page', async ({ app, page }) => {
  await app.open('en', '#profile=eyJmb3JtYXRfdmVyc2lvbiI6M');
  await expect(page.locator('.banner.error')).toContainText('The profile in the link cannot be read');
  await app.open('en', '#profile=***not base64***');
  await expect(page.locator('.banner.error')).toContainText('damaged');
  await expect(app.field('name')).toBeVisible();
});
