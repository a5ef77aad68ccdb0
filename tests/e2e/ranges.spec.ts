// Rough figures: a company that knows only ranges types them as people do, and sees honest bands
// with their reasoning on the page and on the printed sheet, in both languages.
import { test, expect } from './fixtures';
import { w6Benchmark } from './pages/examples';

test('a range typed in 万元 gives a band on the page and the sheet (Chinese)', async ({ app, page }) => {
  await app.open('zh');
  await app.asOf('2026-03-01');
  await w6Benchmark(app);
  await app.unitWan('investment');
  await app.set('investment', '200~300万');
  await expect(app.errorOf('investment')).toBeHidden();
  // Competitive: a band of ceilings, 30% at each end.
  await expect(app.row('P3').locator('td.num')).toHaveText('上限 600,000 元 – 900,000 元');
  await expect(app.totals('province').locator('.total-ceilings')).toHaveText('600,000 元 – 900,000 元');
  const details = page.locator('.programme', { hasText: app.w.programme.P3 }).first();
  await expect(details).toContainText('所填范围 2,000,000 元 – 3,000,000 元');
  await expect(details).toContainText('30% × 3,000,000 元 = 900,000 元');
  // What was typed stays as typed.
  await expect(app.field('investment')).toHaveValue('200~300万');
  const sheet = await app.printedSheet();
  const flat = sheet.text.replace(/\s+/g, '');
  for (const text of ['按范围填写的数值', '2,000,000元–3,000,000元', '上限600,000元–900,000元', '下限：', '30%×2,000,000元=600,000元']) {
    expect(flat, text).toContain(text);
  }
});

test('a range across a threshold says the verdict depends on it (English)', async ({ app }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await app.company('Shenzhen Open Source Co.');
  await app.answer('openSource');
  await app.set('activeUsers', '1,000');
  await app.set('enterprises', '150-250');
  await app.set('opex', '10,000,000');
  await app.expectResult('P4', 'depends', 'up to ¥3,000,000');
  await expect(app.page.locator('.programme', { hasText: app.w.programme.P4 }).first()).toContainText(
    'more than 200 needed (Enterprises served a year): your range 150 – 250 crosses it',
  );
  const sheet = await app.printedSheet();
  const text = sheet.text.replace(/\s+/g, ' ');
  for (const part of ['Figures given as ranges', 'Enterprises served a year: 150 – 250', 'your range 150 – 250 crosses it', 'up to ¥3,000,000']) {
    expect(text, part).toContain(part);
  }
});

test('a partly known base gives at least what is known, and bad ranges name the field', async ({ app }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await app.company('National Robot Centre Co.');
  await app.answer('innovationCentre');
  await app.set('level', app.w.choice.national);
  await app.set('approvalYear', '2025');
  await app.yes('operating');
  await app.set('equipment', '95,500,000');
  await expect(app.row('P1').locator('td.num')).toHaveText('if eligible: at least ¥38,200,000, up to ¥50,000,000');
  await expect(app.page.locator('.programme', { hasText: app.w.programme.P1 }).first()).toContainText(
    'would add up to ¥11,800,000 more before the ¥50,000,000 cap',
  );
  // A reversed range: a message naming the field; what was typed is kept.
  await app.set('software', '3,000,000-2,000,000');
  await expect(app.errorOf('software')).toContainText('low end is above its high end');
  await expect(app.field('software')).toHaveValue('3,000,000-2,000,000');
  // "About" is not a range, and says so.
  await app.set('software', 'about 2,000,000');
  await expect(app.errorOf('software')).toContainText('not a range');
});
