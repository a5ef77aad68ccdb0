// Page object for the app: specs say what a user does, this file knows where things are.
import { expect, type Locator, type Page } from '@playwright/test';

export class AppPage {
  readonly heading: Locator;
  readonly counter: Locator;

  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1 });
    this.counter = page.getByRole('button', { name: /^Clicked \d+ times$/ });
  }

  /** Opens the app and waits until the Wasm has mounted it. */
  async open(): Promise<void> {
    await this.page.goto('/');
    await expect(this.heading).toBeVisible();
  }
}
