#!/usr/bin/env node
// `npm run bench [-- --referrals N --notes N --connections N --seconds N]`: performance at a
// year's volume (docs/performance.md). Builds the API and the SPA (nx, cached), measures the
// SPA's first load (tools/bundle-size.mjs → tmp/bundle.json), then runs apps/api/src/cli/bench.ts
// on a throwaway embedded PostgreSQL (tools/with-db.mjs --fresh), never on DATABASE_URL.
// One benchmark at a time: tmp/bench.lock holds the running one's pid.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { projectRoot } from './embedded-db.mjs';

const env = { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' };
// A benchmark loads a million rows: never into a database someone configured.
delete env.DATABASE_URL;
delete env.MIGRATION_DATABASE_URL;

const lock = path.join(projectRoot, 'tmp', 'bench.lock');
mkdirSync(path.dirname(lock), { recursive: true });
if (existsSync(lock)) {
  const pid = Number(readFileSync(lock, 'utf8'));
  let alive = false;
  try {
    process.kill(pid, 0);
    alive = true;
  } catch (error) {
    alive = error.code === 'EPERM';
  }
  if (alive && pid !== process.pid) {
    console.error(`[bench] another benchmark is running (pid ${pid}); one at a time`);
    process.exit(1);
  }
}
writeFileSync(lock, String(process.pid));
const unlock = () => rmSync(lock, { force: true });

/** Runs a step quietly: its output is shown only when it fails (or its last line, with `last`). */
function run(command, args, { last = false } = {}) {
  const result = spawnSync(command, args, {
    cwd: projectRoot,
    env,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trimEnd().split('\n');
  if (result.status !== 0) console.error(output.slice(-40).join('\n'));
  else if (last) console.log(output[output.length - 1]);
  return result.status === 0;
}

console.log('[bench] building the API and the SPA (nx, cached)');
if (!run('npx', ['nx', 'run', 'api:build', '--output-style=static'])) {
  unlock();
  console.error('[bench] the API did not build');
  process.exit(1);
}
const bundleJson = path.join(projectRoot, 'tmp', 'bundle.json');
rmSync(bundleJson, { force: true });
if (run('npx', ['nx', 'run', 'web:build', '--output-style=static'])) {
  // Exits 1 when over its budget; the file is written either way and the report shows the size.
  run('node', ['tools/bundle-size.mjs'], { last: true });
} else {
  console.error('[bench] the SPA did not build: the bundle size is left out of the report');
}
if (existsSync(bundleJson)) env.BENCH_BUNDLE_JSON = bundleJson;
env.BENCH_FRESH_DB = '1';

const child = spawn(
  'node',
  ['tools/with-db.mjs', '--fresh', 'tools/ts-run.sh', 'apps/api/src/cli/bench.ts', ...process.argv.slice(2)],
  { cwd: projectRoot, stdio: 'inherit', env },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  unlock();
  process.exit(code ?? (signal ? 1 : 0));
});
