// The scaffold's counter proves that events reach Rust and signals reach the DOM.
import { test, expect } from './fixtures';

test('clicking the button counts the clicks', async ({ app }) => {
  await app.open();
  await expect(app.counter).toHaveText('Clicked 0 times');
  await app.counter.click();
  await app.counter.click();
  await expect(app.counter).toHaveText('Clicked 2 times');
});
