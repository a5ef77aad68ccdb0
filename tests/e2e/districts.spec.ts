// The city and district packs of issue 11 through the form: C3 in full (a Longgang company whose
// district compute voucher is on the same contract as its city voucher, under the combined 50%
// ceiling, on the page and on paper, in both languages), the same company with "same contract"
// left unknown (the default reading, said so), and a Guangming, a Zhuhai (C4), a Dongguan (C6)
// and a Haizhu company, each seeing the programmes of its province, its city and its district.
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app';
import { c3LonggangDistrictClaim, c4ZhuhaiCompute, c6DongguanComputeAndWorkshop, shenzhenCompute } from './pages/examples';
import { choice, confidenceLine, document, pack, packOf, packs, programme, question, type Lang, type Pack } from './pages/labels';

const yuan = { zh: (n: string) => `${n} 元`, en: (n: string) => `¥${n}` };
const province = packOf('province');
const shenzhen = packOf('city', 'Shenzhen');
const longgang = pack('longgang');
const guangming = pack('guangming');
const zhuhai = pack('zhuhai');
const dongguan = pack('dongguan');
const haizhu = pack('haizhu');
const ceiling = longgang.combined_ceilings![0];
// The ceiling's base and the question that decides whether it concerns the company.
const ceilingBase = question(ceiling.base).label;
const sameContract = question(ceiling.when!.is!.field).label;

/** The engine's sentences about the combined ceiling and the dated cap (engine/src/explain.rs). */
const sentences = {
  exceeds: {
    zh: (counted: string, before: string, base: string, limit: string, after: string) =>
      `${yuan.zh(counted)} + ${yuan.zh(before)} 将超过 50% × ${yuan.zh(base)} = ${yuan.zh(limit)}（按“${ceilingBase.zh}”计的各项支持合计上限）：本项为 ${yuan.zh(after)}`,
    en: (counted: string, before: string, base: string, limit: string, after: string) =>
      `${yuan.en(counted)} + ${yuan.en(before)} would exceed 50% × ${yuan.en(base)} = ${yuan.en(limit)}, the most all support on “${ceilingBase.en}” may give together: this programme gives ${yuan.en(after)}`,
  },
  otherReading: {
    zh: (amount: string) => `另一种解读：${ceiling.alternative.zh}，按此为 ${yuan.zh(amount)}。`,
    en: (amount: string) => `Other reading: ${ceiling.alternative.en}; it would give ${yuan.en(amount)}.`,
  },
  assumed: {
    zh: `“${sameContract.zh}”未填写：按默认解读，适用此上限。`,
    en: `“${sameContract.en}” not given: the default reading is taken, the ceiling applies.`,
  },
  datedCap: {
    zh: (cap: string, from: string) => `未达到${from}起适用的上限 ${yuan.zh(cap)}`,
    en: (cap: string, from: string) => `the ${yuan.en(cap)} cap (in force from ${from}) is not reached`,
  },
  capNotReached: {
    zh: (cap: string) => `未达到上限 ${yuan.zh(cap)}`,
    en: (cap: string) => `the ${yuan.en(cap)} cap is not reached`,
  },
  companyCapFits: {
    zh: (cap: string, others: string, amount: string) => `每家企业每年合计最高 ${yuan.zh(cap)}：此前计入的项目已计 ${yuan.zh(others)}，本项 ${yuan.zh(amount)} 未超出`,
    en: (cap: string, others: string, amount: string) =>
      `at most ${yuan.en(cap)} a year per company in all: ${yuan.en(others)} from the programmes counted before it, and ${yuan.en(amount)} fits within it`,
  },
  noEnd: {
    zh: (number: string) => `《${number}》的有效期截止日期未见公布，请向主管部门确认。`,
    en: (number: string) => `No end of force has been published for ${number}: confirm with the issuing office.`,
  },
};

/** Text as pdftotext gives it, and as the page says it, both without white space. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** "区级 · 深圳市龙岗区" / "District · Longgang District, Shenzhen": the heading of a pack's results. */
function levelLine(app: AppPage, p: Pack, lang: Lang): string {
  return `${app.w.level[p.level as 'province' | 'city' | 'district']} · ${p.place[lang]}`;
}

