// The printed sheet a company hands over: at most two A4 pages for a typical company, its first
// lines the company, the as-of date, how fresh the rules are and the answer per level; packs by
// title, never by id; column headings apart; no word broken inside; and in English no Chinese but
// what the user typed, document numbers and the Chinese names given in parentheses.
import { test, expect } from './fixtures';
import type { AppPage } from './pages/app';
import { c1ShenzhenCompute, c3LonggangDistrictClaim, c17HuizhouLittleGiant, w3GuangzhouLittleGiant, w6Benchmark } from './pages/examples';
import { packs, rulesDir, type Lang } from './pages/labels';
import fs from 'node:fs';
import path from 'node:path';

const HAN = '\\u3000-\\u303f\\u3400-\\u9fff\\uff00-\\uffef';
const CJK = new RegExp(`[${HAN}]+`, 'g');

/** Every document of every pack file (the packs `labels.ts` lists and those without programmes). */
const documents: { number: string | null; short?: { zh: string }; title: { zh: string } }[] = fs
  .readdirSync(rulesDir)
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => JSON.parse(fs.readFileSync(path.join(rulesDir, f), 'utf8')).documents ?? []);

/**
 * The Chinese in an English text that is none of: what the user typed (`typed`), a document's
 * number or name, a number of the form 惠市工信〔2024〕240号, or inside parentheses (a programme's or
 * place's Chinese name given beside its English one).
 */
function strayChinese(text: string, typed: string[]): string[] {
  const names = documents.flatMap((d) => [d.number, d.short?.zh, d.title.zh].filter((n): n is string => !!n));
  // Chinese lines break between any two characters: joined again first (pdftotext keeps the break).
  let rest = text
    .replace(new RegExp(`([${HAN}])\\s+(?=[${HAN}])`, 'g'), '$1')
    .replace(/〔\s+/g, '〔')
    .replace(/(\d)\s+(?=[〕号])/g, '$1');
  for (const name of [...typed, ...names].sort((a, b) => b.length - a.length)) rest = rest.split(name).join(' ');
  rest = rest.replace(new RegExp(`[${HAN}]+〔\\d{4}〕\\d+号`, 'g'), ' ');
  for (let i = 0; i < 3; i++) rest = rest.replace(/[(（][^()（）]*[)）]/g, ' ');
  return [...new Set(rest.match(CJK) ?? [])];
}

type Example = { name: string; company: string; asOf: string; fill: (app: AppPage) => Promise<void> };
const examples: Example[] = [
  { name: 'C1', company: '深圳某大模型科技有限公司', asOf: '2026-08-01', fill: c1ShenzhenCompute },
  { name: 'C3', company: '深圳龙岗某智算科技有限公司', asOf: '2026-08-01', fill: (app) => c3LonggangDistrictClaim(app, 'yes') },
  {
    name: 'W3+W6', company: '广州某智能装备有限公司', asOf: '2026-03-01',
    fill: async (app) => { await w3GuangzhouLittleGiant(app); await w6Benchmark(app); await app.set('name', '广州某智能装备有限公司'); },
  },
];

const heading = { zh: { amount: '金额（元）', source: '依据' }, en: { amount: 'Amount (yuan)', source: 'Source' } };

for (const lang of ['zh', 'en'] as Lang[]) {
  for (const { name, company, asOf, fill } of examples) {
    test(`${name} in ${lang}: at most two pages, the answer first, packs by title, nothing run together or broken`, async ({ app, page }) => {
      await app.open(lang);
      await app.asOf(asOf);
      await fill(app);
      const sheet = await app.printedSheet();
      expect(sheet.pages, `${name} in ${lang}`).toBeLessThanOrEqual(2);

      // The first lines: the company, the as-of date, how fresh the rules are, the answer.
      const flat = sheet.flowing.replace(/\s+/g, '');
      const answers = await page.locator('.answer p').allTextContents();
      expect(answers.length).toBeGreaterThan(0);
      const order = [company, asOf, lang === 'zh' ? '规则核对于' : 'rulesreviewedon', ...answers.map((a) => a.replace(/\s+/g, ''))]
        .map((t) => flat.indexOf(t));
      expect(order.every((i) => i >= 0), `${order}`).toBe(true);
      expect(order, 'in that order').toEqual([...order].sort((a, b) => a - b));
      // Packs by title and version, never by id.
      for (const p of packs) expect(sheet.text, p.id).not.toContain(p.id);

      // The amount's heading and the source's apart on their line.
      const line = sheet.text.split('\n').find((l) => l.includes(heading[lang].source) && l.includes(heading[lang].amount.slice(0, 2)))!;
      expect(line, 'the summary\'s heading line').toBeTruthy();
      expect(line).toMatch(new RegExp(`\\S\\s+${heading[lang].source}`));

      // No word broken inside: every word on paper is a word of the sheet.
      const words = new Set(await page.locator('section.results').evaluate((root) => {
        // Text node by text node: elements' texts run together in textContent.
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        const found: string[] = [];
        while (walker.nextNode()) found.push(...(walker.currentNode.textContent!.match(/[A-Za-z]{2,}/g) ?? []));
        return found;
      }));
      const broken = (sheet.flowing.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !words.has(w));
      expect(broken).toEqual([]);

      if (lang === 'en') {
        expect(strayChinese(sheet.flowing, [company])).toEqual([]);
        expect(strayChinese((await page.locator('section.results').innerText()), [company])).toEqual([]);
      }
    });
  }
}

test('a Huizhou company\'s English page and sheet have no stray Chinese either', async ({ app, page }) => {
  await app.open('en');
  await app.asOf('2026-12-20');
  await c17HuizhouLittleGiant(app);
  const company = await app.field('name').inputValue();
  expect(strayChinese((await page.locator('section.results').innerText()), [company])).toEqual([]);
  expect(strayChinese((await app.printedSheet()).flowing, [company])).toEqual([]);
  // And the finder finds what it should: a Chinese word outside parentheses.
  expect(strayChinese('Apply on the 数字工信 platform (数字工信), under 粤府办〔2025〕6号', [])).toEqual(['数字工信']);
});
