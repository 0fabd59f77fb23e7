import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startTestApp, type TestApp } from './helpers/test-app';

// The built SPA as npm start and the benchmark serve it (bootstrap.ts serveSpa): how browsers may
// keep its files, and that they can still revalidate index.html now that the API makes no ETags.
// As a browser revalidates. (fetch adds `Cache-Control: no-cache` to a conditional request that
// has none, and a server must then answer in full.)
const REVALIDATE = { 'cache-control': 'max-age=0' };
let t: TestApp;
let spaDir: string;
beforeAll(async () => {
  spaDir = mkdtempSync(path.join(os.tmpdir(), 'beacon-spa-'));
  mkdirSync(path.join(spaDir, 'assets'));
  writeFileSync(path.join(spaDir, 'index.html'), '<!doctype html><title>Beacon</title>');
  writeFileSync(path.join(spaDir, 'assets', 'index-abc123.js'), 'console.log(1);');
  t = await startTestApp({ SPA_DIR: spaDir });
});
afterAll(async () => {
  await t.close();
  rmSync(spaDir, { recursive: true, force: true });
});

describe('the SPA', () => {
  it('answers a deep link with index.html, revalidated every time and unchanged answered 304', async () => {
    const page = await t.request('GET', '/referrals/some-id');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<title>Beacon</title>');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const lastModified = page.headers.get('last-modified');
    expect(lastModified).toBeTruthy();
    const again = await t.request('GET', '/referrals/some-id', {
      headers: { 'if-modified-since': lastModified!, ...REVALIDATE },
    });
    expect(again.status).toBe(304);
  });

  it('lets browsers keep hashed assets for a year, with a validator', async () => {
    const asset = await t.request('GET', '/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const etag = asset.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(
      (
        await t.request('GET', '/assets/index-abc123.js', {
          headers: { 'if-none-match': etag!, ...REVALIDATE },
        })
      ).status,
    ).toBe(304);
  });

  it('never answers an API path with the SPA', async () => {
    const missing = await t.request('GET', '/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  });
});