/** The programmes of a pack that are evaluated (informational items have no topic and no row). */
function evaluated(p: Pack): string[] {
  return (p.programmes ?? []).filter((x) => x.topic).map((x) => x.id);
}

/**
 * The results answer for each level of the packs that apply, each level with its own totals; every
 * programme of those packs is listed (a row, or among those that do not concern the company), and
 * no programme of the other places is.
 */
async function expectPacks(app: AppPage, shown: Pack[], levels = [...new Set(shown.map((p) => p.level))]): Promise<void> {
  await expect(app.page.locator('.answer p')).toHaveCount(levels.length);
  await expect(app.page.locator('.totals-level')).toHaveCount(levels.length);
  for (const p of shown) for (const id of evaluated(p)) await expect(app.listed(id), id).toHaveCount(1);
  for (const other of packs.filter((p) => (p.level === 'city' || p.level === 'district') && !shown.includes(p))) {
    for (const id of evaluated(other)) await expect(app.listed(id), id).toHaveCount(0);
  }
}

for (const lang of ['zh', 'en'] as Lang[]) {
  test.describe(`in ${lang}`, () => {
    test('C3: on the same contract the Longgang voucher gets nothing under the 50% ceiling, the city voucher counted first; on the page and on paper', async ({ app, page }) => {
      await app.open(lang);
      await app.asOf('2026-08-01');
      await c3LonggangDistrictClaim(app, 'yes');

      await app.expectResult('SZ-COMPUTE', 'eligible', yuan[lang]('5,000,000'));
      await app.expectResult('LG-COMPUTE', 'cutByCeiling', yuan[lang]('0'));
      // Counted first, the city voucher keeps its amount and has no line about the ceiling.
      const sz = app.details('SZ-COMPUTE');
      await expect(sz.locator('.calculation')).toContainText(`50% × ${yuan[lang]('10,000,000')} = ${yuan[lang]('5,000,000')}`);
      for (const word of lang === 'zh' ? ['将超过', '未超过'] : ['would exceed', 'is within']) await expect(sz.locator('.calculation')).not.toContainText(word);
      await expect(sz.locator('.notes')).not.toContainText(ceiling.text[lang]);
      // The district's own amount, its cap of the period of the as-of date, then the ceiling.
      const lg = app.details('LG-COMPUTE');
      await expect(lg.locator('.programme-level')).toHaveText(levelLine(app, longgang, lang));
      const calculation = lg.locator('.calculation li');
      await expect(calculation).toHaveText([
        `30% × ${yuan[lang]('10,000,000')} = ${yuan[lang]('3,000,000')}`,
        sentences.datedCap[lang]('20,000,000', '2026-06-29'),
        sentences.exceeds[lang]('5,000,000', '3,000,000', '10,000,000', '5,000,000', '0'),
      ]);
      // The note: the rule, the other reading with its amount, and how weak the source is.
      const notes = lg.locator('.notes');
      await expect(notes).toContainText(ceiling.text[lang]);
      await expect(notes).toContainText(sentences.otherReading[lang]('3,000,000'));
      await expect(notes).not.toContainText(sentences.assumed[lang]);
      await expect(lg.locator('.confidence')).toHaveText(confidenceLine('LG-COMPUTE', lang));
      await expect(lg.locator('.missing')).toHaveCount(0);
      // The district's programme has no conditions of its own: no empty heading for them.
      await expect(lg.locator('.conditions')).toHaveCount(0);

      // Three levels, each with its totals: the district's ¥0 is not added to the city's.
      await expectPacks(app, [province, shenzhen, longgang]);
      await expect(app.totals('province').locator('.total-rule-based')).toHaveText(yuan[lang]('0'));
      await expect(app.totals('city').locator('.total-rule-based')).toHaveText(yuan[lang]('5,000,000'));
      await expect(app.totals('district').locator('.total-rule-based')).toHaveText(yuan[lang]('0'));
      await expect(app.totals('district').locator('.total-ceilings')).toHaveText(yuan[lang]('0'));
      await expect(page.locator('.sheet-facts')).toContainText(`${longgang.title[lang]} ${longgang.version}`);

      const sheet = await app.printedSheet();
      const printed = squeeze(sheet.flowing);
      for (const text of [
        app.w.programme['SZ-COMPUTE'],
        app.w.programme['LG-COMPUTE'],
        levelLine(app, province, lang),
        levelLine(app, shenzhen, lang),
        levelLine(app, longgang, lang),
        `50% × ${yuan[lang]('10,000,000')} = ${yuan[lang]('5,000,000')}`,
        `30% × ${yuan[lang]('10,000,000')} = ${yuan[lang]('3,000,000')}`,
        sentences.datedCap[lang]('20,000,000', '2026-06-29'),
        sentences.exceeds[lang]('5,000,000', '3,000,000', '10,000,000', '5,000,000', '0'),
        ceiling.text[lang],
        sentences.otherReading[lang]('3,000,000'),
        confidenceLine('LG-COMPUTE', lang),
        '深圳龙岗某智算科技有限公司',
        choice('company.district', 'longgang').label[lang],
        '2026-08-01',
      ]) {
        expect(printed, text).toContain(squeeze(text));
      }
      expect(sheet.text).not.toContain(app.w.export);
    });

    test('C3 with "same contract" left unknown: the ceiling applies by default and the note says so', async ({ app }) => {
      await app.open(lang);
      await app.asOf('2026-08-01');
      await c3LonggangDistrictClaim(app, 'unknown');
      await expect(app.field('lgSameContract')).toHaveValue('');

      await app.expectResult('SZ-COMPUTE', 'eligible', yuan[lang]('5,000,000'));
      // Not undetermined: the default reading gives an amount.
      await app.expectResult('LG-COMPUTE', 'cutByCeiling', yuan[lang]('0'));
      const lg = app.details('LG-COMPUTE');
      await expect(lg.locator('.calculation')).toContainText(sentences.exceeds[lang]('5,000,000', '3,000,000', '10,000,000', '5,000,000', '0'));
      await expect(lg.locator('.notes')).toContainText(sentences.assumed[lang]);
      await expect(lg.locator('.notes')).toContainText(sentences.otherReading[lang]('3,000,000'));
      await expect(lg.locator('.missing')).toHaveCount(0);
      await expect(app.totals('district').locator('.total-rule-based')).toHaveText(yuan[lang]('0'));

      const printed = squeeze((await app.printedSheet()).flowing);
      for (const text of [sentences.assumed[lang], sentences.otherReading[lang]('3,000,000'), app.w.programme['LG-COMPUTE']]) {
        expect(printed, text).toContain(squeeze(text));
      }

      // Another contract: the ceiling does not concern it, and the district's voucher is whole.
      await app.set('lgSameContract', app.w.no);
      await app.expectResult('LG-COMPUTE', 'eligible', yuan[lang]('3,000,000'));
      await expect(lg.locator('.calculation')).not.toContainText(lang === 'zh' ? '将超过' : 'would exceed');
      await expect(lg.locator('.notes')).not.toContainText(sentences.assumed[lang]);
      await expect(app.totals('city').locator('.total-rule-based')).toHaveText(yuan[lang]('5,000,000'));
      await expect(app.totals('district').locator('.total-rule-based')).toHaveText(yuan[lang]('3,000,000'));
    });
  });
}

