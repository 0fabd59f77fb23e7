// What tools/db-dump.mjs (pg_dump's format) and tools/db-builtin.mjs (the built-in format) share:
// which database, the safety checks before a restore, and how a refusal ends the command.
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline/promises';
import path from 'node:path';
import pg from 'pg';
import { projectRoot, provideDatabase } from './embedded-db.mjs';

/** Exit status for a refusal (bad arguments, no confirmation, a target that is not empty). */
export const REFUSED = 2;

export class Refusal extends Error {}

/**
 * The advisory lock the API and `npm run migration:run` hold while migrating
 * (MIGRATION_LOCK in apps/api/src/database/data-source.ts): a backup holds it shared, so no
 * migration changes the schema under it, and a restore holds it until it commits.
 */
export const MIGRATION_LOCK = 726_001;

export const ident = (name) => `"${String(name).replace(/"/g, '""')}"`;
export const qualified = (schema, name) => `${ident(schema)}.${ident(name)}`;
export const redact = (url) => url.replace(/\/\/([^:@/]+):[^@/]*@/, '//$1:***@');
export const databaseName = (url) => decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));

export const stamp = (date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

export const seconds = (since) => Math.round((Date.now() - since) / 100) / 10;

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function serverVersion(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT current_setting('server_version_num')::int AS num, current_setting('server_version') AS version`,
    );
    return { num: rows[0].num, major: Math.floor(rows[0].num / 10000), version: rows[0].version };
  });
}

const EMBEDDED_DIR = path.join(projectRoot, '.data', 'postgres');
// The embedded cluster's superuser, as tools/embedded-db.mjs creates it (development data only).
const EMBEDDED_OWNER = 'postgres:beacon-embedded';

/** The running embedded server's port, from its pid file, or null when it is not running. */
function runningEmbeddedPort() {
  const pidFile = path.join(EMBEDDED_DIR, 'postmaster.pid');
  if (!existsSync(pidFile)) return null;
  const [pid, , , port] = readFileSync(pidFile, 'utf8').split('\n');
  try {
    process.kill(Number(pid), 0);
  } catch (error) {
    if (error.code !== 'EPERM') return null;
  }
  return Number(port) || null;
}

/**
 * The database to work on, and a stop() for an embedded server started just for this. A running
 * embedded server (npm start) is used as it is, never stopped under the app.
 */
export async function resolveDatabase(explicitUrl) {
  const url = explicitUrl || process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (url) return { url, label: redact(url), stop: async () => {} };
  const port = runningEmbeddedPort();
  if (port) {
    const embedded = `postgres://${EMBEDDED_OWNER}@127.0.0.1:${port}/beacon`;
    return { url: embedded, label: `the running embedded database (port ${port})`, stop: async () => {} };
  }
  const database = await provideDatabase({ quiet: true });
  return {
    url: database.env.MIGRATION_DATABASE_URL,
    label: 'the embedded database in .data/postgres',
    stop: database.stop,
  };
}

/** What a restore must know about its target before it changes anything. */
export async function targetState(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT
         (SELECT count(*)::int FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
             AND n.nspname NOT IN ('pg_catalog', 'information_schema')
             AND n.nspname !~ '^pg_(toast|temp_|toast_temp_)') AS relations,
         (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser,
         current_user AS "user",
         ARRAY(SELECT rolname::text FROM pg_roles) AS roles`,
    );
    return rows[0];
  });
}

/**
 * The checks every restore makes, whatever the backup's format, before anything is changed:
 * an empty target unless --clean, the app's group role present, and a confirmation.
 */
export async function checkTarget(db, { clean, yes }) {
  const state = await targetState(db.url);
  if (state.relations > 0 && !clean)
    throw new Refusal(
      `${db.label} is not empty (${state.relations} tables, views or sequences). Restore into a new, empty ` +
        'database, or pass --clean to drop and replace what the backup holds. Nothing was changed.',
    );
  // The app's group role is granted on every table; roles live in the cluster, not in the backup.
  if (!state.roles.includes('beacon_app'))
    throw new Refusal(
      'The role beacon_app does not exist on this server: create it first (docker/postgres-init.sh, or ' +
        '`CREATE ROLE beacon_app NOLOGIN`, then a login IN ROLE beacon_app for the API). Nothing was changed.',
    );
  return state;
}

export async function confirm(db) {
  const database = databaseName(db.url);
  if (!process.stdin.isTTY)
    throw new Refusal(
      'db:restore replaces data: pass --yes to confirm (no terminal to ask on). Nothing was changed.',
    );
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await rl.question(
      `Restore into ${db.label}? Type the database name (${database}) to go on: `,
    );
    if (answer.trim() !== database) throw new Refusal('Not confirmed. Nothing was changed.');
  } finally {
    rl.close();
  }
}
