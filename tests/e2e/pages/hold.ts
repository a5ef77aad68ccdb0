import type { Page, Route } from '@playwright/test';

/**
 * Holds every request matching `pattern` (a city packs file, the wasm) until the returned function
 * is called: what the page does before it has them. Requests a service worker makes itself are
 * not seen by `page.route`: block service workers in tests that rely on the hold later on.
 */
export async function holdBack(page: Page, pattern: string): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(pattern, async (route: Route) => {
    await held;
    await route.continue();
  });
  return release;
}