test('a Guangming company sees the province, Shenzhen and Guangming; another contract is not under the ceiling', async ({ app, page }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  await shenzhenCompute(app, { name: '深圳光明某人工智能有限公司', district: 'guangming', contract: '8,000,000', founded: '2021-03-15' });
  await expect(app.packSwitches(guangming.id)).toBeVisible();
  await expect(app.packSwitches(longgang.id)).toBeHidden();
  await app.answer('guangmingCompute');
  await app.set('gmSpend', '2,000,000');
  await app.set('gmSameContract', app.w.no);
  await app.answer('guangmingCorpus');
  await app.set('gmCorpusAmount', '1,000,000');
  await app.yes('gmCorpusNonAffiliated');
  await app.yes('gmCorpusOnPlatform');

  await app.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
  await app.expectResult('GM-COMPUTE', 'eligible', '¥600,000');
  await app.expectResult('GM-CORPUS', 'eligible', '¥300,000');
  await expect(app.details('GM-COMPUTE').locator('.calculation li')).toHaveText(['30% × ¥2,000,000 = ¥600,000', sentences.capNotReached.en('6,000,000')]);
  await expect(app.details('GM-CORPUS').locator('.calculation')).toContainText('30% × ¥1,000,000 = ¥300,000');
  await expectPacks(app, [province, shenzhen, guangming]);
  await expect(app.totals('province').locator('.total-rule-based')).toHaveText('¥0');
  await expect(app.totals('city').locator('.total-rule-based')).toHaveText('¥4,000,000');
  await expect(app.totals('district').locator('.total-rule-based')).toHaveText('¥900,000');
  await expect(page.locator('.sheet-facts')).toContainText(choice('company.district', 'guangming').label.en);
});

