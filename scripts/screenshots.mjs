// Regenerates the README's screenshots from the release build in dist/ (served on a free port):
//   node scripts/screenshots.mjs
// The page is filled with worked examples W3 + W6 (the sketch of the eligibility sheet).
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';

const port = 4199;
const server = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', 'dist'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 800));
const browser = await chromium.launch({
  executablePath: execFileSync('sh', ['-c', 'command -v chromium']).toString().trim(),
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
  await page.goto(`http://127.0.0.1:${port}/?lang=zh`);
  const label = (text) => page.getByLabel(text, { exact: true });
  await label('企业名称').fill('广州某智能装备有限公司');
  await label('统一社会信用代码').fill('914403001922038216');
  await label('所在地市').selectOption({ label: '广州市' });
  await label('在广东省内注册登记').selectOption({ label: '是' });
  await label('属于人工智能与机器人领域').selectOption({ label: '是' });
  await label('我们是国家级专精特新“小巨人”企业').check();
  await label('首次认定为国家级专精特新“小巨人”的年份').fill('2025');
  await label('我们有人工智能应用项目').check();
  await label('申报主体类型').selectOption({ label: '制造业企业（应用人工智能）' });
  await label('项目启动日期').fill('2023-03-01');
  await label('项目完成日期').fill('2025-05-31');
  await label('项目总投资（不含税）').fill('1,200');
  await label('单位（项目总投资（不含税））').selectOption({ label: '万元' });
  await label('项目在广东省内实施').selectOption({ label: '是' });
  await label('测算基准日').fill('2026-03-01');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/results.png', clip: { x: 0, y: 0, width: 1280, height: 1000 } });
  await page.emulateMedia({ media: 'print' });
  await page.pdf({ path: '/tmp/sheet.pdf', format: 'A4', preferCSSPageSize: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '/tmp/sheet.pdf', '/tmp/sheet-page']);
  fs.copyFileSync(fs.readdirSync('/tmp').filter((f) => f.startsWith('sheet-page')).map((f) => `/tmp/${f}`)[0], 'docs/sheet.png');
} finally {
  await browser.close();
  server.kill();
}
