// WCAG 2.2 AA as axe-core checks it: the form, the results, the printed view and the rules, in
// Chinese and in English.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { c1ShenzhenCompute, w3GuangzhouLittleGiant, w6Benchmark } from './pages/examples';
import type { Lang } from './pages/labels';

async function violations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

for (const lang of ['zh', 'en'] as Lang[]) {
  test(`no violations on the empty form in ${lang}`, async ({ app, page }) => {
    await app.open(lang);
    expect(await violations(page)).toEqual([]);
  });

  test(`no violations on a filled form, its results, errors and the print view in ${lang}`, async ({ app, page }) => {
    await app.open(lang);
    await w3GuangzhouLittleGiant(app);
    await w6Benchmark(app);
    await app.set('investment', 'abc');
    await expect(app.errorOf('investment')).toBeVisible();
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
  });

  test(`no violations on a Shenzhen company's form and results by level, a lapsed document included, in ${lang}`, async ({ app, page }) => {
    await app.open(lang);
    await app.asOf('2026-12-20');
    await c1ShenzhenCompute(app);
    await app.expectResult('SZ-COMPUTE', 'notInForce', '—');
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ media: 'print' });
    expect(await violations(page)).toEqual([]);
    await page.emulateMedia({ media: 'screen' });
  });

  test(`no violations on a 390 px phone, with the answer, the folded programmes open, a money reading and the share panel, in ${lang}`, async ({ app, page }) => {
    await page.setViewportSize({ width: 390, height: 800 });
    await app.open(lang);
    await c1ShenzhenCompute(app);
    await expect(app.readBackOf('computeAmount')).toBeVisible();
    await page.locator('details.not-concerned summary').click();
    await page.getByRole('button', { name: app.w.share }).click();
    await expect(page.locator('#share-link')).toBeVisible();
    // axe judges the scroll position it finds. At most positions the bar at the foot covers part of
    // the form, as any bar at the foot does (focus stops above it: phone.spec); at the results it
    // rests at the end of the form and covers nothing.
    await page.locator('#results-heading').scrollIntoViewIfNeeded();
    expect(await violations(page)).toEqual([]);
    // And the same on a desktop.
    await page.setViewportSize({ width: 1280, height: 900 });
    expect(await violations(page)).toEqual([]);
  });

  test(`no violations on the rules view in ${lang}`, async ({ app, page }) => {
    await app.open(lang, '#rules');
    expect(await violations(page)).toEqual([]);
  });
}

test('errors are tied to their field and announced', async ({ app }) => {
  await app.open('en');
  await app.answer('benchmark');
  await app.set('investment', '-5');
  const error = app.errorOf('investment');
  await expect(error).toHaveAttribute('role', 'alert');
  const id = await error.getAttribute('id');
  await expect(app.field('investment')).toHaveAttribute('aria-describedby', new RegExp(id!));
});

test('verdicts are words and symbols, not colour alone', async ({ app }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await w3GuangzhouLittleGiant(app);
  await app.set('lgYear', '2023');
  await expect(app.row('P2-LG').locator('.badge')).toHaveText('✗ Not eligible');
});

test('the page works at 200% zoom without horizontal scrolling', async ({ app, page }) => {
  await page.setViewportSize({ width: 640, height: 800 }); // 1280 px at 200%
  await app.open('zh');
  await w3GuangzhouLittleGiant(app);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(app.row('P2-LG')).toBeVisible();
});
