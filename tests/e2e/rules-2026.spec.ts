// Rules current on the day they are used (city-brief.md §10), as a user finds them on 2026-12-20,
// three days after 深工信规〔2024〕13号 ended, on the page and on paper, in both languages: the model
// voucher resting on the 2026 operating rules (C11), the training-compute voucher with no later
// document (C9), Baiyun's compute subsidy (C15), and a Huizhou company told what the estimator has
// for it (C17).
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app';
import { c11ShenzhenModelVoucher, c15BaiyunCompute, c17HuizhouLittleGiant, c1ShenzhenCompute } from './pages/examples';
import { choice, coverage, document, documentById, pack, packOf, programme, type Lang, type Pack } from './pages/labels';

const yuan = { zh: (n: string) => `${n} 元`, en: (n: string) => `¥${n}` };
const province = packOf('province');
const shenzhen = packOf('city', 'Shenzhen');
const SZ13 = document('深工信规〔2024〕13号');
// The Industry and IT Bureau's 2026 operating rules: known from one secondary source, no number seen.
const OPS = documentById(programme('SZ-MODEL').bases!.map((b) => b.document).find((id) => id !== 'sz_ai_2024')!);
const modelWindow = programme('SZ-MODEL').windows![0];
const cityGap = coverage('city');

/** The engine's sentences of the 2026 rules (engine/src/explain.rs), from the packs' data. */
const sentences = {
  /** A document a programme rests on, without a number: "Rests on: <short name> (in force to <end>)". */
  restsOn: {
    zh: (app: AppPage) => `${app.w.restsOn}: 《${OPS.short!.zh}》（有效期至 ${OPS.in_force!.to}）`,
    en: (app: AppPage) => `${app.w.restsOn}: ${OPS.short!.en} (in force to ${OPS.in_force!.to})`,
  },
  continues: {
    zh: (app: AppPage, amount: string) =>
      `《${SZ13.number}》已于 ${SZ13.in_force!.to} 失效。解读：本项目依据《${OPS.title.zh}》继续（有效期至 ${OPS.in_force!.to}；来源：${app.w.confidence.news_weak}），按此为 ${yuan.zh(amount)}。另一种解读：本项目随《${SZ13.number}》失效，为 0 元。`,
    en: (app: AppPage, amount: string) =>
      `${SZ13.number} ended on ${SZ13.in_force!.to}. Reading taken: the programme continues under the ${OPS.title.en} (in force to ${OPS.in_force!.to}; source: ${app.w.confidence.news_weak}), which gives ${yuan.en(amount)}. Other reading: it lapsed with ${SZ13.number}, which gives nothing.`,
  },
  /** The model voucher's second 2026 batch: open since its first day, its closing day not published. */
  windowOpenSince: {
    zh: (app: AppPage) => `${app.w.window}: 自 ${modelWindow.from} 起开放，截止日期未公布（${modelWindow.round}年度${modelWindow.label!.zh}）（来源：${app.w.confidence.news_weak}）`,
    en: (app: AppPage) => `${app.w.window}: open since ${modelWindow.from} (${modelWindow.round} round, ${modelWindow.label!.en}; closing date not published) (source: ${app.w.confidence.news_weak})`,
  },
  /** A pack as the sheet's "Policy packs" lists it: its title, version and review date. */
  reviewed: {
    zh: (p: Pack) => `${p.title.zh} ${p.version}，规则核对于 ${p.reviewed}`,
    en: (p: Pack) => `${p.title.en} ${p.version}, rules reviewed on ${p.reviewed}`,
  },
  endedWithoutSuccessor: {
    zh: (amount: string) =>
      `不符合：《${SZ13.number}》已于 ${SZ13.in_force!.to} 失效，未发现延续本项目的后续文件（规则核对于 ${shenzhen.reviewed}）；请向${programme('SZ-COMPUTE').apply!.office.zh}咨询是否安排新一轮申报。若文件有效，按规则为 ${yuan.zh(amount)}（仅供参考）。`,
    en: (amount: string) =>
      `Not eligible: ${SZ13.number} ended on ${SZ13.in_force!.to} and no later document for this programme was found (rules reviewed on ${shenzhen.reviewed}): ask ${programme('SZ-COMPUTE').apply!.office.en} whether a new round is planned. Were it in force, the rules would give ${yuan.en(amount)} (information only).`,
  },
  /** A city without a pack: what the estimator has, when that was reviewed, whom to ask, and what is known of the city. */
  noCityPack: {
    zh: (app: AppPage, city: 'huizhou') =>
      `本工具未收录${choice('company.city', city).label.zh}的${app.w.level.city}项目（规则核对于 ${cityGap.reviewed}）；请向${cityGap.ask.zh}咨询。省级项目照常列出。${knownOf(city).zh}`,
    en: (app: AppPage, city: 'huizhou') =>
      `The estimator has no ${app.w.level.city.toLowerCase()}-level programme for ${choice('company.city', city).label.en} (rules reviewed on ${cityGap.reviewed}); ask ${cityGap.ask.en}. The provincial programmes are shown as usual. ${knownOf(city).en}`,
  },
};

