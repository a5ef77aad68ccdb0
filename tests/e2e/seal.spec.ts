// The sheet anyone can reproduce: its fingerprint comes back with the exported profile and with
// the share link, its QR code holds the share link, and other rule versions say why they differ.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import jsQR from 'jsqr';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { AppPage } from './pages/app';
import { c1ShenzhenCompute, w1ProvincialCentre, w3GuangzhouLittleGiant, w6Benchmark } from './pages/examples';
import { packs, rulesDir, type Pack } from './pages/labels';
import { openSingleFile } from './pages/server';

/** Three groups of four characters of Crockford's base32 (no I, L, O, U). */
const FINGERPRINT = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

async function fingerprint(app: AppPage): Promise<string> {
  const code = app.page.locator('#fingerprint');
  await expect(code).toHaveText(FINGERPRINT);
  return (await code.textContent())!;
}

async function fillSheetExample(app: AppPage): Promise<void> {
  await app.asOf('2026-03-01');
  await w3GuangzhouLittleGiant(app);
  await w6Benchmark(app);
  await app.set('name', '广州某智能装备有限公司');
}

/** The share link shown by the share button. */
async function shareLink(app: AppPage): Promise<string> {
  await app.page.getByRole('button', { name: app.w.share }).click();
  const link = await app.page.locator('#share-link').inputValue();
  expect(link).toMatch(/#p2=[A-Za-z0-9._~:,!-]+~$/);
  return link;
}

/**
 * Decodes the sheet's QR code once it holds `link`: its SVG drawn onto a canvas in the page (four
 * pixels a module, as a scan of the paper would see it), the pixels read here by jsQR.
 */
async function decodeQr(page: Page, link: string): Promise<string | undefined> {
  const figure = page.locator('#seal-qr');
  await expect(figure).toHaveAttribute('data-link', link);
  const image = await figure.locator('svg').evaluate(async (svg: SVGSVGElement) => {
    const size = svg.viewBox.baseVal.width * 4;
    const img = new Image();
    img.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(svg))}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    canvas.width = canvas.height = size;
    const context = canvas.getContext('2d')!;
    context.imageSmoothingEnabled = false;
    context.drawImage(img, 0, 0, size, size);
    const pixels = context.getImageData(0, 0, size, size).data;
    let binary = '';
    for (let i = 0; i < pixels.length; i += 0x8000) binary += String.fromCharCode(...pixels.subarray(i, i + 0x8000));
    return { size, pixels: btoa(binary) };
  });
  const pixels = new Uint8ClampedArray(Buffer.from(image.pixels, 'base64'));
  return jsQR(pixels, image.size, image.size)?.data;
}

async function exportProfile(app: AppPage): Promise<string> {
  const [download] = await Promise.all([
    app.page.waitForEvent('download'),
    app.page.getByRole('button', { name: app.w.export }).click(),
  ]);
  return download.path();
}

test('the sheet\'s fingerprint comes back with the exported profile and the share link, and its QR code is the link', async ({ app, page, context }) => {
  await app.open('zh');
  await fillSheetExample(app);
  const printed = await fingerprint(app);
  // On paper with its QR code, in the sheet's corner: the sheet is no longer for it.
  await expect(page.locator('#seal-qr')).toHaveAttribute('data-link', /#p2=/);
  const sheet = await app.printedSheet();
  expect(sheet.text).toContain(printed);
  expect(sheet.pages).toBeLessThanOrEqual(2);

  const link = await shareLink(app);
  expect(await decodeQr(page, link)).toBe(link);
  // A changed profile is another fingerprint and another QR code.
  await app.set('name', '广州某智能装备股份有限公司');
  await expect(page.locator('#fingerprint')).not.toHaveText(printed);
  const changed = await shareLink(app);
  expect(changed).not.toBe(link);
  expect(await decodeQr(page, changed)).toBe(changed);
  await app.set('name', '广州某智能装备有限公司');
  await expect(page.locator('#fingerprint')).toHaveText(printed);

  const file = await exportProfile(app);
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
  expect(exported.as_of).toBe('2026-03-01');
  // The packs the sheet rests on, each with its version: the common pack, the province's and the
  // city's (a Guangzhou company: no other place's pack).
  // (Guangzhou's city pack has documents and no programmes, so `packs` leaves it out.)
  const guangzhou = JSON.parse(fs.readFileSync(path.join(rulesDir, 'guangzhou.json'), 'utf8')) as Pack;
  const restsOn = [...packs.filter((p) => p.level === 'common' || p.level === 'province'), guangzhou];
  expect(Object.keys(exported.rules).sort()).toEqual(restsOn.map((p) => p.id).sort());
  for (const p of restsOn) expect(exported.rules[p.id], p.id).toBe(p.version);

  // In another browser, on another day, in English: the file, then the link.
  const other = await context.browser()!.newContext();
  const elsewhere = new AppPage(await other.newPage());
  await elsewhere.open('en');
  await elsewhere.page.locator('#import-file').setInputFiles(file);
  await expect(elsewhere.page.getByText(elsewhere.w.imported)).toBeVisible();
  await expect(elsewhere.page.getByLabel(elsewhere.w.asOf, { exact: true })).toHaveValue('2026-03-01');
  expect(await fingerprint(elsewhere)).toBe(printed);
  expect((await elsewhere.printedSheet()).text).toContain(printed);
  await expect(elsewhere.page.locator('.seal-note')).toHaveCount(0);

  const linked = new AppPage(await other.newPage());
  await linked.page.goto(link);
  await linked.ready();
  expect(await fingerprint(linked)).toBe(printed);
  expect((await linked.printedSheet()).text).toContain(printed);
  await other.close();
});

test('a profile saved with another rule version shows another fingerprint and says why', async ({ app, page }) => {
  await app.open('zh');
  await fillSheetExample(app);
  const current = await fingerprint(app);
  const province = packs.find((p) => p.level === 'province')!;
  const older = `${province.version}-old`;
  const exported = JSON.parse(fs.readFileSync(await exportProfile(app), 'utf8'));
  exported.rules[province.id] = older;
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'seal-')), 'older-rules.json');
  fs.writeFileSync(file, JSON.stringify(exported, null, 2));

  await page.locator('#import-file').setInputFiles(file);
  await expect(page.getByText(app.w.imported)).toBeVisible();
  const note = page.locator('.seal-note');
  await expect(note).toContainText(
    `此档案保存时使用的规则版本为 ${province.title.zh} ${older}，本页为 ${province.version}，因此指纹与原表不同`);
  // The page's fingerprint is this page's rules'; the note names the sheet's, which differs.
  expect(await fingerprint(app)).toBe(current);
  const sheets = /原表指纹 ([0-9A-Z-]{14})/.exec((await note.textContent())!)?.[1];
  expect(sheets).toMatch(FINGERPRINT);
  expect(sheets).not.toBe(current);

  await app.switchLanguage('en');
  await expect(note).toContainText(
    `This profile was saved with rule packs ${province.title.en} ${older}; this page has ${province.version}, so its fingerprint differs from the sheet's (${sheets}).`);

  // The same file with this page's versions: nothing to say.
  exported.rules[province.id] = province.version;
  fs.writeFileSync(file, JSON.stringify(exported));
  await page.locator('#import-file').setInputFiles(file);
  await expect(page.getByText(app.w.imported)).toBeVisible();
  expect(await fingerprint(app)).toBe(current);
  await expect(note).toHaveCount(0);
});

