// The Shenzhen city pack through the form: the city examples of shared/rules/city-brief.md §8
// (C1, C3's city part, C9), its results grouped by level with their own totals, the printed sheet,
// the lapse of 深工信规〔2024〕13号, and a company elsewhere that never sees Shenzhen's questions.
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app';
import { holdBack } from './pages/hold';
import { c1ShenzhenCompute, c3LonggangCompute } from './pages/examples';
import { choice, confidenceLine, document, packOf, programme, question, type Lang, type ProgrammeId } from './pages/labels';

const yuan = { zh: (n: string) => `${n} 元`, en: (n: string) => `¥${n}` };
const shenzhen = packOf('city', 'Shenzhen');
const province = packOf('province');
// The programmes with a row of their own (those with nothing to estimate, such as the OPC plan, have none).
const cityProgrammes = (shenzhen.programmes ?? []).filter((p) => p.topic).map((p) => p.id);
const provinceProgrammes = ['P1', 'P2-LG', 'P2-SC', 'P3', 'P4', 'P5'] as const;
const SZ13 = '深工信规〔2024〕13号';
const sz13End = document(SZ13).in_force!.to!;
const computeWindow = programme('SZ-COMPUTE').windows![0];

/** The engine's sentences about a document's period of force (engine/src/explain.rs). */
const sentences = {
  // The answer first, per level (engine/src/explain.rs answer_text): C1 as of 2026-06-01.
  answerProvince: { zh: '广东省：按目前的填写，没有适用的项目。', en: 'From Guangdong: no programme applies on these answers.' },
  answerCity: { zh: '深圳市：按规则可得 4,000,000 元。', en: 'From Shenzhen: ¥4,000,000 by the rules.' },
  // The training-compute voucher recurs: after 13号 it is said that no later document was found, and whom to ask.
  endedWithoutSuccessor: {
    zh: () => `不符合：《${SZ13}》已于 ${sz13End} 失效，未发现延续本项目的后续文件（规则核对于 ${shenzhen.reviewed}）；请向${programme('SZ-COMPUTE').apply!.office.zh}咨询是否安排新一轮申报。`,
    en: () => `Not eligible: ${SZ13} ended on ${sz13End} and no later document for this programme was found (rules reviewed on ${shenzhen.reviewed}): ask ${programme('SZ-COMPUTE').apply!.office.en} whether a new round is planned.`,
  },
  /** The voucher's 2026 round, open on the as-of date, as "How to apply" gives it (a weak source). */
  windowOpen: {
    zh: (app: AppPage) => `${app.w.window}: 申报窗口开放中，截至 ${computeWindow.to}（${computeWindow.round}年度）（来源：${app.w.confidence.news_weak}）`,
    en: (app: AppPage) => `${app.w.window}: open until ${computeWindow.to} (${computeWindow.round} round) (source: ${app.w.confidence.news_weak})`,
  },
  wouldHaveBeen: {
    zh: (amount: string) => `若文件有效，按规则为 ${amount}（仅供参考）。`,
    en: (amount: string) => `Were it in force, the rules would give ${amount} (information only).`,
  },
  lapses: {
    zh: (days: number) => `注意：《${SZ13}》于 ${sz13End} 到期（距测算基准日 ${days} 天）`,
    en: (days: number) => `Note: ${SZ13} lapses on ${sz13End} (${days} days after the as-of date)`,
  },
};

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Text as pdftotext gives it, and as the page says it, both without white space. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

/** "市级 · 深圳市" / "City · Shenzhen": the level and place a programme is shown under. */
function levelLine(app: AppPage, level: 'province' | 'city', lang: Lang): string {
  return `${app.w.level[level]} · ${(level === 'city' ? shenzhen : province).place[lang]}`;
}

/** How to apply for a programme, as its pack says it: channel, office, window (if any), documents. */
function applyTexts(app: AppPage, id: ProgrammeId, lang: Lang): string[] {
  const apply = programme(id).apply!;
  const texts = [apply.channel[lang], apply.office[lang], ...(apply.documents ?? []).map((d) => d[lang])];
  if (apply.window) texts.push(`${app.w.window}: ${apply.window[lang]}`);
  return texts;
}

