#!/usr/bin/env node
// `npm run dev`: the API from source restarting on change (node --watch + ts-node), and Vite's
// dev server with hot reload on http://localhost:5173 proxying /api to the API on :3000.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot, provideDatabase, takeOverShutdownSignals } from './embedded-db.mjs';

const database = await provideDatabase();
const env = {
  ...database.env,
  NODE_ENV: 'development',
  SPA_DIR: '',
  TS_NODE_PROJECT: 'apps/api/tsconfig.json',
};
const children = [
  spawn(
    process.execPath,
    [
      '--watch',
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'apps/api/src/main.ts',
    ],
    { cwd: projectRoot, stdio: 'inherit', env },
  ),
  spawn(path.join(projectRoot, 'node_modules/.bin/vite'), ['--config', 'apps/web/vite.config.ts'], {
    cwd: projectRoot,
    stdio: 'inherit',
    env,
  }),
];
console.error('[beacon] dev: open http://localhost:5173 (API on http://localhost:3000)');

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(
    children.map((child) => (child.exitCode === null ? new Promise((r) => child.on('exit', r)) : null)),
  );
  await database.stop();
  process.exit(code);
}
takeOverShutdownSignals(); // the children stop first, then the database
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => stop(0));
for (const child of children) child.on('exit', (code) => stop(code ?? 0));
