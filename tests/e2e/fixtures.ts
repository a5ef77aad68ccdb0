// Shared test fixture: every spec that imports `test` from here also fails on console errors,
// uncaught page errors, and any request to an origin other than the app's own.
import { test as base, expect } from '@playwright/test';
import { AppPage } from './pages/app';

type Fixtures = {
  app: AppPage;
  pageProblems: string[];
};

export const test = base.extend<Fixtures>({
  pageProblems: [
    async ({ page, baseURL }, use) => {
      const problems: string[] = [];
      const ownOrigin = new URL(baseURL!).origin;
      page.on('console', (msg) => {
        if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`);
      });
      page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
      page.on('request', (req) => {
        const url = new URL(req.url());
        // data: URLs are inline; anything with a host must be our own.
        if (url.protocol !== 'data:' && url.origin !== ownOrigin) {
          problems.push(`request to another origin: ${req.url()}`);
        }
      });
      await use(problems);
      expect(problems, 'the page logged errors or left its origin').toEqual([]);
    },
    { auto: true },
  ],
  app: async ({ page }, use) => {
    await use(new AppPage(page));
  },
});

export { expect };