test('C4: a Zhuhai company gets half of 3,000,000 of compute as a voucher paid without application', async ({ app }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  // Zhuhai's own company question is asked only of a Zhuhai company, and no district at all.
  await expect(app.field('nationalKeyProject')).toBeHidden();
  await c4ZhuhaiCompute(app);
  await expect(app.field('nationalKeyProject')).toBeVisible();
  await expect(app.field('district')).toBeHidden();
  await expect(app.packSwitches(zhuhai.id)).toBeVisible();
  await expect(app.packSwitches(shenzhen.id)).toBeHidden();

  await app.expectResult('ZH-COMPUTE', 'eligible', '¥1,500,000');
  const details = app.details('ZH-COMPUTE');
  await expect(details.locator('.calculation li')).toHaveText(['50% × ¥3,000,000 = ¥1,500,000', sentences.capNotReached.en('2,000,000')]);
  const apply = programme('ZH-COMPUTE').apply!;
  await expect(details.locator('.apply')).toContainText(apply.channel.en);
  await expect(details.locator('.apply')).toContainText(apply.office.en);
  const zh68 = document('珠工信〔2025〕68号');
  expect(zh68.in_force?.to ?? null).toBeNull();
  await expect(details.locator('.notes')).toContainText(sentences.noEnd.en(zh68.number));
  await expectPacks(app, [province, zhuhai]);
  await expect(app.totals('province').locator('.total-rule-based')).toHaveText('¥0');
  await expect(app.totals('city').locator('.total-rule-based')).toHaveText('¥1,500,000');

  await app.switchLanguage('zh');
  await app.expectResult('ZH-COMPUTE', 'eligible', '1,500,000 元');
  await expect(details.locator('.apply')).toContainText(apply.channel.zh);
  await expect(details.locator('.apply')).toContainText('免申即享');
});

test('C6: a Dongguan company gets its compute voucher and sees the smart-workshop ceiling apart', async ({ app }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  await c6DongguanComputeAndWorkshop(app);
  await expect(app.packSwitches(dongguan.id)).toBeVisible();

  await app.expectResult('DG-COMPUTE', 'eligible', '¥750,000');
  await app.expectResult('DG-WORKSHOP', 'competitive', 'up to ¥2,000,000');
  await expect(app.details('DG-COMPUTE').locator('.calculation li')).toHaveText(['50% × ¥1,500,000 = ¥750,000', sentences.capNotReached.en('1,000,000')]);
  await expect(app.details('DG-WORKSHOP').locator('.calculation li')).toHaveText(['25% × ¥10,000,000 = ¥2,500,000', 'capped to ¥2,000,000']);
  await expect(app.details('DG-WORKSHOP').locator('.notes')).toContainText('Competitive');
  await expectPacks(app, [province, dongguan]);
  // The competitive ceiling is totalled apart from the rule-based amount.
  await expect(app.totals('city').locator('.total-rule-based')).toHaveText('¥750,000');
  await expect(app.totals('city').locator('.total-ceilings')).toHaveText('¥2,000,000');
  await expect(app.totals('province').locator('.total-rule-based')).toHaveText('¥0');
});

