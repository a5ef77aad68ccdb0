// Money typed the way people type it, and garbage: a message next to the field in the current
// language, what was typed stays, and every other value is kept.
import { test, expect } from './fixtures';
import { w1ProvincialCentre } from './pages/examples';

test('full-width digits, separators and 万元 are read', async ({ app }) => {
  await app.open('zh');
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  await app.set('equipment', '１,５００万');
  await app.set('software', ' 3 000 000 ');
  await app.expectResult('P1', 'eligible', '7,200,000 元');
});

test('garbage in a money field: a message, and nothing else lost', async ({ app }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  // "About" is not read silently: the field says to type a range instead.
  await app.set('equipment', 'about 15 million');
  await expect(app.errorOf('equipment')).toHaveText(/not a range/);
  await expect(app.field('equipment')).toHaveAttribute('aria-invalid', 'true');
  await expect(app.field('equipment')).toHaveValue('about 15 million');
  await expect(app.field('software')).toHaveValue('3,000,000');
  await expect(app.field('name')).toHaveValue('广东某智能制造创新中心有限公司');
  // The software cost alone still guarantees 40% of it; the equipment could add up to the cap.
  await app.expectResult('P1', 'undetermined', 'if eligible: at least ¥1,200,000, up to ¥10,000,000');
  // The message follows the language.
  await app.switchLanguage('zh');
  await expect(app.errorOf('equipment')).toHaveText(/不是范围/);
  await expect(app.field('equipment')).toHaveValue('about 15 million');
  // Fixing it brings the result back.
  await app.set('equipment', '15,000,000');
  await expect(app.errorOf('equipment')).toBeHidden();
  await app.expectResult('P1', 'eligible', '7,200,000 元');
});

test('negative amounts and impossible dates are named', async ({ app }) => {
  await app.open('en');
  await w1ProvincialCentre(app);
  await app.set('software', '-5');
  await expect(app.errorOf('software')).toHaveText(/cannot be negative/);
  await app.answer('benchmark');
  await app.set('start', '2025-03-01');
  await app.set('completion', '2024-03-01');
  await expect(app.errorOf('completion')).toHaveText(`is before the ${app.w.field.start.toLowerCase()}`);
});
