// Browser benchmarks of the production build (dist/), in headless Debian Chromium on localhost:
//   - navigation start → first results rendered (cold cache, new browser context each time);
//   - input → updated results, over 200 edits of money fields (median and 95th percentile);
//   - print to PDF (page.pdf of the eligibility sheet).
// (Cold loads on a throttled phone-like line and CPU: scripts/bench-cold.mjs.)
// Prints one JSON line per figure, which scripts/bench.sh turns into the table.
// Usage: node scripts/bench-browser.mjs [DIST]
import { launch, markFirstResults, median, p95, serve } from './bench-common.mjs';

const dist = process.argv[2] ?? 'dist';
// Served by the serve command's server: the compressed copies a build has, with cache headers.
const server = await serve(dist);
const url = `${server.url}?lang=en`;
const browser = await launch();

const report = (figure, value, unit, goal) => console.log(JSON.stringify({ figure, value: Number(value.toFixed(2)), unit, goal }));

async function fillW1(page) {
  // A topic's questions by label within its section: packs may word theirs alike (Dongguan also
  // asks a "Centre level").
  const label = (text, topic) => (topic ? page.locator(`[id="section-${topic}"]`) : page).getByLabel(text, { exact: true });
  await label('Registered in Guangdong').selectOption({ label: 'Yes' });
  await label('Works in the AI & robotics field').selectOption({ label: 'Yes' });
  await label('We run a manufacturing innovation centre').check();
  await label('Centre level', 'innovation_centre').selectOption({ label: 'Provincial' });
  await label('Year approved for formation', 'innovation_centre').fill('2025');
  await label('Actually operating', 'innovation_centre').selectOption({ label: 'Yes' });
  await label('New R&D instruments and equipment (excl. tax)', 'innovation_centre').fill('15,000,000');
  await label('Supporting software (excl. tax)', 'innovation_centre').fill('3,000,000');
  await label('We have an AI application project').check();
  await label('Project investment (excl. tax)', 'benchmark_project').fill('12,000,000');
}

// Types 200 amounts into the given money fields in turn, each time measuring input → the sheet's
// first change, in the page's own clock. With `ranges`, every field first gets a range and each
// edit types one ("1,000,000-1,500,000"): every amount is then a band.
async function editLatencies(page, fields, ranges = false) {
  return page.evaluate(async ([fields, ranges]) => {
    const text = (n) => (ranges ? `${n}-${n + 500_000}` : String(n));
    if (ranges) {
      for (const id of fields) {
        const input = document.getElementById(id);
        input.value = text(2_000_000);
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const sheet = document.querySelector('.sheet');
    const times = [];
    for (let i = 0; i < 200; i++) {
      const input = document.getElementById(fields[i % fields.length]);
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(sheet, { childList: true, subtree: true, characterData: true });
      });
      const start = performance.now();
      input.value = text(1_000_000 + i * 12_345);
      input.dispatchEvent(new Event('input', { bubbles: true }));
      times.push((await changed) - start);
    }
    return times;
  }, [fields, ranges]);
}

try {
  // In Chinese, the first visit of most users and the language the page carries from the start;
  // in English, which waits for every pack.
  for (const [lang, address] of [['zh', `${server.url}?lang=zh`], ['en', url]]) {
    const firsts = [];
    for (let i = 0; i < 10; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript(markFirstResults);
      await page.goto(address);
      await page.waitForFunction(() => window.__firstResults !== undefined);
      firsts.push(await page.evaluate(() => window.__firstResults));
      await context.close();
    }
    report(`first results after navigation start, ${lang} (median of 10, cold)`, median(firsts), 'ms', '< 200 ms');
  }

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await fillW1(page);
  const latencies = await editLatencies(page, ['f-innovation_centre-equipment_cost', 'f-innovation_centre-software_cost', 'f-benchmark_project-investment']);
  report('input → updated results, median of 200 edits', median(latencies), 'ms', '');
  report('input → updated results, p95 of 200 edits', p95(latencies), 'ms', '< 8 ms');
  const w1Fields = ['f-innovation_centre-equipment_cost', 'f-innovation_centre-software_cost', 'f-benchmark_project-investment'];
  const ranged = await editLatencies(page, w1Fields, true);
  report('input → updated results, ranges in every money field, p95 of 200 edits', p95(ranged), 'ms', '< 8 ms');

  // A Shenzhen company with every pack loaded (only in builds that have city packs).
  const shenzhen = await browser.newContext();
  const sz = await shenzhen.newPage();
  await sz.goto(url);
  await sz.waitForTimeout(300);
  if (await sz.locator('#toggle-compute_rental').count()) {
    await sz.locator('#f-company-city').selectOption('shenzhen');
    await sz.locator('#toggle-compute_rental').check();
    await sz.locator('#toggle-model_services').check();
    const szLatencies = await editLatencies(sz, ['f-compute_rental-contract_amount', 'f-model_services-fees']);
    report('input → updated results, Shenzhen company (province + city), p95 of 200 edits', p95(szLatencies), 'ms', '< 8 ms');
    const szRanged = await editLatencies(sz, ['f-compute_rental-contract_amount', 'f-model_services-fees'], true);
    report('input → updated results, Shenzhen company, ranges in every money field, p95 of 200 edits', p95(szRanged), 'ms', '< 8 ms');
  }
  await shenzhen.close();

  await page.emulateMedia({ media: 'print' });
  const prints = [];
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await page.pdf({ format: 'A4', preferCSSPageSize: true });
    prints.push(performance.now() - start);
  }
  report('print to PDF (median of 5)', median(prints), 'ms', '');
  await context.close();
} finally {
  await browser.close();
  server.stop();
}
