import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { chromiumPath, serverFile, serverLog, stateDir, workspaceRoot } from './paths';

declare global {
  var __BEACON_E2E_SERVER__: ChildProcess | undefined;
}

const STARTUP_TIMEOUT_MS = 120_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        address && typeof address === 'object' ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

function tail(file: string, lines = 40): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no server output)';
  }
}

/**
 * Builds the API and the SPA (Nx caches both), then starts the API on a free port with a throwaway
 * embedded PostgreSQL and demo users, serving the built SPA. E2E_BASE_URL skips all of this and
 * tests an app that is already running (it must have the demo users).
 */
export default async function globalSetup(): Promise<void> {
  chromiumPath(); // fail first and clearly when there is no browser
  mkdirSync(stateDir, { recursive: true });

  if (process.env.E2E_BASE_URL) {
    writeFileSync(serverFile, JSON.stringify({ baseUrl: process.env.E2E_BASE_URL.replace(/\/$/, '') }));
    return;
  }

  // Jest sets NODE_ENV=test; the SPA under test must be the production build people get.
  const { NODE_ENV: _jestEnv, ...buildEnv } = process.env;
  const build = spawnSync(
    'npx',
    ['nx', 'run-many', '-t', 'build', '-p', 'api', 'web', '--outputStyle=static'],
    {
      cwd: workspaceRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...buildEnv, NX_DAEMON: 'false' },
    },
  );
  if (build.status !== 0)
    throw new Error('Building the API and the SPA failed (see the output above); nothing to test.');

  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const log = createWriteStream(serverLog);
  const server = spawn(
    'node',
    ['tools/with-db.mjs', '--fresh', 'node', 'dist/apps/api/apps/api/src/main.js'],
    {
      cwd: workspaceRoot,
      env: {
        ...process.env,
        PORT: String(port),
        NODE_ENV: 'test',
        SEED_DEMO_DATA: 'true',
        LOG_LEVEL: 'warn',
        SPA_DIR: 'dist/apps/web',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  server.stdout?.pipe(log);
  server.stderr?.pipe(log);
  globalThis.__BEACON_E2E_SERVER__ = server;

  let exited: number | null = null;
  server.on('exit', (code) => (exited = code ?? -1));
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (exited !== null)
      throw new Error(`The API exited (code ${exited}) before it was ready:\n${tail(serverLog)}`);
    if (Date.now() > deadline) {
      server.kill('SIGTERM');
      throw new Error(`The API was not healthy within ${STARTUP_TIMEOUT_MS / 1000} s:\n${tail(serverLog)}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/health`);
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }

  const index = await fetch(`${baseUrl}/`);
  if (!(index.headers.get('content-type') ?? '').includes('text/html')) {
    throw new Error(`The API does not serve the SPA at / (SPA_DIR=dist/apps/web):\n${tail(serverLog)}`);
  }
  writeFileSync(serverFile, JSON.stringify({ baseUrl, pid: server.pid }));
}