for (const lang of ['zh', 'en'] as Lang[]) {
  test.describe(`in ${lang}`, () => {
    test('C1: a Nanshan company renting compute gets half its contract as a voucher, on the page and on paper', async ({ app, page }) => {
      await app.open(lang);
      await app.asOf('2026-06-01');
      await c1ShenzhenCompute(app);

      await app.expectResult('SZ-COMPUTE', 'eligible', yuan[lang]('4,000,000'));
      const details = app.details('SZ-COMPUTE');
      await expect(details.locator('.calculation')).toContainText(`50% × ${yuan[lang]('8,000,000')} = ${yuan[lang]('4,000,000')}`);
      await expect(details.locator('.programme-level')).toHaveText(levelLine(app, 'city', lang));
      await expect(details.locator('.confidence')).toHaveText(confidenceLine('SZ-COMPUTE', lang));
      for (const text of applyTexts(app, 'SZ-COMPUTE', lang)) await expect(details.locator('.apply')).toContainText(text);
      // Where the as-of date falls among the voucher's windows: the 2026 round, open until 2026-06-05.
      await expect(details.locator('.apply .window')).toHaveText(sentences.windowOpen[lang](app));
      // Not a lapse yet: the document runs to the end of 2026.
      await expect(details).not.toContainText(SZ13 + (lang === 'zh' ? '》于' : ' lapses'));

      // The answer first, one sentence per level; the voucher under "eligible"; the programmes that
      // do not concern the company (the province's among them) folded into one line.
      await expect(page.locator('.answer p')).toHaveText([sentences.answerProvince[lang], sentences.answerCity[lang]]);
      await expect(page.locator('table.summary th[scope="rowgroup"]')).toHaveText([`${app.w.groupEligible} (1)`]);
      for (const id of [...provinceProgrammes, ...cityProgrammes]) await expect(app.listed(id)).toHaveCount(1);
      for (const id of provinceProgrammes) await expect(app.notConcerned(id)).toHaveCount(1);
      await expect(app.totals('city').locator('.total-rule-based')).toHaveText(yuan[lang]('4,000,000'));
      await expect(app.totals('province').locator('.total-rule-based')).toHaveText(yuan[lang]('0'));
      await expect(app.page.locator('.totals-level')).toHaveCount(2);

      const sheet = await app.printedSheet();
      expect(sheet.pages).toBeLessThanOrEqual(2);
      const printed = squeeze(sheet.flowing);
      for (const text of [
        app.w.programme['SZ-COMPUTE'],
        yuan[lang]('4,000,000'),
        `50% × ${yuan[lang]('8,000,000')} = ${yuan[lang]('4,000,000')}`,
        levelLine(app, 'city', lang),
        levelLine(app, 'province', lang),
        app.w.programme.P1,
        confidenceLine('SZ-COMPUTE', lang),
        app.w.howToApply,
        ...applyTexts(app, 'SZ-COMPUTE', lang),
        sentences.windowOpen[lang](app),
        '深圳某大模型科技有限公司',
        choice('company.district', 'nanshan').label[lang],
        '2026-06-01',
      ]) {
        expect(printed, text).toContain(squeeze(text));
      }
      expect(sheet.text).not.toContain(app.w.export);
    });

    test('C3 (city part): a Longgang contract of 10,000,000 gives 5,000,000 as of 2026-08-01', async ({ app }) => {
      await app.open(lang);
      await app.asOf('2026-08-01');
      await c3LonggangCompute(app);
      await app.expectResult('SZ-COMPUTE', 'eligible', yuan[lang]('5,000,000'));
      await expect(app.details('SZ-COMPUTE').locator('.calculation')).toContainText(`50% × ${yuan[lang]('10,000,000')} = ${yuan[lang]('5,000,000')}`);
      await expect(app.totals('city').locator('.total-rule-based')).toHaveText(yuan[lang]('5,000,000'));
      await expect(app.field('district')).toHaveValue('longgang');
    });

    test('C9: after 深工信规〔2024〕13号 lapses the voucher is not eligible, and what it would have been is information', async ({ app, page }) => {
      await app.open(lang);
      await app.asOf('2026-12-20');
      await c1ShenzhenCompute(app);

      await app.expectResult('SZ-COMPUTE', 'notInForce', '—');
      const details = app.details('SZ-COMPUTE');
      await expect(details.locator('.notes')).toContainText(sentences.endedWithoutSuccessor[lang]());
      await expect(details.locator('.notes')).toContainText(sentences.wouldHaveBeen[lang](yuan[lang]('4,000,000')));
      // Information only: no calculation as if it applied, and nothing counted.
      await expect(details.locator('.calculation')).toHaveCount(0);
      await expect(details.locator('.amount strong')).toHaveText('—');
      await expect(app.totals('city').locator('.total-rule-based')).toHaveText(yuan[lang]('0'));
      await expect(page.locator('.sheet .warning')).toContainText(SZ13);

      const sheet = await app.printedSheet();
      const printed = squeeze(sheet.flowing);
      for (const text of [
        app.w.programme['SZ-COMPUTE'],
        app.w.verdict.notInForce,
        sentences.endedWithoutSuccessor[lang](),
        sentences.wouldHaveBeen[lang](yuan[lang]('4,000,000')),
        levelLine(app, 'city', lang),
        '2026-12-20',
      ]) {
        expect(printed, text).toContain(squeeze(text));
      }
    });

    test('as of 2026-12-01 a Shenzhen result warns that 深工信规〔2024〕13号 lapses on 2026-12-17', async ({ app }) => {
      await app.open(lang);
      await app.asOf('2026-12-01');
      await c1ShenzhenCompute(app);
      await app.expectResult('SZ-COMPUTE', 'eligible', yuan[lang]('4,000,000'));
      await expect(app.details('SZ-COMPUTE').locator('.notes')).toContainText(sentences.lapses[lang](daysBetween('2026-12-01', sz13End)));
      // The warning comes only near the end: not half a year before.
      await app.asOf('2026-06-01');
      await expect(app.details('SZ-COMPUTE').locator('.notes')).not.toContainText(sentences.lapses[lang](daysBetween('2026-06-01', sz13End)));
      await expect(app.details('SZ-COMPUTE').locator('.notes')).not.toContainText(sz13End);
    });

    test("the district list shows only the chosen city's districts; Qianhai is its own choice", async ({ app, page }) => {
      await app.open(lang);
      const districts = question('company.district').choices!;
      const within = (city: string) => districts.filter((d) => d.within === city).map((d) => d.label[lang]);
      await app.set('city', app.w.choice.shenzhen);
      await expect.poll(() => app.visibleOptions('district')).toEqual([app.w.choose, ...within('shenzhen')]);
      const options = await app.visibleOptions('district');
      for (const name of ['qianhai', 'nanshan', 'baoan'] as const) expect(options).toContain(app.w.choice[name]);
      await app.set('city', app.w.choice.guangzhou);
      await expect.poll(() => app.visibleOptions('district')).toEqual([app.w.choose, ...within('guangzhou')]);
      // Qianhai, chosen as itself: the sheet names it, not Nanshan or Bao'an.
      await app.set('city', app.w.choice.shenzhen);
      await app.set('district', app.w.choice.qianhai);
      await expect(app.field('district')).toHaveValue('qianhai');
      const fact = page.locator('.sheet-facts div').filter({ has: page.locator(`dt:text-is("${app.w.field.district}")`) }).locator('dd');
      await expect(fact).toHaveText(app.w.choice.qianhai);
      await expect(page.locator('.sheet-facts')).not.toContainText(app.w.choice.nanshan);
      await expect(page.locator('.sheet-facts')).not.toContainText(app.w.choice.baoan);
    });
  });
}

