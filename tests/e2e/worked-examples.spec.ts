// The starred worked examples, typed through the form by their visible labels, in both languages.
import { test, expect } from './fixtures';
import { prefillSource, type Lang } from './pages/labels';
import { w11LittleGiantNoAward, w1ProvincialCentre, w3GuangzhouLittleGiant, w6Benchmark } from './pages/examples';

const yuan = { zh: (n: string) => `${n} 元`, en: (n: string) => `¥${n}` };

for (const lang of ['zh', 'en'] as Lang[]) {
  test.describe(`in ${lang}`, () => {
    test.beforeEach(async ({ app }) => {
      await app.open(lang);
      await app.asOf('2026-03-01');
    });

    test('W1: a provincial innovation centre gets 40% of 18,000,000', async ({ app }) => {
      await w1ProvincialCentre(app);
      await app.expectResult('P1', 'eligible', yuan[lang]('7,200,000'));
      await expect(app.details('P1')).toContainText(`40% × ${yuan[lang]('18,000,000')} = ${yuan[lang]('7,200,000')}`);
    });

    test('W3: a Guangzhou little giant gets a 1:1 match', async ({ app }) => {
      await w3GuangzhouLittleGiant(app);
      await app.expectResult('P2-LG', 'eligible', yuan[lang]('1,000,000'));
      await expect(app.details('P2-LG')).toContainText(yuan[lang]('2,000,000'));
    });

    test('W6: a benchmark project shows a competitive ceiling', async ({ app }) => {
      await w6Benchmark(app);
      await app.expectResult('P3', 'competitive', lang === 'zh' ? '≤ 3,600,000 元' : 'up to ¥3,600,000');
      await expect(app.totals('province').locator('.total-ceilings')).toHaveText(yuan[lang]('3,600,000'));
      await expect(app.totals('province').locator('.total-rule-based')).toHaveText(yuan[lang]('0'));
      // A company outside the cities with packs has the province's totals only.
      await expect(app.page.locator('.totals-level')).toHaveCount(1);
    });

    test('W11: a little giant without a city award is undetermined and names it', async ({ app }) => {
      await w11LittleGiantNoAward(app);
      // Not a silent zero: up to half the ¥2,000,000 total cap, whatever the city award.
      await app.expectResult('P2-LG', 'undetermined', lang === 'zh' ? '若符合：最高 1,000,000 元' : 'if eligible: up to ¥1,000,000');
      await expect(app.details('P2-LG').locator('.missing')).toContainText(app.w.field.lgAward);
      await expect(app.page.locator('.still-needed')).toContainText(app.w.field.lgAward);
    });
  });
}

test('choosing Guangzhou pre-fills the city award as an assumption', async ({ app }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await w11LittleGiantNoAward(app);
  await app.set('city', app.w.choice.guangzhou);
  const source = prefillSource('little_giant.city_award');
  await expect(app.fieldBox('lgAward')).toContainText(`If left empty, ¥1,000,000 is assumed from ${source}`);
  await app.expectResult('P2-LG', 'eligible', '¥1,000,000');
  await expect(app.details('P2-LG')).toContainText(`Assumption: ${app.w.field.lgAward} was not entered; ¥1,000,000 is pre-filled from ${source}`);
  // Typing a figure overrides the assumption.
  await app.set('lgAward', '600,000');
  await app.expectResult('P2-LG', 'eligible', '¥600,000');
  await expect(app.details('P2-LG')).not.toContainText('Assumption');
});
