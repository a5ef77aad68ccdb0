// Page object for the estimator: specs say what a user does ("fill the company's name", "read
// the verdict of P1"); this file knows how the page is laid out.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, type Locator, type Page } from '@playwright/test';
import { FIELDS, packs, programme, question, topic, words, type FieldName, type Lang, type TopicName, type Words, TOPICS } from './labels';

/** The packs whose topics the company switches on: each has its group of switches in the form. */
const packsWithSwitches = packs.filter((p) => p.topics.some((t) => t.ask));
/** The city and district packs, which the page loads after its first results. */
const placePacks = packs.filter((p) => p.level === 'city' || p.level === 'district');

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
    await this.ready();
  }

  /**
   * Waits until the Wasm has mounted and every pack is in the page: the city and district packs
   * arrive after the first results, and the form (or the rules view) is drawn again with them.
   */
  async ready(): Promise<void> {
    // The first screen written into the page has a form too: the app has started once it is gone.
    await expect(this.page.locator('.first-screen')).toHaveCount(0);
    await expect(this.page.locator('.profile-form, .rules-view')).toBeVisible();
    if (await this.page.locator('.rules-view').count()) {
      for (const p of placePacks) await expect(this.page.locator(`[id="pack-${p.id}"]`)).toBeAttached();
    } else {
      for (const p of packsWithSwitches) await expect(this.page.locator(`[id="pack-switches-${p.id}"]`)).toBeAttached();
    }
  }

  async switchLanguage(lang: Lang): Promise<void> {
    this.lang = lang;
    await this.page.getByRole('button', { name: words[lang].languageButton, exact: true }).click();
    await expect(this.page.locator('html')).toHaveAttribute('lang', lang === 'zh' ? 'zh-CN' : 'en');
  }

  /**
   * A question's control, by its visible label within its part of the form: the section of its
   * topic, as a reader finds it under the section's heading (packs may ask questions of the same
   * wording in their own sections: "Centre level" of the province and of Dongguan), or the form
   * for the questions every company is asked.
   */
  field(name: FieldName): Locator {
    return this.fieldBox(name).getByLabel(this.w.field[name], { exact: true });
  }

  /** A question's box on the form: its label, control, hint and message. */
  fieldBox(name: FieldName): Locator {
    return this.partOf(name).locator('.field', { has: this.page.getByLabel(this.w.field[name], { exact: true }) });
  }

  /** The part of the form a question is in: its optional topic's section, else the whole page. */
  private partOf(name: FieldName): Page | Locator {
    const t = question(FIELDS[name]).topic;
    return topic(t).ask ? this.page.locator(`[id="section-${t}"]`) : this.page;
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

  /** The switch of a topic ("which of these apply to you?"), by its visible question. */
  topicSwitch(topic: TopicName): Locator {
    return this.page.getByLabel(this.w.q[topic], { exact: true });
  }

  async answer(topic: TopicName): Promise<void> {
    await this.topicSwitch(topic).check();
  }

  /** A topic's section of questions. */
  section(topic: TopicName): Locator {
    return this.page.locator(`[id="section-${TOPICS[topic]}"]`);
  }

  /** The group of switches of a pack (shown only when the pack applies to the company). */
  packSwitches(packId: string): Locator {
    return this.page.locator(`[id="pack-switches-${packId}"]`);
  }

  /** The options of a list that the user can see and pick (options of other cities are hidden). */
  async visibleOptions(name: FieldName): Promise<string[]> {
    return this.field(name).evaluate((select: HTMLSelectElement) =>
      [...select.options].filter((o) => !o.hidden && getComputedStyle(o).display !== 'none').map((o) => o.text));
  }

  /** The totals of one level: `totals('city').locator('.total-rule-based')`. */
  totals(level: 'province' | 'city' | 'district'): Locator {
    return this.page.locator(`.totals-${level}`);
  }

  async unitWan(name: FieldName): Promise<void> {
    await this.partOf(name).getByLabel(`${this.w.unit}（${this.w.field[name]}）`).selectOption({ label: this.w.wan });
  }

  async asOf(date: string): Promise<void> {
    await this.page.getByLabel(this.w.asOf, { exact: true }).fill(date);
  }

  /** How a money field's text was read ("= ¥3,000,000"), under it as it is typed. */
  readBackOf(name: FieldName): Locator {
    return this.fieldBox(name).locator('.read-back');
  }

  errorOf(name: FieldName): Locator {
    return this.fieldBox(name).locator('.field-error');
  }

  /**
   * The summary-table row of a programme, by its title as its pack gives it (any programme of any
   * pack: an id no pack has is an error here, not a locator that matches every row).
   */
  row(id: string): Locator {
    const title = programme(id).title[this.lang];
    return this.page.locator('table.summary tbody tr', {
      has: this.page.locator('.row-title', { hasText: new RegExp(`^${escape(title)}$`) }),
    });
  }

  /** A programme the company's answers say does not concern it: named in the one line that opens. */
  notConcerned(id: string): Locator {
    const title = programme(id).title[this.lang];
    return this.page.locator('details.not-concerned li', { hasText: new RegExp(`^${escape(title)}$`) });
  }

  /** A programme as the results list it: a row of the summary, or among those that do not concern the company. */
  listed(id: string): Locator {
    return this.row(id).or(this.notConcerned(id));
  }

  async expectResult(id: string, verdict: keyof Words['verdict'], amount: string): Promise<void> {
    const row = this.row(id);
    await expect(row.locator('.badge')).toHaveText(new RegExp(`${escape(this.w.verdict[verdict])}$`));
    await expect(row.locator('td.num')).toHaveText(amount);
  }

  details(id: string): Locator {
    return this.page.locator(`#programme-${id}`);
  }

  /** A fact of the sheet's header ("As-of date", "Rules reviewed"), by its visible label: its value. */
  sheetFact(label: string): Locator {
    return this.page.locator('.sheet-facts div').filter({ has: this.page.locator(`dt:text-is("${label}")`) }).locator('dd');
  }

  /** "What the estimator covers for you": what a company in a place without a pack is told. */
  coverageGaps(): Locator {
    return this.page.locator('section.coverage-gaps', { has: this.page.getByRole('heading', { name: this.w.coverageHeading }) });
  }

  /** Prints the sheet and expects each text on paper (white space aside: the PDF wraps lines). */
  async expectOnPaper(texts: string[]): Promise<void> {
    const printed = squeeze((await this.printedSheet()).flowing);
    for (const text of texts) expect(printed, text).toContain(squeeze(text));
  }

  /** A Guangdong AI & robotics company, as every worked example is unless said otherwise. */
  async company(name: string): Promise<void> {
    await this.set('name', name);
    await this.yes('registered');
    await this.yes('aiField');
  }

  /**
   * Prints to PDF (A4, the page's own print stylesheet) and returns its text as laid out on the
   * page, its text in the order it was written (`flowing`: the wrapped lines of a table cell stay
   * together), and its page count. E2E_KEEP_PDF=<file> keeps a copy of the PDF, for debugging.
   */
  async printedSheet(): Promise<{ text: string; flowing: string; pages: number }> {
    const file = await this.printedPdf();
    const dir = path.dirname(file);
    const text = execFileSync('pdftotext', ['-layout', file, '-']).toString();
    const flowing = execFileSync('pdftotext', ['-raw', file, '-']).toString();
    const info = execFileSync('pdfinfo', [file]).toString();
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    if (process.env.E2E_KEEP_PDF) fs.copyFileSync(file, process.env.E2E_KEEP_PDF);
    fs.rmSync(dir, { recursive: true, force: true });
    return { text, flowing, pages };
  }

  /** Prints to PDF (A4, the page's own print stylesheet) into a new temporary file, its path. */
  async printedPdf(): Promise<string> {
    await this.page.emulateMedia({ media: 'print' });
    const pdf = await this.page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
    await this.page.emulateMedia({ media: 'screen' });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sheet-')), 'sheet.pdf');
    fs.writeFileSync(file, pdf);
    return file;
  }
}

/** Text as pdftotext gives it, and as the page says it, both without white space. */
function squeeze(text: string): string {
  return text.replace(/\s+/g, '');
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