test('the district question is asked only of companies in Shenzhen or Guangzhou', async ({ app }) => {
  await app.open('en');
  await expect(app.field('city')).toBeVisible();
  await expect(app.field('district')).toBeHidden();
  await app.set('city', app.w.choice.shenzhen);
  await expect(app.field('district')).toBeVisible();
  await app.set('city', app.w.choice.foshan);
  await expect(app.field('district')).toBeHidden();
  await app.set('city', app.w.choice.guangzhou);
  await expect(app.field('district')).toBeVisible();
});

test("a Guangzhou company never sees Shenzhen's switches; switching city hides and restores them with the answers kept", async ({ app, page }) => {
  await app.open('en');
  await app.asOf('2026-06-01');
  const shenzhenSwitches = shenzhen.topics.filter((t) => t.ask).map((t) => page.getByLabel(t.ask!.en, { exact: true }));
  const expectNoShenzhen = async () => {
    await expect(app.packSwitches(shenzhen.id)).toBeHidden();
    for (const toggle of shenzhenSwitches) await expect(toggle).toBeHidden();
    await expect(app.section('compute')).toBeHidden();
    for (const id of cityProgrammes) await expect(app.listed(id)).toHaveCount(0);
    await expect(app.details('SZ-COMPUTE')).toHaveCount(0);
    await expect(app.totals('city')).toHaveCount(0);
    // The province's switches and results stay.
    await expect(app.topicSwitch('innovationCentre')).toBeVisible();
    await expect(app.listed('P1')).toHaveCount(1);
  };

  await app.company('广州某人工智能有限公司');
  await expectNoShenzhen();
  await app.set('city', app.w.choice.guangzhou);
  await expectNoShenzhen();

  await app.set('city', app.w.choice.shenzhen);
  await expect(app.packSwitches(shenzhen.id)).toBeVisible();
  for (const toggle of shenzhenSwitches) await expect(toggle).toBeVisible();
  await c1ShenzhenCompute(app);
  await app.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');

  await app.set('city', app.w.choice.guangzhou);
  await expectNoShenzhen();

  await app.set('city', app.w.choice.shenzhen);
  await expect(app.topicSwitch('compute')).toBeChecked();
  await expect(app.section('compute')).toBeVisible();
  await expect(app.field('computeAmount')).toHaveValue('8,000,000');
  await expect(app.field('computeListed')).toHaveValue('true');
  await expect(app.field('district')).toHaveValue('nanshan');
  await app.expectResult('SZ-COMPUTE', 'eligible', '¥4,000,000');
  await expect(app.totals('city').locator('.total-rule-based')).toHaveText('¥4,000,000');
});

