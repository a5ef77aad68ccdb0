// The form under abuse: whatever is typed, imported or stored, the page never breaks (the fixture
// fails on any console error or page error), says clearly what is wrong, and keeps everything else.
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app';
import { w1ProvincialCentre } from './pages/examples';
import { choice, packs, type FieldName, type Pack } from './pages/labels';

const GARBAGE = ['abc', '😀💰', '1e309', '-5', '0.000001', 'x'.repeat(500), '１２３４５', '１,０００万', '  ', '<script>alert(1)</script>', '9'.repeat(40)];

const TEXT_FIELDS: FieldName[] = ['name', 'creditCode', 'approvalYear', 'equipment', 'software'];

async function expectW1Intact(app: AppPage) {
  await expect(app.field('name')).toHaveValue('广东某智能制造创新中心有限公司');
  await expect(app.field('level')).toHaveValue('provincial');
  await expect(app.field('operating')).toHaveValue('true');
}

test('garbage in every text field gives a message or a reading, never a break', async ({ app, page }) => {
  // 4 fields × 11 texts, each checked against the whole form: slower than one user story.
  test.setTimeout(120_000);
  await app.open('en');
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  for (const field of TEXT_FIELDS.filter((f) => f !== 'name')) {
    for (const text of GARBAGE) {
      await app.set(field, text);
      await expect(app.field(field)).toHaveValue(text);
      // Either the text reads (full-width digits, 万) or the field says why not.
      const error = app.errorOf(field);
      if (await error.isVisible()) await expect(error).not.toHaveText('');
      await expectW1Intact(app);
    }
  }
  // Put the good values back: the result is right again.
  await app.set('approvalYear', '2025');
  await app.set('equipment', '15,000,000');
  await app.set('software', '3,000,000');
  await app.set('creditCode', '');
  await app.expectResult('P1', 'eligible', '¥7,200,000');
  await expect(page.locator('.field-error:visible')).toHaveCount(0);
});

test('specific inputs get the specific message', async ({ app }) => {
  await app.open('en');
  await w1ProvincialCentre(app);
  const cases: [FieldName, string, RegExp][] = [
    ['equipment', '1e309', /not an amount/],
    ['equipment', '-5', /cannot be negative/],
    ['equipment', '0.000001', /down to the fen/],
    ['equipment', '9'.repeat(40), /too large/],
    ['name', 'x'.repeat(500), /too long \(500 characters; at most 200\)/],
    ['approvalYear', '1800', /not between 1949 and 2100/],
    ['creditCode', '914403001922038217', /check character is wrong/],
  ];
  for (const [field, text, message] of cases) {
    await app.set(field, text);
    await expect(app.errorOf(field)).toHaveText(message);
  }
  await app.set('equipment', '１,５００万');
  await expect(app.errorOf('equipment')).toBeHidden();
});

test('sections switched off and on keep their values; results follow', async ({ app, page }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  const toggle = page.getByLabel(app.w.q.innovationCentre, { exact: true });
  for (let i = 0; i < 3; i++) {
    await toggle.uncheck();
    await expect(app.row('P1')).toHaveCount(0);
    await expect(app.notConcerned('P1')).toHaveCount(1);
    await toggle.check();
    await app.expectResult('P1', 'eligible', '¥7,200,000');
  }
  for (const question of ['littleGiant', 'benchmark', 'openSource'] as const) {
    await app.answer(question);
    await page.getByLabel(app.w.q[question], { exact: true }).uncheck();
  }
  await expect(app.field('equipment')).toHaveValue('15,000,000');
});

test('switching language in the middle of an edit keeps the edit', async ({ app }) => {
  await app.open('zh');
  await w1ProvincialCentre(app);
  await app.field('equipment').fill('15,000,00');
  await app.switchLanguage('en');
  await expect(app.field('equipment')).toHaveValue('15,000,00');
  await app.field('equipment').press('End');
  await app.field('equipment').pressSequentially('0');
  await app.asOf('2026-03-01');
  await app.expectResult('P1', 'eligible', '¥7,200,000');
});

