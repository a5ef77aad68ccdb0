// What the browser benchmarks share: the serve command, the browser, the page's own marks.
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const servePy = fileURLToPath(new URL('./serve.py', import.meta.url));

/**
 * Serves a build folder with scripts/serve.py (compressed copies, cache headers), as the serve
 * command and the e2e tests do, on a free port. Returns its address and a stop function.
 */
export async function serve(dist) {
  const server = spawn('python3', [servePy, '0', '--directory', dist], { stdio: ['ignore', 'pipe', 'inherit'] });
  // Not left running when a benchmark dies of an error.
  process.on('exit', () => server.kill());
  const url = await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (chunk) => {
      out += chunk;
      const address = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
      if (address) resolve(address[0]);
    });
    server.on('exit', (code) => reject(new Error(`serve.py exited (${code}): ${out}`)));
  });
  return { url, stop: () => server.kill() };
}

export function launch() {
  return chromium.launch({
    executablePath: execFileSync('sh', ['-c', 'command -v chromium']).toString().trim(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
export const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

// Marks the moment the app's results table first exists, in the page's own clock (an init
// script). The first screen written into the page has a table too: the app's is there once that
// screen is gone.
export const markFirstResults = () => {
  new MutationObserver((_, observer) => {
    if (document.querySelector('table.summary') && !document.querySelector('.first-screen')) {
      window.__firstResults = performance.now();
      observer.disconnect();
      dispatchEvent(new Event('bench:first-results'));
    }
  }).observe(document, { childList: true, subtree: true });
};