test('what is typed before the city packs arrive is kept when they arrive', async ({ app, page }) => {
  // Hold the city packs back (the page fetches them after its first results) until the user has typed.
  const release = await holdBack(page, '**/packs-places-*.postcard');
  // In Chinese: the page starts with its own packs (the province's, in Chinese) and loads the rest
  // after its first results. (A reader of English waits for them: see the next test.)
  app.lang = 'zh';
  await page.goto('/?lang=zh');
  await expect(page.locator('.profile-form')).toBeVisible();
  await expect(app.packSwitches(shenzhen.id)).toHaveCount(0);
  await app.company('深圳某大模型科技有限公司');
  await app.set('city', app.w.choice.shenzhen);
  await app.set('founded', '2021-03-15');
  await app.asOf('2026-03-01');
  await app.answer('innovationCentre');
  await app.set('level', app.w.choice.provincial);
  await app.set('approvalYear', '2025');
  await app.yes('operating');
  await app.set('equipment', '15,000,000');
  await app.set('software', '3,000,000');
  await app.expectResult('P1', 'eligible', '7,200,000 元');

  release();
  await app.ready();
  await expect(app.packSwitches(shenzhen.id)).toBeVisible();
  await expect(app.field('name')).toHaveValue('深圳某大模型科技有限公司');
  await expect(app.field('city')).toHaveValue('shenzhen');
  await expect(app.field('founded')).toHaveValue('2021-03-15');
  await expect(app.topicSwitch('innovationCentre')).toBeChecked();
  await expect(app.field('equipment')).toHaveValue('15,000,000');
  await expect(app.field('software')).toHaveValue('3,000,000');
  await app.expectResult('P1', 'eligible', '7,200,000 元');
  // And the city's questions now work on top.
  await app.set('district', app.w.choice.nanshan);
  await app.answer('compute');
  await app.set('computeAmount', '8,000,000');
  await app.yes('computeTrains');
  await app.yes('computeNonAffiliated');
  await app.yes('computeListed');
  await app.expectResult('SZ-COMPUTE', 'eligible', '4,000,000 元');
});

test.describe('with the service worker out of the way (its own fetches would not be held back)', () => {
test.use({ serviceWorkers: 'block' });
test('English comes with the packs loaded after the first results: a switch before they arrive waits for them', async ({ app, page }) => {
  const release = await holdBack(page, '**/packs-places-*.postcard');
  app.lang = 'zh';
  await page.goto('/?lang=zh');
  await app.answer('innovationCentre');
  await app.set('equipment', '15,000,000');
  // The page carries the province's texts in Chinese only: until the rest arrives, it stays Chinese.
  await page.getByRole('button', { name: 'English', exact: true }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.locator('label[for="f-company-name"]')).toHaveText(question('company.name').label.zh);
  release();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  app.lang = 'en';
  await app.ready();
  await expect(page.locator('label[for="f-company-name"]')).toHaveText(question('company.name').label.en);
  await expect(app.field('equipment')).toHaveValue('15,000,000');
  await expect(page.locator('#programme-P1')).toContainText(programme('P1').title.en);
});
});

test('a reader of English starts with every pack, so the first results are in English', async ({ app, page }) => {
  await app.open('en');
  await expect(page.locator('label[for="f-company-name"]')).toHaveText(question('company.name').label.en);
  await expect(app.notConcerned('P1')).toHaveCount(1);
});
