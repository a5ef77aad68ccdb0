// The page on a phone (issue #20): nothing wider than the screen at 320–430 px in either language,
// the summary as one card per programme, touch targets a finger can hit, and a bar at the foot of
// the screen with the current figures that jumps to the results.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app';
import { c17HuizhouLittleGiant, shenzhenCompute } from './pages/examples';

/** How far the page reaches past the right edge of the screen (0 when it fits). */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** A Qianhai company: the longest district label of all ("Qianhai (Qianhai Shenzhen-Hong Kong …)"). */
async function qianhaiCompany(app: AppPage): Promise<void> {
  await shenzhenCompute(app, { name: '深圳前海某人工智能科技有限公司', district: 'qianhai', contract: '8,000,000', founded: '2021-03-15' });
}

for (const lang of ['zh', 'en'] as const) {
  for (const width of [320, 390, 430]) {
    test(`in ${lang} at ${width} px nothing is wider than the screen`, async ({ app, page }) => {
      await page.setViewportSize({ width, height: 800 });
      await app.open(lang);
      expect(await overflow(page), 'the empty form').toBe(0);
      await qianhaiCompany(app);
      await expect(app.row('SZ-COMPUTE')).toBeVisible();
      expect(await overflow(page), 'a Qianhai company').toBe(0);
      await app.open(lang);
      await c17HuizhouLittleGiant(app);
      await expect(app.coverageGaps()).toBeVisible();
      expect(await overflow(page), 'a Huizhou company').toBe(0);
    });
  }

  test(`in ${lang} on a phone the bar at the foot shows the figures and jumps to the results`, async ({ app, page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await app.open(lang);
    await qianhaiCompany(app);
    const bar = page.locator('.results-bar');
    // In reach while the form is filled in: at the foot of the screen.
    await app.field('name').scrollIntoViewIfNeeded();
    await expect(bar).toBeInViewport();
    await expect(bar).toContainText(lang === 'zh' ? '4,000,000 元' : '¥4,000,000');
    await bar.click();
    await expect(page.locator('#results-heading')).toBeInViewport();
  });
}

test('on a phone what has focus is never under the bar at the foot', async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  await app.open('en');
  await qianhaiCompany(app);
  await page.locator('body').focus();
  const bar = page.locator('.results-bar');
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press('Tab');
    const hidden = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const stuck = document.querySelector('.results-bar')!.getBoundingClientRect();
      const box = el.getBoundingClientRect();
      // (The body has focus between the page's last control and the browser's own.)
      if (el === document.body || el.closest('.results-bar')) return null;
      return box.bottom <= stuck.top + 1 || box.top >= stuck.bottom ? null : `${el.tagName}#${el.id}`;
    });
    expect(hidden, `Tab ${i + 1}`).toBeNull();
  }
  await expect(bar).toBeVisible();
});

test('on a phone the summary is one card per programme and the targets are big enough to touch', async ({ app, page }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  await app.open('en');
  await qianhaiCompany(app);
  await expect(page.locator('table.summary thead')).toBeHidden();
  const card = await app.row('SZ-COMPUTE').boundingBox();
  expect(card!.width, 'a card spans the width').toBeGreaterThan(300);
  for (const target of [page.locator('.toggle input').first(), page.locator('.toolbar button').first(), app.field('city')]) {
    const box = await target.boundingBox();
    expect(Math.min(box!.width, box!.height), await target.evaluate((el) => el.outerHTML.slice(0, 60))).toBeGreaterThanOrEqual(24);
  }
  const button = await page.locator('.toolbar button').first().boundingBox();
  expect(button!.height, 'a button where there is room').toBeGreaterThanOrEqual(44);
  // On a wide screen the results sit beside the form: no bar.
  await page.setViewportSize({ width: 1280, height: 900 });
  await expect(page.locator('.results-bar')).toBeHidden();
});
