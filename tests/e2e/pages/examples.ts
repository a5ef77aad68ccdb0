// The starred worked examples of shared/rules/worked-examples.md, filled in through the form the
// way a user would (as of 2026-03-01).
import type { AppPage } from './app';

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
