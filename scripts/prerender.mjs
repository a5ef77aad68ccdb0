// The page's first screen, as the app itself draws it: run by scripts/post_build.py on a release
// build. It serves the finished site, opens it in headless Chromium the way a first-time visitor
// would (Chinese, empty storage, before the city and district packs arrive), waits for the first
// results, and prints the body's markup. post_build.py writes that markup into index.html (and the
// single file), so the screen paints as soon as the HTML arrives, and the app takes it over when
// its wasm starts (src/first_screen.rs). Being the app's own output, it cannot drift from it.
//
//   node scripts/prerender.mjs DIST YYYY-MM-DD   (the date the page is drawn on: the build's commit
//                                                 date, so that a build is reproducible)
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const [dist, day] = process.argv.slice(2);
if (!dist || !/^\d{4}-\d{2}-\d{2}$/.test(day ?? '')) {
  console.error('usage: node scripts/prerender.mjs DIST YYYY-MM-DD');
  process.exit(2);
}

const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm' };
const server = http.createServer((request, response) => {
  const name = decodeURIComponent(new URL(request.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
  const file = path.resolve(dist, name);
  if (!file.startsWith(path.resolve(dist) + path.sep) || !fs.existsSync(file)) {
    response.writeHead(404).end();
    return;
  }
  response.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
  response.end(fs.readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const browser = await chromium.launch({
  executablePath: execFileSync('sh', ['-c', 'command -v chromium']).toString().trim(),
  args: ['--no-sandbox'],
});
try {
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
  const page = await context.newPage();
  // A first visit draws its first screen before the other packs arrive: keep them away.
  await page.route('**/packs-places-*.postcard', (route) => route.abort());
  await page.clock.setFixedTime(new Date(`${day}T09:00:00+08:00`));
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.locator('.profile-form').waitFor();
  await page.locator('.results .sheet').waitFor();
  const markup = await page.evaluate((day) => {
    const body = document.body.cloneNode(true);
    body.querySelectorAll('script, noscript').forEach((el) => el.remove());
    // Paper only: the screen shows none of it, and the app writes the sheet when it prints.
    body.querySelectorAll('.print-only, .print-only-inline').forEach((el) => el.remove());
    // The day the page was built is not the day it is read: until the app starts (and puts in
    // today, or the saved date), the as-of date is left blank rather than shown wrong.
    body.querySelectorAll('input#as-of').forEach((el) => el.setAttribute('value', ''));
    body.querySelectorAll('.sheet-facts dd').forEach((el) => {
      // A no-break space keeps the line's height: the layout does not move when the date comes.
      if (el.textContent === day) el.textContent = '\u00a0';
    });
    // What is hidden takes no room and cannot be shown without the app (a topic's questions appear
    // when its switch is ticked): the app draws it when it takes over.
    body.querySelectorAll('[hidden]').forEach((el) => el.remove());
    // Controls that need the app say so until it starts (the app draws its own in their place).
    body.querySelectorAll('button, .toolbar label.button, input[type="file"]').forEach((el) => {
      el.setAttribute('disabled', '');
      el.setAttribute('aria-disabled', 'true');
      el.setAttribute('title', '正在加载…');
      el.removeAttribute('tabindex');
    });
    // Leptos's empty placeholders are for the app, not for a static page.
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_COMMENT);
    const comments = [];
    while (walker.nextNode()) comments.push(walker.currentNode);
    comments.forEach((c) => c.remove());
    return body.innerHTML.trim();
  }, day);
  process.stdout.write(markup);
} finally {
  await browser.close();
  server.close();
}
