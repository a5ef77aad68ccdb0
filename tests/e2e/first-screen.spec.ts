// The first screen is in the HTML (scripts/prerender.mjs draws it with the app at build time): it
// paints before the wasm arrives, and what is typed into it is still there, and counted, once the
// app has taken over, without the results area moving.
import { test, expect } from './fixtures';
import { holdBack } from './pages/hold';
import { choice, programme, question } from './pages/labels';

test('with JavaScript off the first screen is there and readable, in Chinese', async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, baseURL });
  const page = await context.newPage();
  await page.goto('/');
  await expect(page.locator('h1')).toHaveText('广东省人工智能与机器人产业扶持资金测算');
  await expect(page.locator('.profile-form')).toBeVisible();
  await expect(page.getByLabel(question('company.name').label.zh)).toBeVisible();
  await expect(page.getByLabel(question('company.city').label.zh)).toBeVisible();
  await expect(page.locator('#results-heading')).toBeVisible();
  await expect(page.locator('.results .sheet')).toContainText(programme('P1').title.zh);
  // The controls that need the app say they are waiting for it.
  const print = page.locator('.results-toolbar button');
  await expect(print).toBeDisabled();
  await expect(print).toHaveAttribute('title', '正在加载…');
  await context.close();
});

test('what is typed before the wasm arrives is kept and counted when the app takes over, and the results do not move', async ({ app, page }) => {
  const releaseWasm = await holdBack(page, '**/*_bg.wasm');
  // The city packs too, so that the comparison below is with the app's own first screen.
  const releasePacks = await holdBack(page, '**/packs-places-*.postcard');
  app.lang = 'zh';
  await page.goto('/?lang=zh');
  const name = page.locator('#f-company-name');
  await expect(name).toBeVisible();
  await name.fill('广州某早到科技有限公司');
  await page.locator('#f-company-city').selectOption('guangzhou');
  await page.locator('#toggle-little_giant').check();
  const before = await page.locator('.results').boundingBox();
  await expect(page.locator('.first-screen')).toHaveCount(1);

  releaseWasm();
  await expect(page.locator('.first-screen')).toHaveCount(0);
  await expect(page.locator('.profile-form')).toHaveCount(1);
  await expect(name).toHaveValue('广州某早到科技有限公司');
  await expect(page.locator('#f-company-city')).toHaveValue('guangzhou');
  await expect(page.locator('#toggle-little_giant')).toBeChecked();
  // Counted: the name is on the sheet, the city's award is assumed for the little giant.
  await expect(page.locator('.sheet-facts')).toContainText('广州某早到科技有限公司');
  await expect(page.locator('.sheet-facts')).toContainText(choice('company.city', 'guangzhou').label.zh);
  await expect(page.locator('#section-little_giant')).toBeVisible();
  // Where the first screen had it (its height follows the new results: what was typed counts).
  const after = await page.locator('.results').boundingBox();
  expect({ x: after!.x, y: after!.y, width: after!.width }, 'the results area where the first screen had it').toEqual({
    x: before!.x,
    y: before!.y,
    width: before!.width,
  });

  releasePacks();
  await app.ready();
  await expect(name).toHaveValue('广州某早到科技有限公司');
});

test('untouched, the first screen gives way to the same screen drawn by the app', async ({ page }) => {
  const releaseWasm = await holdBack(page, '**/*_bg.wasm');
  const releasePacks = await holdBack(page, '**/packs-places-*.postcard');
  await page.goto('/?lang=zh');
  await expect(page.locator('.profile-form')).toBeVisible();
  // Before the app starts the as-of date is blank (not the day the page was built), then the app
  // puts in today's: the rest is the same.
  await expect(page.locator('.first-screen #as-of')).toHaveValue('');
  const withoutDates = (text: string) => text.replace(/\d{4}-\d{2}-\d{2}|\u00a0/g, '');
  const text = withoutDates(await page.locator('body').innerText());
  const results = await page.locator('.results').boundingBox();
  // Every shift of the page's layout from now on, as Chromium reports it.
  await page.evaluate(() => {
    (window as unknown as { shifts: number }).shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) (window as unknown as { shifts: number }).shifts += (entry as unknown as { value: number }).value;
    }).observe({ type: 'layout-shift', buffered: false });
  });
  releaseWasm();
  await expect(page.locator('.first-screen')).toHaveCount(0);
  await expect(page.locator('.results-toolbar button')).toBeEnabled();
  expect(withoutDates(await page.locator('body').innerText())).toBe(text);
  const today = await page.evaluate(() => new Date().toLocaleDateString('sv'));
  await expect(page.locator('#as-of')).toHaveValue(today);
  expect(await page.locator('.results').boundingBox()).toEqual(results);
  expect(await page.evaluate(() => (window as unknown as { shifts: number }).shifts), 'layout shift').toBe(0);
  releasePacks();
});
