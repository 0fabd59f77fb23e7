#!/usr/bin/env node
// Runs a command with DATABASE_URL set: the one given, or an embedded PostgreSQL kept in
// .data/postgres (port EMBEDDED_PG_PORT, default 54329) that is stopped cleanly when the command ends.
//   node tools/with-db.mjs node dist/apps/api/main.js
// With --fresh (and no DATABASE_URL) it uses a throwaway cluster under tmp/ on a free port instead.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { projectRoot, startEmbeddedPostgres } from './embedded-db.mjs';

let argv = process.argv.slice(2);
const fresh = argv[0] === '--fresh';
if (fresh) argv = argv.slice(1);
const [command, ...args] = argv;
if (!command) {
  console.error('usage: node tools/with-db.mjs <command> [args...]');
  process.exit(2);
}

let db;
const env = { ...process.env };
if (!env.DATABASE_URL) {
  const dataDir = fresh
    ? path.join(projectRoot, 'tmp', `pg-fresh-${process.pid}`)
    : path.join(projectRoot, '.data', 'postgres');
  const port = fresh ? 0 : Number(env.EMBEDDED_PG_PORT || 54329);
  if (!fresh) console.error(`[beacon] DATABASE_URL is not set: starting embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir} on port ${port}`);
  const logs = [];
  try {
    db = await startEmbeddedPostgres({ dataDir, port, persistent: !fresh, log: (line) => logs.push(line) });
  } catch (error) {
    console.error(logs.slice(-20).join('\n'));
    console.error(`[beacon] ${error.message}`);
    process.exit(1);
  }
  if (!(await db.databaseExists('beacon'))) await db.createDatabase('beacon');
  env.DATABASE_URL = db.url('beacon');
  env.BEACON_EMBEDDED_DB = '1';
}

const child = spawn(command, args, { stdio: 'inherit', env });
let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    stopping = true;
    child.kill(signal);
  });
}
child.on('exit', async (code, signal) => {
  if (db) {
    if (!fresh) console.error('[beacon] stopping embedded PostgreSQL');
    await db.stop().catch((error) => console.error(`[beacon] could not stop PostgreSQL cleanly: ${error.message}`));
  }
  process.exit(code ?? (stopping || signal ? 0 : 1));
});
