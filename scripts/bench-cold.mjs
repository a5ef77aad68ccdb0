// Cold loads, as a first visit on a slow phone: navigation start → the form painted → the first
// results → the first typed amount's results shown, each in the page's own clock.
//
// Throttled: Chromium's CPU slowed 4× and a 1.6 Mbps / 750 kbps line with 150 ms latency (through
// the DevTools protocol, as DevTools' throttling does), no HTTP cache, no service worker (a new
// context each load). Unthrottled: the same loads at this machine's full speed.
// Both builds are served by scripts/serve.py (each with whatever compressed copies it has) and
// loaded alternately, so that both see the same machine: it is shared, and times wander.
// The visitor is a Guangdong company: Chinese, the page's default (locale zh-CN).
//
// Usage: node scripts/bench-cold.mjs THIS_DIST PREVIOUS_DIST   (COLD_LOADS=9 loads each)
// Prints one JSON line per figure: {figure, this, previous, unit, goal}; scripts/bench.sh makes
// the table.
import { launch, markFirstResults, median, serve } from './bench-common.mjs';

const [thisDist, previousDist] = process.argv.slice(2);
const LOADS = Number(process.env.COLD_LOADS ?? 9);
const TIMEOUT_MS = 60_000;

const SLOW_PHONE = {
  cpu: { rate: 4 },
  network: { offline: false, latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 },
};

// The first frame in which the form's first field is in the page and visible: a frame callback
// runs just before that frame is painted.
const markFormShown = () => {
  const look = () => {
    const field = document.querySelector('form :is(input, select, textarea)');
    if (field && field.checkVisibility()) window.__formShown = performance.now();
    else requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

// Right after the first results, what a visitor does first: ticks "we run a manufacturing
// innovation centre" and types the equipment's cost. Marks when the results first show a change
// (the cost leaves the list of what is missing; with the other answers unknown, there is no
// amount yet).
const markInteractive = () => {
  addEventListener('bench:first-results', () =>
    setTimeout(() => {
      const sheet = document.querySelector('.sheet');
      const before = sheet.textContent;
      new MutationObserver((_, observer) => {
        if (sheet.textContent !== before) {
          window.__interactive = performance.now();
          observer.disconnect();
        }
      }).observe(sheet, { childList: true, subtree: true, characterData: true });
      document.getElementById('toggle-innovation_centre').click();
      const cost = document.getElementById('f-innovation_centre-equipment_cost');
      cost.value = '15,000,000';
      cost.dispatchEvent(new Event('input', { bubbles: true }));
    }),
  );
};

async function coldLoad(browser, url, throttled) {
  const context = await browser.newContext({ serviceWorkers: 'block', locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    if (throttled) {
      await cdp.send('Emulation.setCPUThrottlingRate', SLOW_PHONE.cpu);
      await cdp.send('Network.emulateNetworkConditions', SLOW_PHONE.network);
    }
    for (const mark of [markFormShown, markFirstResults, markInteractive]) await page.addInitScript(mark);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => window.__interactive !== undefined && window.__formShown !== undefined, null, { timeout: TIMEOUT_MS, polling: 50 });
    return await page.evaluate(() => ({ form: window.__formShown, first: window.__firstResults, interactive: window.__interactive }));
  } finally {
    await context.close();
  }
}

const builds = { this: await serve(thisDist), previous: await serve(previousDist) };
const browser = await launch();
const times = {};
try {
  for (let i = 0; i < LOADS; i++) {
    // Alternate which build goes first, so neither always gets the machine's quieter moment.
    const order = i % 2 ? ['previous', 'this'] : ['this', 'previous'];
    for (const throttled of [true, false]) {
      for (const build of order) {
        const key = `${throttled ? 'throttled' : 'unthrottled'}/${build}`;
        try {
          (times[key] ??= []).push(await coldLoad(browser, builds[build].url, throttled));
        } catch (e) {
          console.error(`bench-cold: a ${key} load failed: ${e.message.split('\n')[0]}`);
        }
      }
    }
  }
} finally {
  await browser.close();
  Object.values(builds).forEach((b) => b.stop());
}

const figures = [
  ['throttled', 'form', 'navigation start → form painted', '≤ 600 ms'],
  ['throttled', 'first', 'navigation start → first results', '≤ 1.2 s'],
  ['throttled', 'interactive', 'navigation start → a typed amount\'s results shown', '≤ 1.5 s'],
  ['unthrottled', 'form', 'navigation start → form painted', ''],
  ['unthrottled', 'first', 'navigation start → first results', '≤ 150 ms'],
  ['unthrottled', 'interactive', 'navigation start → a typed amount\'s results shown', ''],
];
for (const [profile, mark, what, goal] of figures) {
  const value = (build) => {
    const loads = times[`${profile}/${build}`] ?? [];
    return loads.length ? Math.round(median(loads.map((t) => t[mark]))) : null;
  };
  const count = (times[`${profile}/this`] ?? []).length;
  const label = `${profile === 'throttled' ? 'slow phone (4× CPU, 1.6 Mbps, 150 ms)' : 'unthrottled'}: ${what} (median of ${count} cold)`;
  console.log(JSON.stringify({ figure: label, this: value('this'), previous: value('previous'), unit: 'ms', goal }));
}
