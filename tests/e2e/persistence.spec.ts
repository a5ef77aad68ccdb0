// Nothing is lost: a reload restores the form exactly, import/export round-trips a profile file,
// and a share link carries the profile in the fragment only.
import fs from 'node:fs';
import path from 'node:path';
import { test, expect } from './fixtures';
import { AppPage } from './pages/app';
import { c1ShenzhenCompute, w1ProvincialCentre, w6Benchmark } from './pages/examples';

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

/** What a reader of the results sees: the table, the totals and a programme's details. */
async function results(app: AppPage, id: string) {
  return {
    table: await app.page.locator('table.summary').innerText(),
    totals: await app.page.locator('.totals').innerText(),
    details: await app.details(id).innerText(),
  };
}

/** A profile file's answers, without the questions it leaves open (written as null). */
function given(profile: { answers: Record<string, unknown> }): Record<string, unknown> {
  return Object.fromEntries(Object.entries(profile.answers).filter(([, v]) => v !== null));
}

test('a reload restores a Shenzhen company, its city answers included', async ({ app, page }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  await c1ShenzhenCompute(app);
  await app.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
  await page.reload();
  await app.ready();
  await expect(app.field('city')).toHaveValue('shenzhen');
  await expect(app.field('district')).toHaveValue('nanshan');
  await expect(app.field('founded')).toHaveValue('2021-03-15');
  await expect(app.topicSwitch('compute')).toBeChecked();
  await expect(app.field('computeAmount')).toHaveValue('8,000,000');
  await app.asOf('2026-06-01');
  await app.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
});

test('a Shenzhen profile exported and imported in another browser gives the same results', async ({ app, page, context }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  await c1ShenzhenCompute(app);
  await app.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
  const before = await results(app, 'SZ-COMPUTE');

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: app.w.export }).click()]);
  const file = await download.path();
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  // Typed through the form, it is the example file of C1.
  const c1 = JSON.parse(fs.readFileSync(path.join(examples, 'c01-shenzhen-compute-voucher.json'), 'utf8'));
  expect(exported.format_version).toBe(2);
  expect(exported.topics).toEqual(c1.topics);
  expect(given(exported)).toEqual(given(c1));

  const other = await context.browser()!.newContext();
  const elsewhere = new AppPage(await other.newPage());
  await elsewhere.open('en');
  await elsewhere.asOf('2026-06-01');
  await expect(elsewhere.row('SZ-COMPUTE')).toHaveCount(0);
  await elsewhere.page.locator('#import-file').setInputFiles(file);
  await expect(elsewhere.page.getByText(app.w.imported)).toBeVisible();
  await expect(elsewhere.field('name')).toHaveValue('深圳某大模型科技有限公司');
  await expect(elsewhere.field('district')).toHaveValue('nanshan');
  await expect(elsewhere.topicSwitch('compute')).toBeChecked();
  await elsewhere.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
  expect(await results(elsewhere, 'SZ-COMPUTE')).toEqual(before);
  await other.close();
});

test('start over empties the form, the results and what is stored', async ({ app, page }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  await c1ShenzhenCompute(app);
  await app.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: app.w.startOver }).click();
  await expect(app.row('SZ-COMPUTE')).toHaveCount(0);
  // What the user sees is what the estimate uses: no control keeps an old answer.
  await expect(app.field('name')).toHaveValue('');
  await expect(app.field('city')).toHaveValue('');
  await expect(app.topicSwitch('compute')).not.toBeChecked();
  await page.reload();
  await app.ready();
  await expect(app.field('name')).toHaveValue('');
});

test('a format-1 profile file still imports, and gives W3\'s result', async ({ app, page }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await page.locator('#import-file').setInputFiles(path.join(examples, 'w03-guangzhou-little-giant.json'));
  await expect(page.getByText(app.w.imported)).toBeVisible();
  await expect(app.field('city')).toHaveValue('guangzhou');
  await expect(app.topicSwitch('littleGiant')).toBeChecked();
  await expect(app.field('lgYear')).toHaveValue('2025');
  await app.expectResult('P2-LG', 'eligible', '¥1,000,000');
  await expect(app.details('P2-LG')).toContainText('¥2,000,000');
});

test('export writes the profile file and import reads it back', async ({ app, page }) => {
  await app.open('en');
  await w6Benchmark(app);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export profile' }).click()]);
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  expect(exported.format_version).toBe(2);
  expect(exported.topics).toEqual(['benchmark_project']);
  expect(exported.answers['benchmark_project.investment']).toBe('12000000');

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
  expect(link).toMatch(/#p2=[A-Za-z0-9._~:,!-]+~$/);

  const other = await context.browser()!.newContext();
  const second = await other.newPage();
  await second.goto(link);
  await expect(second.getByLabel('Company name', { exact: true })).toHaveValue('广东某智能制造创新中心有限公司');
  await expect(second.locator('.banner.ok')).toBeVisible();
  // The fragment does not linger in the address bar.
  expect(new URL(second.url()).hash).toBe('');
  await other.close();
});

test('a share link carries a Shenzhen company to a browser that has never seen the page', async ({ app, page, context }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  await c1ShenzhenCompute(app);
  await page.getByRole('button', { name: app.w.share }).click();
  const link = await page.getByLabel('Share link').inputValue();

  const other = await context.browser()!.newContext();
  const second = await other.newPage();
  await second.goto(link);
  const opened = new AppPage(second);
  opened.lang = 'en';
  await opened.ready();
  await expect(second.locator('.banner.ok')).toBeVisible();
  await expect(opened.field('district')).toHaveValue('nanshan');
  await expect(opened.field('computeAmount')).toHaveValue('8,000,000');
  await opened.asOf('2026-06-01');
  await opened.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
  await other.close();
});

test('a broken share link gives a message, not a blank page', async ({ app, page }) => {
  await app.open('en', '#profile=eyJmb3JtYXRfdmVyc2lvbiI6M');
  await expect(page.locator('.banner.error')).toContainText('The profile in the link cannot be read');
  await app.open('en', '#profile=***not base64***');
  await expect(page.locator('.banner.error')).toContainText('damaged');
  // A link cut off (its closing ~ lost) is damaged: not opened as a profile with less in it.
  await app.open('en', '#p2=2~20260301~common:2026.2~~company.name:sACME');
  await expect(page.locator('.banner.error')).toContainText('damaged');
  await expect(app.field('name')).toBeVisible();
});
