// A static server for the offline tests, whose folder can be swapped while it runs: "build N is
// online", then "build N+1 is online", on the same origin, as a real deployment does.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.wasm': 'application/wasm',
  '.webmanifest': 'application/manifest+json',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const dist = path.join(repoRoot, 'dist');

export class SwappableServer {
  root = dist;
  private server?: http.Server;
  url = '';

  async start(): Promise<void> {
    this.server = http.createServer((req, res) => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const file = path.join(this.root, pathname.endsWith('/') ? `${pathname}index.html` : pathname);
      if (!file.startsWith(this.root) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-cache' });
      fs.createReadStream(file).pipe(res);
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    const address = this.server.address() as { port: number };
    this.url = `http://127.0.0.1:${address.port}/`;
  }

  async stop(): Promise<void> {
    await new Promise((resolve) => this.server?.close(resolve));
  }
}

/** The rule-set version the current build carries (from the rule data it embeds). */
export function ruleSetVersion(): string {
  const rules = JSON.parse(fs.readFileSync(path.join(repoRoot, 'engine/rules/guangdong-ai-robotics-2025.json'), 'utf8'));
  return rules.version;
}

/**
 * Build N+1: the release build with a different rule-set version in its wasm (same length, so the
 * binary stays valid), renamed as Trunk would rename a changed file, with the page, its policy
 * and the service worker's file list brought up to date by the same post-build step.
 */
export function nextBuild(version: string, into: string): void {
  fs.rmSync(into, { recursive: true, force: true });
  fs.cpSync(dist, into, { recursive: true });
  const wasmName = fs.readdirSync(into).find((f) => f.endsWith('_bg.wasm'))!;
  const bytes = fs.readFileSync(path.join(into, wasmName));
  const from = Buffer.from(`"version": "${ruleSetVersion()}"`);
  const to = Buffer.from(`"version": "${version}"`);
  if (from.length !== to.length) throw new Error('the new version must have the same length');
  const at = bytes.indexOf(from);
  if (at < 0 || bytes.indexOf(from, at + 1) >= 0) throw new Error('version not found exactly once in the wasm');
  to.copy(bytes, at);
  const newName = wasmName.replace(/-([0-9a-f]+)_bg\.wasm$/, '-0000000000000001_bg.wasm');
  fs.rmSync(path.join(into, wasmName));
  fs.writeFileSync(path.join(into, newName), bytes);
  const integrity = `sha384-${crypto.createHash('sha384').update(bytes).digest('base64')}`;
  const indexFile = path.join(into, 'index.html');
  const html = fs
    .readFileSync(indexFile, 'utf8')
    .replaceAll(wasmName, newName)
    .replace(/(href="\.\/[^"]*_bg\.wasm" crossorigin="anonymous" integrity=")[^"]*"/, `$1${integrity}"`);
  fs.writeFileSync(indexFile, html);
  fs.rmSync(path.join(into, 'estimator.html'), { force: true });
  execFileSync('python3', [path.join(repoRoot, 'scripts/post_build.py'), into], { env: { ...process.env, TRUNK_PROFILE: 'debug' } });
}
