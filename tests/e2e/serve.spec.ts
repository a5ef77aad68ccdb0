// The serve command (scripts/serve.py, which serves every e2e test too) sends the build's brotli
// and gzip copies to a browser that takes them, the original to one that does not, and says how
// long each file may be cached. No browser needed: plain requests.
//
// Playwright's request fixture decompresses a body itself (by its Content-Encoding), so it shows
// what a browser gets; the bytes actually on the wire are read with node:http, which does not.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import { test, expect } from '@playwright/test';
import { dist } from './pages/server';

const built = fs.readdirSync(dist);
const named = (pattern: RegExp): string => {
  const names = built.filter((f) => pattern.test(f));
  if (names.length !== 1) throw new Error(`expected one file like ${pattern} in dist/, found ${names.join(', ') || 'none'}`);
  return names[0];
};

// What the first load and the place packs are made of, with the Content-Type each must have.
// Trunk writes its file hash (a 64-bit number) in hex without leading zeros: 16 digits or a few
// fewer ("subsidy-estimator-4edff4bba5209e0.js" is a build of 2026-12-08; scripts/serve.py takes
// 12 to 16). post_build.py's hash of the place packs always has 16.
const files = [
  { what: 'the wasm', name: named(/^subsidy-estimator-[0-9a-f]{12,16}_bg\.wasm$/), type: 'application/wasm', hashed: true },
  { what: 'the JS glue', name: named(/^subsidy-estimator-[0-9a-f]{12,16}\.js$/), type: 'text/javascript; charset=utf-8', hashed: true },
  { what: 'the styles', name: named(/^main-[0-9a-f]{12,16}\.css$/), type: 'text/css; charset=utf-8', hashed: true },
  { what: 'the place packs', name: named(/^packs-places-[0-9a-f]{16}\.postcard$/), type: 'application/octet-stream', hashed: true },
  { what: 'the page', name: 'index.html', type: 'text/html; charset=utf-8', hashed: false },
];

const codings = [
  { accept: 'br', encoding: 'br', decode: zlib.brotliDecompressSync },
  { accept: 'gzip', encoding: 'gzip', decode: zlib.gunzipSync },
];

/** A GET whose body is the bytes the server sent, not decoded; the path is sent as written. */
function rawGet(base: string, target: string, headers: Record<string, string> = {}) {
  const { hostname, port } = new URL(base);
  return new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get({ hostname, port, path: target, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on('error', reject);
  });
}

for (const file of files) {
  const original = fs.readFileSync(path.join(dist, file.name));
  const cacheControl = file.hashed ? 'public, max-age=31536000, immutable' : 'no-cache';

  for (const { accept, encoding, decode } of codings) {
    test(`${file.what} with Accept-Encoding: ${accept} comes ${encoding}-compressed`, async ({ request, baseURL }) => {
      const response = await request.get(`/${file.name}`, { headers: { 'Accept-Encoding': accept } });
      expect(response.status()).toBe(200);
      const headers = response.headers();
      expect(headers['content-encoding']).toBe(encoding);
      expect(headers['content-type']).toBe(file.type);
      expect(headers['vary']).toBe('Accept-Encoding');
      expect(headers['cache-control']).toBe(cacheControl);
      // What a browser ends up with is the file itself.
      expect((await response.body()).equals(original)).toBe(true);

      const wire = await rawGet(baseURL!, `/${file.name}`, { 'Accept-Encoding': accept });
      expect(wire.headers['content-encoding']).toBe(encoding);
      expect(Number(wire.headers['content-length'])).toBe(wire.body.length);
      expect(wire.body.length).toBeLessThan(original.length);
      expect(decode(wire.body).equals(original)).toBe(true);
    });
  }

  test(`${file.what} without compression comes as it is`, async ({ request, baseURL }) => {
    const response = await request.get(`/${file.name}`, { headers: { 'Accept-Encoding': 'identity' } });
    expect(response.status()).toBe(200);
    const headers = response.headers();
    expect(headers['content-encoding']).toBeUndefined();
    expect(headers['content-type']).toBe(file.type);
    expect(headers['vary']).toBe('Accept-Encoding');
    expect(headers['cache-control']).toBe(cacheControl);
    expect(Number(headers['content-length'])).toBe(original.length);
    expect((await response.body()).equals(original)).toBe(true);

    // No Accept-Encoding at all means the same.
    const wire = await rawGet(baseURL!, `/${file.name}`);
    expect(wire.headers['content-encoding']).toBeUndefined();
    expect(wire.body.equals(original)).toBe(true);
  });
}

test('/ is index.html, checked on every visit; so is the service worker', async ({ request }) => {
  const page = await request.get('/?lang=en', { headers: { 'Accept-Encoding': 'identity' } });
  expect(page.headers()['content-type']).toBe('text/html; charset=utf-8');
  expect(page.headers()['cache-control']).toBe('no-cache');
  expect((await page.body()).equals(fs.readFileSync(path.join(dist, 'index.html')))).toBe(true);
  const worker = await request.get('/sw.js');
  expect(worker.headers()['content-type']).toBe('text/javascript; charset=utf-8');
  expect(worker.headers()['cache-control']).toBe('no-cache');
  // The worker caches files by URL and the browser hands it decoded bytes: the compressed copies
  // are the server's business and not on its list.
  const list = (await worker.text()).match(/\["\.\/"[^\]]*\]/)![0];
  expect(list).not.toMatch(/\.(br|gz)"/);
});

test('a compressed copy asked for by name comes as it is', async ({ request, baseURL }) => {
  const wire = await rawGet(baseURL!, '/index.html.br', { 'Accept-Encoding': 'br' });
  expect(wire.status).toBe(200);
  expect(wire.headers['content-encoding']).toBeUndefined();
  expect(wire.body.equals(fs.readFileSync(path.join(dist, 'index.html.br')))).toBe(true);
  expect((await request.get('/index.html.br')).headers()['content-encoding']).toBeUndefined();
});

test('nothing outside the served folder is served', async ({ request, baseURL }) => {
  // dist/ sits in the repository, beside README.md. A URL client removes "/../" before sending,
  // so the raw request writes it as it stands.
  expect(fs.existsSync(path.join(dist, '..', 'README.md'))).toBe(true);
  for (const target of ['/../README.md', '/%2e%2e/README.md', '/..%2fREADME.md', '/icons/../../README.md']) {
    const wire = await rawGet(baseURL!, target);
    expect([400, 404], target).toContain(wire.status);
    expect(wire.body.toString()).not.toContain('Guangdong AI & Robotics Subsidy Estimator');
  }
  expect((await request.get('/..%2fREADME.md')).status()).toBe(404);
  expect((await request.get('/no-such-file.js')).status()).toBe(404);
});
