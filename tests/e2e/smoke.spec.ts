// The release build loads, mounts, and stays on its own origin without console errors
// (the last two are checked by the fixture for every spec).
import { test, expect } from './fixtures';

test('the app loads and shows its heading', async ({ app }) => {
  await app.open();
  await expect(app.heading).toHaveText('Subsidy estimator');
});