test('a Haizhu company sees the province and Haizhu (Guangzhou’s city pack has nothing to estimate); its awards are within the yearly cap per company', async ({ app }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  await app.company('广州海珠某大模型科技有限公司');
  await app.set('city', app.w.choice.guangzhou);
  await app.set('district', app.w.choice.haizhu);
  await expect(app.packSwitches(haizhu.id)).toBeVisible();
  await expect(app.packSwitches(shenzhen.id)).toBeHidden();
  // A provincial programme, with Guangzhou's published little-giant award assumed.
  await app.answer('littleGiant');
  await app.set('lgYear', '2025');
  await app.answer('haizhuFiling');
  await app.yes('hzLlmFiling');
  await app.yes('hzAlgorithmFiling');
  await app.answer('haizhuScenario');
  await app.set('hzScenarioInvestment', '10,000,000');

  await app.expectResult('P2-LG', 'eligible', '¥1,000,000');
  await app.expectResult('HZ-LLM-FILING', 'eligible', '¥1,000,000');
  await app.expectResult('HZ-ALGO-FILING', 'eligible', '¥200,000');
  await app.expectResult('HZ-SCENARIO', 'competitive', 'up to ¥3,000,000');
  // The yearly cap per company is a line of the calculation of each programme counted after the first.
  const cap = haizhu.company_caps![0];
  await expect(app.details('HZ-LLM-FILING').locator('.calculation li')).toHaveText(['a fixed amount of at most ¥1,000,000']);
  await expect(app.details('HZ-ALGO-FILING').locator('.calculation')).toContainText(sentences.companyCapFits.en('10,000,000', '1,000,000', '200,000'));
  await expect(app.details('HZ-SCENARIO').locator('.calculation')).toContainText(sentences.companyCapFits.en('10,000,000', '1,200,000', '3,000,000'));
  // Within the cap: nothing cut, so no note of what it would have been without it.
  for (const id of ['HZ-LLM-FILING', 'HZ-ALGO-FILING', 'HZ-SCENARIO']) await expect(app.details(id).locator('.notes')).not.toContainText(`${cap.text.en}: without it`);
  // The city award the provincial match rests on is the city's line (Guangzhou's published figure,
  // assumed), though Guangzhou's own pack has nothing to estimate.
  await app.expectResult('P2-LG-CITY', 'eligible', '¥1,000,000');
  await expectPacks(app, [province, haizhu], ['province', 'city', 'district']);
  await expect(app.totals('city').locator('.total-rule-based')).toHaveText('¥1,000,000');
  await expect(app.totals('province').locator('.total-rule-based')).toHaveText('¥1,000,000');
  await expect(app.totals('district').locator('.total-rule-based')).toHaveText('¥1,200,000');
  await expect(app.totals('district').locator('.total-ceilings')).toHaveText('¥3,000,000');
});

for (const lang of ['zh', 'en'] as const) {
  test(`a Huangpu company sees the district's vouchers as a pointer with where to ask, on the page and on paper (${lang})`, async ({ app, page }) => {
    const huangpu = pack('huangpu');
    const item = huangpu.programmes!.find((p) => p.id === 'HP-VOUCHERS')!;
    await app.open(lang);
    await app.company('广州黄埔某机器人有限公司');
    await app.set('city', app.w.choice.guangzhou);
    await app.set('district', app.w.choice.huangpu);
    const info = page.locator('[id="info-HP-VOUCHERS"]');
    await expect(info).toContainText(`${levelLine(app, huangpu, lang)} — ${item.title[lang]}`);
    await expect(info).toContainText(item.apply!.office[lang]);
    await expect(info).toContainText(item.apply!.channel[lang]);
    // A pointer, not a programme with an amount: not in the summary table, nothing added to a total.
    await expect(page.locator('table.summary')).not.toContainText(item.title[lang]);
    await expect(app.totals('district')).toHaveCount(0);
    const printed = squeeze((await app.printedSheet()).flowing);
    for (const text of [item.title[lang], item.apply!.office[lang]]) expect(printed, text).toContain(squeeze(text));
  });
}
