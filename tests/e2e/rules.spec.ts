// The rules view lists every programme as the rule data says it, with its sources.
import { test, expect } from './fixtures';

test('the rules view shows each programme with formula and sources, in both languages', async ({ app, page }) => {
  await app.open('en', '#rules');
  await expect(page.getByRole('heading', { name: 'The rules', level: 2 })).toBeVisible();
  const p1 = page.locator('#rule-P1');
  await expect(p1).toContainText('40% × (New R&D instruments and equipment (excl. tax) + Supporting software (excl. tax))');
  await expect(p1).toContainText('National ¥50,000,000; Provincial ¥10,000,000');
  await expect(page.locator('#rule-P3')).toContainText('at most 10 a year province-wide, ranked');
  await expect(page.locator('#rule-P3')).toContainText('粤工信数字产业函〔2025〕24号');
  await expect(page.locator('.documents')).toContainText('2025-09-01 – 2027-12-31');
  await app.switchLanguage('zh');
  await expect(page.locator('#rule-P1')).toContainText('国家级 50,000,000 元；省级 10,000,000 元');
});
