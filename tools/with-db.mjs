#!/usr/bin/env node
// Runs a command with DATABASE_URL set: the one given, or an embedded PostgreSQL kept in
// .data/postgres that is stopped cleanly when the command ends.
//   node tools/with-db.mjs node dist/apps/api/apps/api/src/main.js
// With --fresh (and no DATABASE_URL) it uses a throwaway cluster under tmp/ on a free port instead.
import { spawn } from 'node:child_process';
import { provideDatabase, takeOverShutdownSignals } from './embedded-db.mjs';

let argv = process.argv.slice(2);
const fresh = argv[0] === '--fresh';
if (fresh) argv = argv.slice(1);
const [command, ...args] = argv;
if (!command) {
  console.error('usage: node tools/with-db.mjs [--fresh] <command> [args...]');
  process.exit(2);
}

// glibc malloc settings (start.mjs sets them for the API) are for the command, not PostgreSQL,
// which inherits this process's environment.
const mallocEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => key.startsWith('MALLOC_')),
);
for (const key of Object.keys(mallocEnv)) delete process.env[key];

let database;
try {
  database = await provideDatabase({ fresh, quiet: fresh });
} catch (error) {
  console.error(`[beacon] ${error.message}`);
  process.exit(1);
}

const child = spawn(command, args, { stdio: 'inherit', env: { ...database.env, ...mallocEnv } });
let stopping = false;
// The command ends first (the API shuts down gracefully, using the database), then the database.
takeOverShutdownSignals();
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
}
child.on('exit', async (code, signal) => {
  await database.stop();
  process.exit(code ?? (stopping || signal ? 0 : 1));
});
