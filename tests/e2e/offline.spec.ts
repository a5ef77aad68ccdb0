// Works offline after the first visit, updates to a new build on the next online visit, opens
// from a single file on disk, and never sends anything to another origin.
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { AppPage } from './pages/app';
import { w1ProvincialCentre } from './pages/examples';
import { cityPack, dist, nextBuild, openSingleFile, provincePack, ruleSetVersion, SwappableServer } from './pages/server';

const server = new SwappableServer();
test.beforeAll(() => server.start());
test.afterAll(() => server.stop());
test.beforeEach(() => {
  server.root = dist;
});

async function waitForServiceWorker(page: import('@playwright/test').Page) {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true }));
    }
  });
}

test('after one visit, the estimator works with the network off', async ({ page, context }) => {
  await page.goto(`${server.url}?lang=en`);
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  const app = new AppPage(page);
  app.lang = 'en';
  // The city packs, which the page fetches beside itself, come from the cache too.
  await app.ready();
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  await app.expectResult('P1', 'eligible', '¥7,200,000');
  await app.switchLanguage('zh');
  await app.expectResult('P1', 'eligible', '7,200,000 元');
  const sheet = await app.printedSheet();
  expect(sheet.text).toContain('7,200,000');
  await context.setOffline(false);
});

/** The city pack as the sheet lists it among the packs the results rest on: its id and version. */
async function cityPackOnSheet(app: AppPage): Promise<string> {
  await app.ready();
  await app.set('city', app.w.choice.shenzhen);
  const packs = app.page.locator('.sheet-facts div').filter({ has: app.page.locator('dt:text-is("Policy packs")') }).locator('dd');
  await expect(packs).toContainText(cityPack.title.en);
  return (await packs.innerText()).split(/[；;]/).find((entry) => entry.includes(cityPack.title.en))!;
}

test('a new build served online is running on the next visit, its city packs included', async ({ page }) => {
  const app = new AppPage(page);
  app.lang = 'en';
  await page.goto(`${server.url}?lang=en`);
  await waitForServiceWorker(page);
  await expect(page.locator('.app-footer')).toContainText(`${provincePack.place.en} ${ruleSetVersion()}`);
  expect(await cityPackOnSheet(app)).toContain(cityPack.version);

  server.root = path.join(os.tmpdir(), `estimator-build-n1-${test.info().workerIndex}`);
  nextBuild('2099.9', server.root);
  await page.reload();
  await expect(page.locator('.app-footer')).toContainText(`${provincePack.place.en} 2099.9`);
  // The city packs beside the page are the new build's too, not the old build's cached copy.
  expect.soft(await cityPackOnSheet(app), 'the city packs of the new build').toContain('2099.9');
  // And the new build is the one kept for offline use.
  // (The new worker replaces the old cache when it activates, which follows its install: on a busy
  // machine that can be after the page has loaded, so wait for it rather than look once.)
  await waitForServiceWorker(page);
  await expect
    .poll(() => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('estimator-'))), { timeout: 15_000 })
    .toHaveLength(1);
});

test('the single file works when opened from disk', async ({ page }) => {
  const { app, problems } = await openSingleFile(page);
  // The city packs are inside the file.
  await app.ready();
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  await app.expectResult('P1', 'eligible', '¥7,200,000');
  const sheet = await app.printedSheet();
  expect(sheet.text).toContain('¥7,200,000');
  expect(problems).toEqual([]);
});

test('a whole session requests nothing from any other origin', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (r) => requests.push(`${r.method()} ${r.url()}`));
  await page.goto(`${server.url}?lang=en`);
  const app = new AppPage(page);
  app.lang = 'en';
  // Loaded: the page, and the city packs it fetches after its first results.
  await app.ready();
  const loaded = requests.length;
  await app.asOf('2026-03-01');
  await w1ProvincialCentre(app);
  await app.expectResult('P1', 'eligible', '¥7,200,000');
  await app.switchLanguage('zh');
  await app.printedSheet();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出档案' }).click()]);
  expect(await download.failure()).toBeNull();
  expect(requests.length).toBeGreaterThan(0);
  for (const request of requests) {
    expect(request, 'every request goes to the page\'s own origin').toMatch(new RegExp(`^GET (${server.url}|blob:${server.url.slice(0, -1)})`));
  }
  // Filling in the form, reading results, switching language and printing fetch nothing new
  // beyond the service worker's own precache requests (same origin, GET, static files).
  const afterLoad = requests.slice(loaded).filter((r) => !/\.(js|wasm|postcard|css|png|svg|webmanifest|html)$|\/$/.test(r) && !r.includes('blob:'));
  expect(afterLoad).toEqual([]);
  await expect(page.locator('meta[http-equiv="Content-Security-Policy"]')).toHaveAttribute('content', /connect-src 'self'/);
});
