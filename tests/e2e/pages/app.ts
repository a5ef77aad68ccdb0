// Page object for the estimator: specs say what a user does ("fill the company's name", "read
// the verdict of P1"); this file knows how the page is laid out.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { words, type FieldName, type Lang, type ProgrammeId, type Words } from './labels';

export class AppPage {
  readonly heading: Locator;
  lang: Lang = 'zh';

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
  }

  get w(): Words {
    return words[this.lang];
  }

  /** Opens the app (optionally with a query or fragment) and waits until the Wasm has mounted. */
  async open(lang: Lang = 'zh', suffix = ''): Promise<void> {
    this.lang = lang;
    await this.page.goto(`/?lang=${lang}${suffix}`);
    await expect(this.page.locator('.profile-form, .rules-view')).toBeVisible();
  }

  async switchLanguage(lang: Lang): Promise<void> {
    this.lang = lang;
    await this.page.getByRole('button', { name: words[lang].languageButton, exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  }

  field(name: FieldName): Locator {
    return this.page.getByLabel(this.w.field[name], { exact: true });
  }

  /** Types into a text field, or picks an option by its visible text in a list. */
  async set(name: FieldName, value: string): Promise<void> {
    const control = this.field(name);
    const tag = await control.evaluate((el) => el.tagName);
    if (tag === 'SELECT') await control.selectOption({ label: value });
    else await control.fill(value);
  }

  async yes(name: FieldName): Promise<void> {
    await this.set(name, this.w.yes);
  }

  async answer(question: keyof Words['q']): Promise<void> {
    await this.page.getByLabel(this.w.q[question], { exact: true }).check();
  }

  async unitWan(name: FieldName): Promise<void> {
    await this.page.getByLabel(`${this.w.unit}（${this.w.field[name]}）`).selectOption({ label: this.w.wan });
  }

  async asOf(date: string): Promise<void> {
    await this.page.getByLabel(this.w.asOf, { exact: true }).fill(date);
  }

  errorOf(name: FieldName): Locator {
    return this.page.locator('.field', { has: this.field(name) }).locator('.field-error');
  }

  /** The summary-table row of a programme. */
  row(id: ProgrammeId): Locator {
    return this.page.locator('table.summary tbody tr', {
      has: this.page.getByRole('rowheader', { name: this.w.programme[id], exact: true }),
    });
  }

  async expectResult(id: ProgrammeId, verdict: keyof Words['verdict'], amount: string): Promise<void> {
    const row = this.row(id);
    await expect(row.locator('.badge')).toHaveText(new RegExp(`${escape(this.w.verdict[verdict])}$`));
    await expect(row.locator('td.num')).toHaveText(amount);
  }

  details(id: string): Locator {
    return this.page.locator(`#programme-${id}`);
  }

  /** A Guangdong AI & robotics company, as every worked example is unless said otherwise. */
  async company(name: string): Promise<void> {
    await this.set('name', name);
    await this.yes('registered');
    await this.yes('aiField');
  }

  /** Prints to PDF (A4, the page's own print stylesheet) and returns its text and page count. */
  async printedSheet(): Promise<{ text: string; pages: number }> {
    await this.page.emulateMedia({ media: 'print' });
    const pdf = await this.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await this.page.emulateMedia({ media: 'screen' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-')), 'sheet.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    return { text, pages };
  }
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