/** The QR code read off a page of a PDF rendered at `dpi`, as a scan of the paper sheet would be. */
function qrOnPaper(pdf: string, dpi: number): string | undefined {
  const prefix = path.join(path.dirname(pdf), 'scan');
  execFileSync('pdftoppm', ['-r', String(dpi), '-gray', '-f', '1', '-l', '1', pdf, prefix]);
  const pgm = fs.readFileSync(fs.readdirSync(path.dirname(pdf)).filter((f) => f.startsWith('scan')).map((f) => path.join(path.dirname(pdf), f))[0]);
  // P5 (binary grey map): "P5\n<width> <height>\n<max>\n" then one byte a pixel.
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 64).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const grey = pgm.subarray(header[0].length);
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    rgba[4 * i] = rgba[4 * i + 1] = rgba[4 * i + 2] = grey[i];
    rgba[4 * i + 3] = 255;
  }
  return jsQR(rgba, width, height)?.data;
}

test('C1\'s printed sheet, scanned at 150 dpi, gives its share link; an old-format link still opens it', async ({ app, page, context }) => {
  await app.open('zh');
  await app.asOf('2026-06-01');
  await c1ShenzhenCompute(app);
  const link = await shareLink(app);
  const printed = await fingerprint(app);
  await expect(page.locator('#seal-qr')).toHaveAttribute('data-link', link);
  const pdf = await app.printedPdf();
  expect(qrOnPaper(pdf, 150)).toBe(link);

  // A link of the format written before #p2=: base64url of the profile's JSON with its as-of date
  // and rules, made here from the exported file.
  const exported = JSON.parse(fs.readFileSync(await exportProfile(app), 'utf8'));
  const address = new URL(link);
  address.hash = `profile=${Buffer.from(JSON.stringify(exported)).toString('base64url')}`;
  const old = address.toString();
  expect(old.length).toBeGreaterThan(2 * link.length);
  const other = await context.browser()!.newContext();
  const opened = new AppPage(await other.newPage());
  // A link names no language: the new browser's own (English) is taken.
  opened.lang = 'en';
  await opened.page.goto(old);
  await opened.ready();
  await expect(opened.page.locator('.banner.ok')).toBeVisible();
  await expect(opened.field('computeAmount')).toHaveValue('8,000,000');
  expect(await fingerprint(opened)).toBe(printed);
  await other.close();
});

test('on a page opened from a file, sharing explains why a link would not open and offers the export', async ({ browser }) => {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const { app: single } = await openSingleFile(page);
  await single.ready();
  await single.set('name', '深圳某大模型科技有限公司');
  await page.getByRole('button', { name: single.w.share }).click();
  const explanation = page.locator('.share[role=status]');
  await expect(explanation).toContainText('opened from a file on your computer (file://)');
  await expect(page.locator('#share-link')).toHaveCount(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    explanation.getByRole('button', { name: single.w.export }).click(),
  ]);
  expect(JSON.parse(fs.readFileSync(await download.path(), 'utf8')).answers['company.name']).toBe('深圳某大模型科技有限公司');
  await context.close();
});

test('the single file opened from disk shows the same fingerprint, without a QR code', async ({ app, browser }) => {
  await app.open('en');
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  const served = await fingerprint(app);

  const context = await browser.newContext();
  const page = await context.newPage();
  const { app: single, problems } = await openSingleFile(page);
  await single.ready();
  await single.asOf('2026-03-01');
  await w1ProvincialCentre(single);
  expect(await fingerprint(single)).toBe(served);
  expect((await single.printedSheet()).text).toContain(served);
  await expect(page.locator('#seal-qr')).toHaveCount(0);
  expect(problems).toEqual([]);
  await context.close();
});
