// The starred worked examples of shared/rules/worked-examples.md (as of 2026-03-01), the city
// examples of shared/rules/city-brief.md §8 (as of 2026-06-01 unless said otherwise) and its 2026
// examples of §10 (as of 2026-12-20), filled in through the form the way a user would.
import type { AppPage } from './app';
import type { ChoiceName } from './labels';

export async function w1ProvincialCentre(app: AppPage): Promise<void> {
  await app.company('广东某智能制造创新中心有限公司');
  await app.answer('innovationCentre');
  await app.set('level', app.w.choice.provincial);
  await app.set('approvalYear', '2025');
  await app.yes('operating');
  await app.set('equipment', '15,000,000');
  await app.set('software', '3,000,000');
}

export async function w3GuangzhouLittleGiant(app: AppPage): Promise<void> {
  await app.company('广州某智能装备有限公司');
  await app.set('city', app.w.choice.guangzhou);
  await app.answer('littleGiant');
  await app.set('lgYear', '2025');
  await app.set('lgAward', '1,000,000');
}

export async function w6Benchmark(app: AppPage): Promise<void> {
  await app.company('惠州某电子制造有限公司');
  await app.answer('benchmark');
  await app.set('applicantType', app.w.choice.manufacturer);
  await app.set('start', '2023-03-01');
  await app.set('completion', '2025-05-31');
  await app.set('investment', '12,000,000');
  await app.yes('inGuangdong');
}

export async function w11LittleGiantNoAward(app: AppPage): Promise<void> {
  await app.company('某智能机器人有限公司');
  await app.answer('littleGiant');
  await app.set('lgYear', '2025');
}

/** A Shenzhen company renting compute for model training from a listed, non-affiliated provider. */
export async function shenzhenCompute(
  app: AppPage,
  c: { name: string; district: ChoiceName; contract: string; founded?: string },
): Promise<void> {
  await app.company(c.name);
  await app.set('city', app.w.choice.shenzhen);
  await app.set('district', app.w.choice[c.district]);
  if (c.founded) await app.set('founded', c.founded);
  await app.answer('compute');
  await app.set('computeAmount', c.contract);
  await app.yes('computeTrains');
  await app.yes('computeNonAffiliated');
  await app.yes('computeListed');
}

/** C1 (and C9, the same company later): Nanshan, founded 2021, contract 8,000,000. */
export async function c1ShenzhenCompute(app: AppPage): Promise<void> {
  await shenzhenCompute(app, { name: '深圳某大模型科技有限公司', district: 'nanshan', contract: '8,000,000', founded: '2021-03-15' });
}

/** C3, its city part: Longgang, founded 2020 (not a start-up: the basic 50%), contract 10,000,000. */
export async function c3LonggangCompute(app: AppPage): Promise<void> {
  await shenzhenCompute(app, { name: '深圳龙岗某智算科技有限公司', district: 'longgang', contract: '10,000,000', founded: '2020-05-20' });
}

/** C3 in full: the Longgang compute topic on as well, spend 10,000,000, on the same contract (or not said). */
export async function c3LonggangDistrictClaim(app: AppPage, sameContract: 'yes' | 'unknown'): Promise<void> {
  await c3LonggangCompute(app);
  await app.answer('longgangCompute');
  await app.set('lgSpend', '10,000,000');
  if (sameContract === 'yes') await app.yes('lgSameContract');
}

/** C4: a Zhuhai company, founded 2019, no national key project, compute services of 3,000,000. */
export async function c4ZhuhaiCompute(app: AppPage): Promise<void> {
  await app.company('珠海某智能机器人有限公司');
  await app.set('city', app.w.choice.zhuhai);
  await app.set('founded', '2019-04-10');
  await app.set('nationalKeyProject', app.w.no);
  await app.answer('zhuhaiCompute');
  await app.set('zhSpend', '3,000,000');
}

/** C6: a Dongguan company, compute of 1,500,000 through the city platform, a smart workshop of 10,000,000. */
export async function c6DongguanComputeAndWorkshop(app: AppPage): Promise<void> {
  await app.company('东莞某智能制造有限公司');
  await app.set('city', app.w.choice.dongguan);
  await app.answer('dongguanCompute');
  await app.set('dgServiceAmount', '1,500,000');
  await app.yes('dgViaPlatform');
  await app.answer('dongguanWorkshop');
  await app.set('dgWorkshopInvestment', '10,000,000');
}

// The 2026 rules (city-brief.md §10). C9 is C1's company as of 2026-12-20.

/** C11: a Futian company buying model services for 800,000, the project finished, the model CAC-filed. */
export async function c11ShenzhenModelVoucher(app: AppPage): Promise<void> {
  await app.company('深圳某智能客服有限公司');
  await app.set('city', app.w.choice.shenzhen);
  await app.set('district', app.w.choice.futian);
  await app.answer('model');
  await app.set('modelFees', '800,000');
  await app.yes('modelDemandSide');
  await app.yes('modelCacFiled');
  await app.yes('modelFinished');
}

/** C15: a small firm in Baiyun, Guangzhou, spending 2,000,000 a year on compute or tokens. */
export async function c15BaiyunCompute(app: AppPage): Promise<void> {
  await app.company('广州白云某智算初创有限公司');
  await app.set('city', app.w.choice.guangzhou);
  await app.set('district', app.w.choice.baiyun);
  await app.set('size', app.w.choice.smallMicro);
  await app.answer('baiyunCompute');
  await app.set('byComputeSpend', '2,000,000');
}

/** C17: a Huizhou little giant first recognised in 2025, with a city award of 800,000 (Huizhou has no pack). */
export async function c17HuizhouLittleGiant(app: AppPage): Promise<void> {
  await app.company('惠州某机器人科技有限公司');
  await app.set('city', app.w.choice.huizhou);
  await app.answer('littleGiant');
  await app.set('lgYear', '2025');
  await app.set('lgAward', '800,000');
}
