// A server for the offline tests whose folder can be swapped while it runs: "build N is online",
// then "build N+1 is online", on the same origin, as a real deployment does. It is the serve
// command itself (scripts/serve.py) serving a symlink that is repointed.
import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { AppPage } from './app';
import { packOf } from './labels';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
export const dist = path.join(repoRoot, 'dist');

/** Opens the build's single file from disk in English, collecting every page error, console error
 * and request to anything but the file itself (and data: URLs): what the page must never do. */
export async function openSingleFile(page: Page): Promise<{ app: AppPage; problems: string[] }> {
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('request', (r) => !r.url().startsWith('file://') && !r.url().startsWith('data:') && problems.push(r.url()));
  await page.goto(`file://${path.join(dist, 'estimator.html')}?lang=en`);
  const app = new AppPage(page);
  app.lang = 'en';
  return { app, problems };
}

export class SwappableServer {
  private readonly site = path.join(os.tmpdir(), `estimator-site-${process.pid}-${crypto.randomUUID().slice(0, 8)}`);
  private server?: ChildProcess;
  url = '';

  /** The folder being served; setting it takes effect from the next request. */
  get root(): string {
    return fs.readlinkSync(this.site);
  }

  set root(folder: string) {
    // A new link renamed over the old one: no request ever finds the site missing.
    const next = `${this.site}.next`;
    fs.rmSync(next, { force: true });
    fs.symlinkSync(folder, next);
    fs.renameSync(next, this.site);
  }

  async start(): Promise<void> {
    this.root = dist;
    const log = process.env.E2E_SERVER_LOG === '1';
    const server = spawn('python3', [path.join(repoRoot, 'scripts/serve.py'), '0', '--directory', this.site], {
      stdio: ['ignore', 'pipe', log ? 'inherit' : 'ignore'],
      env: { ...process.env, SERVE_LOG: log ? '1' : '0' },
    });
    this.server = server;
    // Not left running if the test worker ends without afterAll.
    process.on('exit', () => server.kill());
    // Port 0: serve.py picks a free port and names its address on its first line.
    this.url = await new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (chunk) => {
        out += chunk;
        const address = out.match(/http:\/\/127\.0\.0\.1:\d+\//);
        if (address) resolve(address[0]);
      });
      server.on('exit', (code) => reject(new Error(`serve.py exited (${code}) before serving: ${out}`)));
    });
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (server && server.exitCode === null) {
      await new Promise((resolve) => {
        server.on('exit', resolve);
        server.kill();
      });
    }
    fs.rmSync(this.site, { force: true });
  }
}

/** The provincial pack the wasm embeds: its place and version are in the footer ("Guangdong 2026.1"). */
export const provincePack = packOf('province');

/** The provincial pack's version the current build carries (from the pack it embeds). */
export function ruleSetVersion(): string {
  return provincePack.version;
}

/** A string as postcard writes it: its length (one byte below 128), then its UTF-8 bytes. */
function postcardString(text: string): Buffer {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length >= 128) throw new Error('only short strings are supported');
  return Buffer.concat([Buffer.from([bytes.length]), bytes]);
}

/** The city pack the page loads beside itself, in packs-places-<content hash>.postcard. */
export const cityPack = packOf('city', 'Shenzhen');
export function placePacksFile(folder: string): string {
  const names = fs.readdirSync(folder).filter((f) => /^packs-places-[0-9a-f]+\.postcard$/.test(f));
  if (names.length !== 1) throw new Error(`expected one city-packs file in ${folder}, found ${names.length}`);
  return names[0];
}

/**
 * Gives a pack a new version in postcard bytes: the pack's id then its version, as postcard writes
 * them (same length, so the data stays valid).
 */
function setVersion(bytes: Buffer, pack: { id: string; version: string }, version: string, where: string): void {
  const id = postcardString(pack.id);
  const from = Buffer.concat([id, postcardString(pack.version)]);
  const to = Buffer.concat([id, postcardString(version)]);
  if (from.length !== to.length) throw new Error('the new version must have the same length');
  const at = bytes.indexOf(from);
  if (at < 0 || bytes.indexOf(from, at + 1) >= 0) throw new Error(`the version of ${pack.id} not found exactly once in ${where}`);
  to.copy(bytes, at);
}

/**
 * Build N+1: the release build with a new version of the provincial pack in its wasm and of the
 * provincial and city packs in the file beside it, as a build with both packs changed has; the wasm renamed as
 * Trunk would rename a changed file (the city packs' file too, by its content hash),
 * with the page, its policy and the service worker's file list brought up to date by the same
 * post-build steps.
 */
export function nextBuild(version: string, into: string): void {
  fs.rmSync(into, { recursive: true, force: true });
  // Not the compressed copies: they are written again below, from the files as changed.
  fs.cpSync(dist, into, { recursive: true, filter: (source) => !/\.(br|gz)$/.test(source) });
  // The city packs changed too: a new content, so a new name (as post_build.py names it).
  const oldPlaces = placePacksFile(into);
  const places = fs.readFileSync(path.join(into, oldPlaces));
  setVersion(places, cityPack, version, oldPlaces);
  // Every pack is in that file too, in both languages (the wasm has the province's in Chinese).
  setVersion(places, provincePack, version, oldPlaces);
  fs.rmSync(path.join(into, oldPlaces));
  const newPlaces = `packs-places-${crypto.createHash('sha256').update(places).digest('hex').slice(0, 16)}.postcard`;
  fs.writeFileSync(path.join(into, newPlaces), places);
  const wasmName = fs.readdirSync(into).find((f) => f.endsWith('_bg.wasm'))!;
  const bytes = fs.readFileSync(path.join(into, wasmName));
  setVersion(bytes, provincePack, version, 'the wasm');
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
  // The post-build steps that depend on the changed files: the page's policy, its pointer to the
  // city packs, the service worker's list and the compressed copies. (The city packs are edited
  // here rather than written again: that would run cargo, which may wait minutes for another
  // build's lock.)
  const script = [
    'import sys, importlib.util, pathlib',
    'spec = importlib.util.spec_from_file_location("post_build", sys.argv[1])',
    'post_build = importlib.util.module_from_spec(spec); spec.loader.exec_module(post_build)',
    'staging = pathlib.Path(sys.argv[2])',
    'post_build.served_page(staging, sys.argv[3]); post_build.service_worker(staging); post_build.compress(staging)',
  ].join('\n');
  execFileSync('python3', ['-c', script, path.join(repoRoot, 'scripts/post_build.py'), into, newPlaces]);
}