/** What the packs know of a city without a pack (a note for that city only). */
function knownOf(city: string) {
  return cityGap.notes!.find((n) => n.when?.one_of.values.includes(city))!.text;
}

for (const lang of ['zh', 'en'] as Lang[]) {
  test.describe(`in ${lang}, as of 2026-12-20`, () => {
    test.beforeEach(async ({ app }) => {
      await app.open(lang);
      await app.asOf('2026-12-20');
    });

    test('C11: the model voucher gives 240,000 under the 2026 operating rules, and the page and sheet say what it rests on', async ({ app }) => {
      await c11ShenzhenModelVoucher(app);
      await app.expectResult('SZ-MODEL', 'eligible', yuan[lang]('240,000'));
      const details = app.details('SZ-MODEL');
      await expect(details.locator('.basis')).toHaveText(sentences.restsOn[lang](app));
      await expect(details.locator('.notes')).toContainText(sentences.continues[lang](app, '240,000'));
      await expect(details.locator('.apply .window')).toHaveText(sentences.windowOpenSince[lang](app));
      // How fresh the rules are, pack by pack, among the packs the sheet rests on.
      for (const p of [province, shenzhen]) await expect(app.sheetFact(app.w.policyPacks)).toContainText(sentences.reviewed[lang](p));
      await app.expectOnPaper([app.w.programme['SZ-MODEL'], yuan[lang]('240,000'), sentences.restsOn[lang](app),
        sentences.continues[lang](app, '240,000'), sentences.windowOpenSince[lang](app),
        sentences.reviewed[lang](province), sentences.reviewed[lang](shenzhen), '2026-12-20']);
    });

    test('C9: C1’s training-compute voucher ended with no later document, and the user is told whom to ask', async ({ app }) => {
      await c1ShenzhenCompute(app);
      await app.expectResult('SZ-COMPUTE', 'notInForce', '—');
      await expect(app.details('SZ-COMPUTE').locator('.notes')).toContainText(sentences.endedWithoutSuccessor[lang]('4,000,000'));
      await expect(app.totals('city').locator('.total-rule-based')).toHaveText(yuan[lang]('0'));
      await app.expectOnPaper([app.w.programme['SZ-COMPUTE'], app.w.verdict.notInForce, sentences.endedWithoutSuccessor[lang]('4,000,000')]);
    });

    test('C15: a small firm in Baiyun spending 2,000,000 on compute gets 15%, 300,000', async ({ app }) => {
      await c15BaiyunCompute(app);
      await expect(app.packSwitches(pack('baiyun').id)).toBeVisible();
      await app.expectResult('BY-COMPUTE', 'eligible', yuan[lang]('300,000'));
      const calculation = `15% × ${yuan[lang]('2,000,000')} = ${yuan[lang]('300,000')}`;
      await expect(app.details('BY-COMPUTE').locator('.calculation')).toContainText(calculation);
      await expect(app.totals('district').locator('.total-rule-based')).toHaveText(yuan[lang]('300,000'));
      await app.expectOnPaper([app.w.programme['BY-COMPUTE'], yuan[lang]('300,000'), calculation, app.w.choice.baiyun, app.w.choice.smallMicro]);
    });

    test('C17: a Huizhou little giant gets the provincial match, and is told there is no Huizhou programme and whom to ask', async ({ app }) => {
      await c17HuizhouLittleGiant(app);
      await app.expectResult('P2-LG', 'eligible', yuan[lang]('800,000'));
      await expect(app.coverageGaps().locator('li')).toHaveText([sentences.noCityPack[lang](app, 'huizhou')]);
      // Huizhou's own award, which the match rests on, is the city's line and total.
      await app.expectResult('P2-LG-CITY', 'eligible', yuan[lang]('800,000'));
      await expect(app.page.locator('.totals-level')).toHaveCount(2);
      await expect(app.totals('city').locator('.total-rule-based')).toHaveText(yuan[lang]('800,000'));
      await app.expectOnPaper([app.w.programme['P2-LG'], app.w.programme['P2-LG-CITY'], yuan[lang]('800,000'), app.w.coverageHeading, sentences.noCityPack[lang](app, 'huizhou')]);
    });
  });
}
