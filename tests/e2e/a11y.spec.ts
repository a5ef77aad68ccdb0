// axe-core finds no WCAG A/AA violations on the page as first shown.
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

test('the first screen has no axe violations', async ({ app, page }) => {
  await app.open();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa']).analyze();
  expect(results.violations).toEqual([]);
});
