#!/usr/bin/env node
// The size check of `npm test`: the JavaScript a browser must fetch before the first screen (the
// entry script and every module it preloads, as listed in the built index.html), gzipped, must
// stay within the budget. Writes tmp/bundle.json for the benchmark report.
//   node tools/bundle-size.mjs            check dist/apps/web (build it first: nx run web:build)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { projectRoot } from './embedded-db.mjs';

export const BUDGET_GZIP_BYTES = 150 * 1024;

/** The script URLs index.html loads at once: module entry scripts and modulepreloads. */
export function initialScripts(html) {
  const urls = new Set();
  for (const tag of html.match(/<(script|link)\b[^>]*>/g) ?? []) {
    const isEntry = /^<script\b/.test(tag) && /\btype="module"/.test(tag);
    const isPreload = /^<link\b/.test(tag) && /\brel="modulepreload"/.test(tag);
    const url = /\b(?:src|href)="([^"]+)"/.exec(tag)?.[1];
    if ((isEntry || isPreload) && url) urls.add(url);
  }
  return [...urls];
}

const spaDir = path.join(projectRoot, 'dist/apps/web');
let html;
try {
  html = readFileSync(path.join(spaDir, 'index.html'), 'utf8');
} catch {
  console.error(
    'bundle size: dist/apps/web/index.html is missing; build the SPA first (npx nx run web:build)',
  );
  process.exit(1);
}
const files = initialScripts(html).map((url) => {
  const bytes = readFileSync(path.join(spaDir, url.replace(/^\//, '')));
  return { url, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
});
if (files.length === 0) {
  console.error('bundle size: index.html loads no module script; is this the Vite build?');
  process.exit(1);
}
const total = files.reduce((sum, file) => sum + file.gzipBytes, 0);
for (const file of files.sort((a, b) => b.gzipBytes - a.gzipBytes))
  console.log(`  ${(file.gzipBytes / 1024).toFixed(1).padStart(7)} KB gz  ${file.url}`);
const verdict = total <= BUDGET_GZIP_BYTES ? 'within' : 'OVER';
console.log(
  `bundle size: initial JavaScript ${(total / 1024).toFixed(1)} KB gzipped, ${verdict} the ${BUDGET_GZIP_BYTES / 1024} KB budget`,
);
mkdirSync(path.join(projectRoot, 'tmp'), { recursive: true });
writeFileSync(
  path.join(projectRoot, 'tmp/bundle.json'),
  JSON.stringify({ initialJsGzipBytes: total, budgetGzipBytes: BUDGET_GZIP_BYTES, files }, null, 2),
);
process.exit(total <= BUDGET_GZIP_BYTES ? 0 : 1);
