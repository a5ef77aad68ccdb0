// Playwright end-to-end tests against the release build in dist/ (scripts/test.sh builds it).
//
// The browser is Debian's chromium: Playwright's own browser download fails on these machines.
import { execSync } from 'node:child_process';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const PORT = Number(process.env.E2E_PORT ?? 4173);
const repoRoot = path.resolve(__dirname, '..', '..');

function debianChromium(): string {
  try {
    return execSync('command -v chromium', { shell: '/bin/sh' }).toString().trim();
  } catch {
    return '/usr/bin/chromium';
  }
}

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  fullyParallel: true,
  // Two cores on every machine, CI included.
  workers: 2,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: debianChromium(),
          // Root needs --no-sandbox. The network flags stop Chromium's own calls home, which
          // this machine's closed network refuses (and which would be noise in the tests).
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  // The same static files a user gets, served by the serve command itself (scripts/serve.sh runs
  // it): compressed copies, cache headers and all.
  webServer: {
    command: `python3 scripts/serve.py ${PORT} --directory dist`,
    cwd: repoRoot,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: !process.env.CI,
    timeout: 30_000,
    // E2E_SERVER_LOG=1 shows every request (serve.py logs them to stderr with SERVE_LOG=1).
    env: { SERVE_LOG: process.env.E2E_SERVER_LOG === '1' ? '1' : '0' },
    stdout: 'ignore',
    stderr: process.env.E2E_SERVER_LOG === '1' ? 'pipe' : 'ignore',
  },
});
