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

for (const lang of ['zh', 'en'] as const) {
  test(`in ${lang}, a money field says how it read what is typed, before any result uses it`, async ({ app }) => {
    const yuan = (n: string) => (lang === 'zh' ? `${n} 元` : `¥${n}`);
    await app.open(lang);
    await w1ProvincialCentre(app);
    const read = app.readBackOf('equipment');
    // Typed key by key: the line follows each keystroke, not only the change at the end.
    await app.field('equipment').fill('');
    await expect(read).toBeHidden();
    await app.field('equipment').pressSequentially('300万');
    await expect(read).toHaveText(`= ${yuan('3,000,000')}`);
    await expect(app.field('equipment')).toHaveAttribute('aria-describedby', new RegExp(`${await app.field('equipment').getAttribute('id')}-read`));
    // Full-width digits, a range, and the unit 万元 chosen beside the field.
    await app.set('equipment', '１,５００万');
    await expect(read).toHaveText(`= ${yuan('15,000,000')}`);
    await app.set('equipment', '200万~300万');
    await expect(read).toHaveText(`= ${yuan('2,000,000')} – ${yuan('3,000,000')}`);
    await app.unitWan('software');
    await app.set('software', '300');
    await expect(app.readBackOf('software')).toHaveText(`= ${yuan('3,000,000')}`);
    await app.set('software', '２００～３００');
    await expect(app.readBackOf('software')).toHaveText(`= ${yuan('2,000,000')} – ${yuan('3,000,000')}`);
    // What does not read has its message instead, and no reading.
    await app.set('equipment', 'about 15 million');
    await expect(app.errorOf('equipment')).toBeVisible();
    await expect(read).toBeHidden();
  });
}

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
