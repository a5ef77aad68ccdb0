// The rules view lists every programme as the rule data says it, with its sources.
import { test, expect } from './fixtures';
import { document, pack, packOf, programme, question } from './pages/labels';

test('the rules view shows each programme with formula and sources, in both languages', async ({ app, page }) => {
  await app.open('en', '#rules');
  await expect(page.getByRole('heading', { name: 'The rules', level: 2 })).toBeVisible();
  const p1 = page.locator('#rule-P1');
  await expect(p1).toContainText('40% × (New R&D instruments and equipment (excl. tax) + Supporting software (excl. tax))');
  await expect(p1).toContainText('National ¥50,000,000; Provincial ¥10,000,000');
  await expect(page.locator('#rule-P3')).toContainText('at most 10 a year province-wide, ranked');
  await expect(page.locator('#rule-P3')).toContainText('粤工信数字产业函〔2025〕24号');
  const province = page.locator(`[id="pack-${packOf('province').id}"]`);
  await expect(province.locator('.documents')).toContainText('2025-09-01 – 2027-12-31');
  // The city packs are listed too, with their documents' periods of force and each programme's
  // confidence line, so that a company elsewhere sees what a city offers.
  const shenzhen = page.locator(`[id="pack-${packOf('city', 'Shenzhen').id}"]`);
  const sz13 = document('深工信规〔2024〕13号');
  await expect(shenzhen.locator('.documents')).toContainText(`${sz13.in_force!.from} – ${sz13.in_force!.to}`);
  await expect(shenzhen.locator('#rule-SZ-COMPUTE')).toContainText('Sourced from: official text');
  await expect(shenzhen.locator('#rule-SZ-COMPUTE')).toContainText('Shenzhen Science, Technology and Innovation Bureau');
  await app.switchLanguage('zh');
  await expect(page.locator('#rule-P1')).toContainText('国家级 50,000,000 元；省级 10,000,000 元');
  await expect(page.locator('#rule-SZ-COMPUTE')).toContainText('训力券');
});

test('the rules view lists each pack’s limits across programmes with their sources', async ({ app, page }) => {
  await app.open('en', '#rules');
  const longgang = pack('longgang');
  const ceiling = longgang.combined_ceilings![0];
  const limit = page.locator(`[id="limit-${longgang.id}-${ceiling.id}"]`);
  await expect(limit).toContainText(ceiling.text.en);
  // Counted in order: the city voucher first (with its level and place), then the district's.
  await expect(limit).toContainText(
    `at most 50% of ${question(ceiling.base).label.en} in all, counted in this order (the first keep their amounts): SZ-COMPUTE ${programme('SZ-COMPUTE').title.en} (City · Shenzhen), LG-COMPUTE ${programme('LG-COMPUTE').title.en}`,
  );
  await expect(limit).toContainText(`Other reading: ${ceiling.alternative.en}`);
  await expect(limit).toContainText('Sourced from: one secondary source only');
  const haizhu = pack('haizhu');
  const cap = haizhu.company_caps![0];
  await expect(page.locator(`[id="limit-${haizhu.id}-${cap.id}"]`)).toContainText(`${cap.text.en} — at most ¥10,000,000 in all for (the last listed are cut first): HZ-LLM-FILING`);
  const overlap = page.locator(`[id="pack-${pack('dongguan').id}"] .limits .overlap`);
  await expect(overlap).toContainText('Combination to confirm (both shown, not added together): DG-CENTRE');
  await expect(overlap).toContainText(`P1 ${programme('P1').title.en} (Province · Guangdong)`);
  await app.switchLanguage('zh');
  await expect(limit).toContainText(ceiling.text.zh);
  await expect(limit).toContainText('合计不超过');
});
