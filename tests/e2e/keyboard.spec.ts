// A worked example filled in and printed with the keyboard only: Tab to each control, type or
// pick, Space to tick, Enter to print. Focus order follows the form.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/** Presses Tab until the focused control is the one with this accessible label. */
async function tabTo(page: Page, label: string, limit = 80): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const name = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el) return '';
      const byFor = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
      return (byFor ?? el.getAttribute('aria-label') ?? el.textContent ?? '').trim();
    });
    if (name === label) return;
  }
  throw new Error(`Tab never reached "${label}"`);
}

/** Counts the print dialogs the page opens instead of opening them (`prints`). */
async function countPrints(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
}

async function prints(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { printed: number }).printed);
}

test('W3 filled in and printed with the keyboard only', async ({ app, page }) => {
  await app.open('en');
  await countPrints(page);
  const visited: string[] = [];
  const step = async (label: string, keys: () => Promise<void>) => {
    await tabTo(page, label);
    visited.push(label);
    await keys();
  };
  await step('Company name', () => page.keyboard.type('广州某智能装备有限公司'));
  await step('City', () => page.keyboard.type('Guangzhou'));
  await step('Registered in Guangdong', () => page.keyboard.type('Yes'));
  await step('Works in the AI & robotics field', () => page.keyboard.type('Yes'));
  await step('We were recognised as a national little giant', () => page.keyboard.press('Space'));
  await step('Year first recognised as a little giant', () => page.keyboard.type('2025'));
  await step('City award (little giant)', () => page.keyboard.type('1,000,000'));
  await step('As-of date', () => page.keyboard.type('03012026'));
  await step('Print eligibility sheet', () => page.keyboard.press('Enter'));

  await app.expectResult('P2-LG', 'eligible', '¥1,000,000');
  await expect(page.getByLabel('As-of date')).toHaveValue('2026-03-01');
  expect(await prints(page)).toBe(1);
  expect(visited).toHaveLength(9);
});

test('a skip link leads past the form to the results', async ({ app, page }) => {
  await app.open('en');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the results' });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press('Enter');
  await expect(page.locator('#results-heading')).toBeInViewport();
  expect(page.url()).toContain('#results-heading');
});

test('Import opens the file chooser with Enter and with Space; the hidden file input is no tab stop', async ({ app, page }) => {
  await app.open('en');
  await expect(page.locator('#import-file')).toHaveAttribute('tabindex', '-1');
  const importLabel = page.locator('.toolbar label.button');
  for (const key of ['Enter', 'Space']) {
    await importLabel.focus();
    const chooser = page.waitForEvent('filechooser');
    await page.keyboard.press(key);
    await chooser;
  }
  // Tabbing from Export reaches Import next, not the invisible input.
  await page.locator('.toolbar button').first().focus();
  await page.keyboard.press('Tab');
  await expect(importLabel).toBeFocused();
});

/**
 * Whether the focused element shows that it has focus: an outline or a box shadow of its own (the
 * browser's or the page's focus style), and it is on screen.
 */
async function focusShows(page: Page): Promise<string | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'nothing has focus';
    const style = getComputedStyle(el);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    const box = el.getBoundingClientRect();
    const seen = box.width > 0 && box.height > 0 && box.bottom > 0 && box.top < innerHeight;
    return ring && seen ? null : `${el.tagName}#${el.id} ${ring ? '' : 'has no focus ring'} ${seen ? '' : 'is off screen'}`;
  });
}

test('C1 filled in and printed with Tab, Enter and Space only, every focused element showing its focus', async ({ app, page }) => {
  await app.open('en');
  await countPrints(page);
  const unseen: string[] = [];
  const step = async (label: string, keys: () => Promise<void>) => {
    await tabTo(page, label);
    const problem = await focusShows(page);
    if (problem) unseen.push(`${label}: ${problem}`);
    await keys();
  };
  await step('Company name', () => page.keyboard.type('深圳某大模型科技有限公司'));
  await step('City', () => page.keyboard.type('Shenzhen'));
  await step('District', () => page.keyboard.type('Nanshan'));
  await step('Registered in Guangdong', () => page.keyboard.type('Yes'));
  await step('Works in the AI & robotics field', () => page.keyboard.type('Yes'));
  await step('Date founded', () => page.keyboard.type('03152021'));
  await step('We rent intelligent compute to train large models', () => page.keyboard.press('Space'));
  await step('Compute-rental service contract amount', () => page.keyboard.type('8,000,000'));
  await step('The compute is used to train large models', () => page.keyboard.type('Yes'));
  await step('The compute provider is not affiliated with us', () => page.keyboard.type('Yes'));
  await step('The provider is on the voucher provider list (入库)', () => page.keyboard.type('Yes'));
  await step('As-of date', () => page.keyboard.type('08012026'));
  await step('Print eligibility sheet', () => page.keyboard.press('Enter'));

  await app.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
  expect(await prints(page)).toBe(1);
  expect(unseen).toEqual([]);
});
