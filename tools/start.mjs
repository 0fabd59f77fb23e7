#!/usr/bin/env node
// `npm start`: builds what is missing or changed (Nx caches the rest), then serves the API and
// the SPA on http://localhost:$PORT (default 3000), with an embedded PostgreSQL unless
// DATABASE_URL is set. Ctrl-C stops the server and the database cleanly.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot, takeOverShutdownSignals } from './embedded-db.mjs';

const build = spawnSync(
  'npx',
  ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--output-style=static'],
  {
    cwd: projectRoot,
    stdio: 'inherit',
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  },
);
if (build.status !== 0) {
  console.error('[beacon] the build failed; see above');
  process.exit(build.status ?? 1);
}

const main = path.join(projectRoot, 'dist/apps/api/apps/api/src/main.js');
// As docker/api.Dockerfile runs the API: the heap grows to twice its live size, not four times.
const apiArgs = [process.execPath, '--heap-growing-percent=100', main];
const child = spawn(process.execPath, [path.join(projectRoot, 'tools/with-db.mjs'), ...apiArgs], {
  cwd: projectRoot,
  stdio: 'inherit',
  env: {
    // As in docker/api.Dockerfile, for the API only (with-db keeps them from PostgreSQL): fewer
    // glibc malloc arenas, and argon2id's 19 MiB blocks given back after each sign-in.
    MALLOC_ARENA_MAX: '2',
    MALLOC_MMAP_THRESHOLD_: '131072',
    ...process.env,
    SPA_DIR: process.env.SPA_DIR ?? path.join(projectRoot, 'dist/apps/web'),
  },
});
takeOverShutdownSignals(); // with-db stops the API, then its database
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code) => process.exit(code ?? 0));
