// The printed eligibility sheet: a clean A4 document in the chosen language with the company's
// name, the amounts and the citations, on at most two pages.
import { test, expect } from './fixtures';
import { w3GuangzhouLittleGiant, w6Benchmark } from './pages/examples';

async function fillSheetExample(app: import('./pages/app').AppPage) {
  await app.asOf('2026-03-01');
  await w3GuangzhouLittleGiant(app);
  await w6Benchmark(app);
  await app.set('name', '广州某智能装备有限公司');
}

test('the Chinese sheet holds the company, amounts and citations', async ({ app }) => {
  await app.open('zh');
  await fillSheetExample(app);
  const sheet = await app.printedSheet();
  expect(sheet.pages).toBeGreaterThanOrEqual(1);
  // Soft: the sheet's content is checked too when it runs long (the test fails all the same).
  expect.soft(sheet.pages, 'the sheet fits on at most two A4 pages').toBeLessThanOrEqual(2);
  for (const text of ['资格测算单', '广州某智能装备有限公司', '2026-03-01', '1,000,000 元', '≤ 3,600,000 元',
    '粤府办〔2025〕6号', '粤工信规字〔2025〕6号', '不构成资金安排决定', '本机计算，未上传任何数据']) {
    expect(sheet.text.replace(/\s+/g, ''), text).toContain(text.replace(/\s+/g, ''));
  }
  // No form chrome on paper.
  expect(sheet.text).not.toContain('导出档案');
  expect(sheet.text).not.toContain('以下哪些情况适用于贵单位');
});

test('the English sheet says the same in English', async ({ app }) => {
  await app.open('en');
  await fillSheetExample(app);
  const sheet = await app.printedSheet();
  expect.soft(sheet.pages, 'the sheet fits on at most two A4 pages').toBeLessThanOrEqual(2);
  for (const text of ['Eligibility Estimate', '广州某智能装备有限公司', '¥1,000,000', 'up to ¥3,600,000',
    '30% × ¥12,000,000 = ¥3,600,000', '粤府办〔2025〕6号', 'not a funding decision', 'Generated']) {
    expect(sheet.text.replace(/\s+/g, ' '), text).toContain(text);
  }
  expect(sheet.text).not.toContain('Export profile');
});

test('the print button opens the browser print dialog', async ({ app, page }) => {
  await app.open('en');
  await page.evaluate(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => { (window as unknown as { printed: number }).printed += 1; };
  });
  await page.getByRole('button', { name: 'Print eligibility sheet' }).click();
  expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
});
