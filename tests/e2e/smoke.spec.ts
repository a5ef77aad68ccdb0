// The release build loads in each language, says it runs locally, and follows ?lang=.
// (The fixture also fails the test on console errors and requests to other origins.)
import { test, expect } from './fixtures';
import { packs } from './pages/labels';

test('opens in Chinese with ?lang=zh', async ({ app, page }) => {
  await app.open('zh');
  await expect(app.heading).toHaveText('广东省人工智能与机器人产业扶持资金测算');
  await expect(page.locator('.app-header .privacy')).toHaveText('在您的设备上运行：您填写的任何内容都不会上传。');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('opens in English with ?lang=en', async ({ app, page }) => {
  await app.open('en');
  await expect(app.heading).toHaveText('Guangdong AI & Robotics Subsidy Estimator');
  await expect(page.locator('.app-header .privacy')).toHaveText('Runs on your device: nothing you enter is uploaded.');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('the footer names every policy pack with its version, the city packs included', async ({ app, page }) => {
  await app.open('en');
  for (const pack of packs.filter((p) => (p.programmes ?? []).length > 0)) {
    await expect(page.locator('.app-footer')).toContainText(`${pack.place.en} ${pack.version}`);
  }
});