test('hostile files are refused with a message and the profile stays', async ({ app, page }) => {
  await app.open('en');
  await w1ProvincialCentre(app);
  const files: [string, Buffer, RegExp][] = [
    ['big.json', Buffer.alloc(5 * 1024 * 1024, 0x20), /too large \(5\.2 MB\)/],
    ['empty.json', Buffer.from(''), /not valid JSON/],
    ['array.json', Buffer.from('[1, 2, 3]'), /a profile is a JSON object/],
    ['future.json', Buffer.from('{"format_version": 3, "topics": [], "answers": {}}'), /format version 3 cannot be read; this version reads/],
    ['binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x01]), /not valid JSON/],
  ];
  for (const [name, buffer, message] of files) {
    await page.locator('#import-file').setInputFiles({ name, mimeType: 'application/json', buffer });
    await expect(page.locator('.banner.error')).toContainText(message);
    await expectW1Intact(app);
    await page.locator('.banner.error').getByRole('button').last().click();
  }
});

test('broken share links give a message, not a blank page', async ({ app, page }) => {
  app.lang = 'en';
  for (const fragment of ['#profile=', '#profile=eyJmb3JtYXRfdmVyc2lvbiI6', '#profile=!!!', '#profile=W10', '#profile=eyJmb3JtYXRfdmVyc2lvbiI6OX0']) {
    await page.goto(`/?lang=en&n=${encodeURIComponent(fragment)}${fragment}`);
    await expect(page.locator('.banner.error')).toBeVisible();
    await expect(app.field('name')).toBeVisible();
  }
});

test('garbage in storage before load: the page starts fresh and keeps the garbage aside', async ({ app, page }) => {
  await app.open('en');
  for (const stored of ['{not json', '[]', '{"envelope": 99}', '😀', 'null']) {
    await page.evaluate((value) => localStorage.setItem('gd-ai-subsidy/session', value), stored);
    await page.reload();
    await expect(page.locator('.banner.error')).toContainText('could not be read');
    await expect(app.field('name')).toHaveValue('');
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('unreadable')).map((k) => localStorage.getItem(k)));
    expect(kept).toContain(stored);
  }
});

test('every text field of every section takes every garbage text, and every section toggles', async ({ app, page }) => {
  // 11 texts in each of the other text fields, in every place with a pack: slower than one user story.
  test.setTimeout(480_000);
  await app.open('en');
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  const toggles = page.locator('fieldset.applies input[type="checkbox"]:visible');
  const covered = await Promise.all(TEXT_FIELDS.map((f) => app.field(f).getAttribute('id')));
  let tried = 0;
  // In each place with a pack (every district pack's district, every city pack's city), so that
  // its sections are there too: together, every topic of every pack.
  for (const place of placesWithSwitches()) {
    await app.set('city', choice('company.city', place.city).label.en);
    if (place.district) await app.set('district', choice('company.district', place.district).label.en);
    const switches = packs.filter((p) => appliesIn(p, place)).flatMap((p) => p.topics.filter((t) => t.ask)).length;
    await expect(toggles, `${place.city} ${place.district ?? ''}`).toHaveCount(switches);
    for (let i = 0; i < switches; i++) await toggles.nth(i).check();

    const inputs = page.locator('.profile-form input[type="text"]:visible');
    const ids = (await inputs.evaluateAll((els) => els.map((el) => el.id))).filter((id) => !covered.includes(id));
    for (const id of ids) {
      covered.push(id);
      tried += 1;
      const input = page.locator(`[id="${id}"]`);
      for (const text of GARBAGE) {
        await input.fill(text);
        await expect(input).toHaveValue(text);
        const error = page.locator(`[id="${id}-error"]`);
        if (await error.isVisible()) await expect(error).not.toHaveText('');
      }
      await input.fill('');
      await expect(page.locator(`[id="${id}-error"]`)).toBeHidden();
    }

    // Every section off and on again: what was typed stays, and the results follow.
    await page.locator('[id="f-open_source-active_users"]').fill('12,000');
    for (let i = 0; i < switches; i++) {
      await toggles.nth(i).uncheck();
      await toggles.nth(i).check();
    }
    await expect(page.locator('[id="f-open_source-active_users"]')).toHaveValue('12,000');
    await expectW1Intact(app);
    await app.expectResult('P1', 'eligible', '¥7,200,000');
    await expect(page.locator('.field-error:visible')).toHaveCount(0);
  }
  // Every text field of every pack's sections was tried.
  const all = await page.locator('.profile-form input[type="text"]').evaluateAll((els) => els.map((el) => el.id));
  expect(all.filter((id) => !covered.includes(id))).toEqual([]);
  expect(tried).toBeGreaterThanOrEqual(9);
});

interface Place { city: string; district?: string }

/** Whether a pack applies to a company in a place (common and provincial packs: everywhere). */
function appliesIn(p: Pack, place: Place): boolean {
  if (!p.applies) return true;
  const { field, values } = p.applies.one_of;
  const answer = field === 'company.city' ? place.city : field === 'company.district' ? place.district : undefined;
  return answer !== undefined && values.includes(answer);
}

/** A place for each district pack with switches, and one for each city pack with switches not yet among them. */
function placesWithSwitches(): Place[] {
  const withSwitches = packs.filter((p) => p.applies && p.topics.some((t) => t.ask));
  const places: Place[] = withSwitches
    .filter((p) => p.applies!.one_of.field === 'company.district')
    .map((p) => {
      const district = p.applies!.one_of.values[0];
      return { city: choice('company.district', district).within!, district };
    });
  for (const p of withSwitches.filter((p) => p.applies!.one_of.field === 'company.city')) {
    if (!places.some((place) => appliesIn(p, place))) places.push({ city: p.applies!.one_of.values[0] });
  }
  return places;
}
