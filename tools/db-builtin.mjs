// Beacon's built-in backup format: needs nothing but Node and npm (no pg_dump), for when no
// pg_dump as new as the server is at hand (the embedded PostgreSQL 18 ships none).
//
// A backup is the data, not the schema. One gzip file:
//   BEACON-BACKUP 1
//   {header: server version, applied migrations, tables and their columns, sequences, extensions}
//   COPY 0 public.users          then that table's rows as COPY … TO STDOUT wrote them (text format)
//   \.
//   ROWS 4
//   COPY 1 …                     one section per table, parents before the tables that refer to them
//   END 37
// all read in one REPEATABLE READ READ ONLY transaction (one consistent snapshot), while no
// migration runs. A restore rebuilds the schema with this checkout's own migrations, exactly the
// ones the backup records (it refuses a backup with migrations this code does not know), then
// loads every table with COPY … FROM STDIN and sets the sequences, all in one transaction.
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { createGunzip, createGzip } from 'node:zlib';
import pg from 'pg';
import { projectRoot } from './embedded-db.mjs';
import { MIGRATION_LOCK, Refusal, ident, qualified } from './db-common.mjs';

const require = createRequire(import.meta.url);
const { from: copyFrom, to: copyTo } = require('pg-copy-streams');

const MAGIC = 'BEACON-BACKUP 1';
export const FORMAT = 'beacon-builtin';
export const EXTENSION = '.builtin.gz';
const END_OF_DATA = Buffer.from('\\.\n');
const NEWLINE_END_OF_DATA = Buffer.from('\n\\.\n');

/** COPY's text output must read back the same on any server: pg_dump's settings. */
const SESSION_SETTINGS = [
  ['client_encoding', 'UTF8'],
  ['DateStyle', 'ISO'],
  ['IntervalStyle', 'postgres'],
  ['extra_float_digits', '3'],
  ['bytea_output', 'hex'],
  ['TimeZone', 'UTC'],
  ['statement_timeout', '0'],
  ['idle_in_transaction_session_timeout', '0'],
];
const settingsSql = (local) =>
  SESSION_SETTINGS.map(([name, value]) => `SET ${local ? 'LOCAL ' : ''}${name} = '${value}';`).join(' ');

// ---------------------------------------------------------------------------------------------
// The catalog: which schemas, tables, columns and sequences are the application's

/**
 * The application's schemas: public, and pg-boss's wherever it is (found by its own tables: a
 * `version` table with a `version` column beside a `job` table; the app names it `pgboss`).
 */
async function appSchemas(client) {
  const { rows } = await client.query(
    `SELECT n.nspname AS name FROM pg_namespace n
      WHERE n.nspname = 'public'
         OR (EXISTS (SELECT FROM pg_class c JOIN pg_attribute a ON a.attrelid = c.oid
                      WHERE c.relnamespace = n.oid AND c.relname = 'version' AND c.relkind = 'r'
                        AND a.attname = 'version' AND NOT a.attisdropped)
             AND EXISTS (SELECT FROM pg_class c WHERE c.relnamespace = n.oid AND c.relname = 'job'
                           AND c.relkind IN ('r', 'p')))
      ORDER BY n.nspname = 'public' DESC, n.nspname`,
  );
  return rows.map((row) => row.name);
}

const NOT_AN_EXTENSION_MEMBER = `NOT EXISTS (SELECT FROM pg_depend d
  WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')`;

/**
 * Every ordinary table (partitions' leaves, not their parents: the rows live in the leaves) of
 * these schemas, with its columns (not generated ones, which COPY cannot load), in an order where
 * a table comes after the tables its foreign keys refer to (self-references aside).
 */
async function readTables(client, schemas) {
  const { rows: tables } = await client.query(
    `SELECT c.oid::int AS oid, n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'r' AND n.nspname::text = ANY ($1::text[]) AND ${NOT_AN_EXTENSION_MEMBER}
      ORDER BY array_position($1::text[], n.nspname::text), c.relname`,
    [schemas],
  );
  const oids = tables.map((t) => t.oid);
  const { rows: columns } = await client.query(
    `SELECT attrelid::int AS oid, attname AS name, format_type(atttypid, atttypmod) AS type
       FROM pg_attribute
      WHERE attrelid = ANY ($1::oid[]) AND attnum > 0 AND NOT attisdropped AND attgenerated = ''
      ORDER BY attrelid, attnum`,
    [oids],
  );
  const { rows: references } = await client.query(
    `SELECT DISTINCT conrelid::int AS child, confrelid::int AS parent FROM pg_constraint
      WHERE contype = 'f' AND conrelid = ANY ($1::oid[]) AND confrelid = ANY ($1::oid[])
        AND conrelid <> confrelid`,
    [oids],
  );
  const byOid = new Map(tables.map((t) => [t.oid, { ...t, columns: [], parents: new Set() }]));
  for (const column of columns) byOid.get(column.oid).columns.push({ name: column.name, type: column.type });
  for (const { child, parent } of references) byOid.get(child).parents.add(parent);
  // Depth-first: parents first. A cycle of foreign keys (none today) is broken where it is met;
  // a restore that cannot defer those checks then fails, in its one transaction.
  const ordered = [];
  const state = new Map();
  const visit = (oid) => {
    if (state.get(oid)) return;
    state.set(oid, 'visiting');
    for (const parent of byOid.get(oid).parents) visit(parent);
    state.set(oid, 'done');
    ordered.push(byOid.get(oid));
  };
  for (const table of tables) visit(table.oid);
  return ordered.map(({ schema, name, columns: cols }) => ({ schema, name, columns: cols }));
}

async function readSequences(client, schemas) {
  const { rows } = await client.query(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind = 'S' AND n.nspname::text = ANY ($1::text[]) AND ${NOT_AN_EXTENSION_MEMBER}
      ORDER BY 1, 2`,
    [schemas],
  );
  const sequences = [];
  for (const { schema, name } of rows) {
    const {
      rows: [value],
    } = await client.query(
      `SELECT last_value::text AS "lastValue", is_called AS "isCalled" FROM ${qualified(schema, name)}`,
    );
    sequences.push({ schema, name, ...value });
  }
  return sequences;
}

const copyColumns = (table) => table.columns.map((c) => ident(c.name)).join(', ');

// ---------------------------------------------------------------------------------------------
// Backup

async function write(stream, chunk) {
  if (!stream.write(chunk)) await once(stream, 'drain');
}

/**
 * Writes a backup of the database at `url` into `file` (which the caller renames when it is
 * whole). Answers the summary: tables, rows, migrations, schemas.
 */
export async function writeBuiltinBackup(url, file, { log = () => {} } = {}) {
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: 10_000,
    application_name: 'beacon-db-backup',
  });
  await client.connect();
  const gzip = createGzip({ level: 6 });
  const out = createWriteStream(file, { mode: 0o600, flags: 'wx' });
  const written = once(out, 'close');
  gzip.pipe(out);
  try {
    await client.query(settingsSql(false));
    // Give up rather than wait long behind a migration (which holds this lock while it runs).
    await client.query(`SET lock_timeout = '60s'`);
    await client.query('SELECT pg_advisory_lock_shared($1)', [MIGRATION_LOCK]);
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    // The first statement takes the snapshot: everything below reads the database as it was then.
    const schemas = await appSchemas(client);
    const {
      rows: [hasMigrations],
    } = await client.query(`SELECT to_regclass('public.migrations') IS NOT NULL AS present`);
    if (!hasMigrations.present)
      throw new Refusal(
        'This database has no migrations table: it is not a Beacon database, or the app has never run ' +
          'against it (npm start, or npm run migration:run). Nothing was written.',
      );
    const tables = await readTables(client, schemas);
    // Nothing may change these tables' definitions until the snapshot is read.
    await client.query(
      `LOCK TABLE ${tables.map((t) => qualified(t.schema, t.name)).join(', ')} IN ACCESS SHARE MODE`,
    );
    const { rows: migrations } = await client.query(
      `SELECT id, "timestamp"::text AS "timestamp", name FROM public.migrations ORDER BY id`,
    );
    const {
      rows: [server],
    } = await client.query(
      `SELECT current_setting('server_version') AS version,
              current_setting('server_version_num')::int AS "versionNum",
              current_database() AS database, now() AS "snapshotAt"`,
    );
    const { rows: extensions } = await client.query(
      `SELECT e.extname AS name, n.nspname AS schema FROM pg_extension e
         JOIN pg_namespace n ON n.oid = e.extnamespace WHERE n.nspname::text = ANY ($1::text[]) ORDER BY 1`,
      [schemas],
    );
    const pgBoss = [];
    for (const schema of schemas.filter((s) => s !== 'public')) {
      const { rows } = await client.query(`SELECT version FROM ${ident(schema)}.version`);
      pgBoss.push({ schema, version: rows[0]?.version ?? null });
    }
    const { rows: others } = await client.query(
      `SELECT DISTINCT n.nspname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE c.relkind IN ('r', 'p') AND n.nspname::text <> ALL ($1::text[])
          AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname !~ '^pg_(toast|temp_)'
          AND ${NOT_AN_EXTENSION_MEMBER}
        ORDER BY 1`,
      [schemas],
    );
    if (others.length)
      log(
        `tables in ${others.map((s) => s.name).join(', ')} are not the application's and are not in this backup`,
      );
    const header = {
      format: FORMAT,
      version: 1,
      createdAt: new Date().toISOString(),
      snapshotAt: server.snapshotAt,
      server: { version: server.version, versionNum: server.versionNum },
      database: server.database,
      schemas,
      pgBoss,
      extensions,
      migrations: migrations.map((m) => ({ id: Number(m.id), timestamp: m.timestamp, name: m.name })),
      tables,
      sequences: await readSequences(client, schemas),
    };
    await write(gzip, `${MAGIC}\n${JSON.stringify(header)}\n`);

    let rows = 0;
    for (const [index, table] of tables.entries()) {
      await write(gzip, `COPY ${index} ${table.schema}.${table.name}\n`);
      const stream = client.query(
        copyTo(`COPY ${qualified(table.schema, table.name)} (${copyColumns(table)}) TO STDOUT`),
      );
      for await (const chunk of stream) await write(gzip, chunk);
      rows += stream.rowCount;
      await write(gzip, `\\.\nROWS ${stream.rowCount}\n`);
    }
    await write(gzip, `END ${tables.length}\n`);
    await client.query('COMMIT');
    gzip.end();
    await written;
    const handle = await open(file, 'r+');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return { tables: tables.length, rows, migrations: header.migrations.length, schemas };
  } catch (error) {
    gzip.destroy();
    out.destroy();
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}

// ---------------------------------------------------------------------------------------------
// Reading a backup

/** Reads a backup's lines and its COPY sections, across the gzip stream's chunks. */
class BackupReader {
  constructor(file) {
    this.source = createReadStream(file).pipe(createGunzip());
    this.chunks = this.source[Symbol.asyncIterator]();
    this.buffer = Buffer.alloc(0);
  }

  async fill() {
    const { value, done } = await this.chunks.next();
    if (done) return false;
    this.buffer = this.buffer.length ? Buffer.concat([this.buffer, value]) : value;
    return true;
  }

  /** The next line, or null at the end of the file. */
  async line() {
    for (;;) {
      const end = this.buffer.indexOf(10);
      if (end >= 0) {
        const text = this.buffer.subarray(0, end).toString('utf8');
        this.buffer = this.buffer.subarray(end + 1);
        return text;
      }
      if (!(await this.fill())) {
        if (this.buffer.length) throw new Error('the backup ends in the middle of a line: it is incomplete');
        return null;
      }
    }
  }

  async expectLine(pattern, what) {
    const text = await this.line();
    const match = text === null ? null : pattern.exec(text);
    if (!match)
      throw new Error(
        text === null
          ? `the backup ends before ${what}: it is incomplete`
          : `the backup is damaged: expected ${what}, found "${text.slice(0, 80)}"`,
      );
    return match;
  }

  /**
   * Hands a section's rows to `sink` in chunks of whole lines, up to the `\.` line that ends it.
   * A row never starts with `\.` (COPY writes a backslash in data as `\\`), so that line is the end.
   */
  async section(sink) {
    let atLineStart = true;
    for (;;) {
      if (atLineStart) {
        if (this.buffer.length >= END_OF_DATA.length) {
          if (this.buffer.subarray(0, END_OF_DATA.length).equals(END_OF_DATA)) {
            this.buffer = this.buffer.subarray(END_OF_DATA.length);
            return;
          }
        } else if (END_OF_DATA.subarray(0, this.buffer.length).equals(this.buffer)) {
          if (!(await this.fill())) throw new Error('the backup ends inside a table: it is incomplete');
          continue;
        }
      }
      const end = this.buffer.indexOf(NEWLINE_END_OF_DATA);
      if (end >= 0) {
        await sink(this.buffer.subarray(0, end + 1));
        this.buffer = this.buffer.subarray(end + 1);
        atLineStart = true;
        continue;
      }
      const lastNewline = this.buffer.lastIndexOf(10);
      if (lastNewline >= 0) {
        await sink(this.buffer.subarray(0, lastNewline + 1));
        this.buffer = this.buffer.subarray(lastNewline + 1);
        atLineStart = true;
      } else if (this.buffer.length) {
        await sink(this.buffer);
        this.buffer = Buffer.alloc(0);
        atLineStart = false;
      }
      if (!(await this.fill())) throw new Error('the backup ends inside a table: it is incomplete');
    }
  }

  close() {
    this.source.destroy();
  }
}

/** The header of a built-in backup, or null when the file is not one (pg_dump's, say). */
export async function readBuiltinHeader(file) {
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    if (bytesRead < 2 || buffer[0] !== 0x1f || buffer[1] !== 0x8b) return null;
  } finally {
    await handle.close();
  }
  const reader = new BackupReader(file);
  try {
    if ((await reader.line()) !== MAGIC) return null;
    const header = JSON.parse(await reader.line());
    if (header.format !== FORMAT) return null;
    return header;
  } finally {
    reader.close();
  }
}

/**
 * Reads a whole backup, handing each table's rows to `onTable(table, section)`, where
 * `section(sink)` streams them; checks each section's row count with `count(table)` after it.
 */
async function readBackup(file, { onTable }) {
  const reader = new BackupReader(file);
  try {
    await reader.expectLine(new RegExp(`^${MAGIC}$`), 'the format line');
    const header = JSON.parse((await reader.expectLine(/^(\{.*\})$/, 'the header'))[1]);
    let rows = 0;
    for (const [index, table] of header.tables.entries()) {
      const name = `${table.schema}.${table.name}`;
      const [, at, found] = await reader.expectLine(/^COPY (\d+) (.+)$/, `the rows of ${name}`);
      if (Number(at) !== index || found !== name)
        throw new Error(`the backup is damaged: expected the rows of ${name}, found ${found}`);
      const loaded = await onTable(table, (sink) => reader.section(sink));
      const [, expected] = await reader.expectLine(/^ROWS (\d+)$/, `the row count of ${name}`);
      if (Number(expected) !== loaded)
        throw new Error(`${name}: the backup holds ${expected} rows, ${loaded} were read`);
      rows += loaded;
    }
    await reader.expectLine(new RegExp(`^END ${header.tables.length}$`), 'its end');
    if ((await reader.line()) !== null) throw new Error('the backup is damaged: data after its end');
    return { header, rows };
  } finally {
    reader.close();
  }
}

const countLines = (chunk) => {
  let lines = 0;
  for (let at = chunk.indexOf(10); at >= 0; at = chunk.indexOf(10, at + 1)) lines++;
  return lines;
};

/** Reads a backup end to end without a database: every section whole, every row count right. */
export async function verifyBuiltinBackup(file) {
  return readBackup(file, {
    onTable: async (_table, section) => {
      let lines = 0;
      await section(async (chunk) => {
        lines += countLines(chunk);
      });
      return lines;
    },
  });
}

// ---------------------------------------------------------------------------------------------
// Restore

/**
 * The app's own description of the database (apps/api/src/database/data-source.ts) and its
 * migrations, loaded from this checkout's TypeScript source as `npm run migration:run` does.
 */
function loadApp() {
  const project = path.join(projectRoot, 'apps/api/tsconfig.json');
  process.env.TS_NODE_PROJECT = project;
  require('ts-node').register({ project, transpileOnly: true });
  require('tsconfig-paths/register');
  require('reflect-metadata');
  const { dataSourceOptions } = require(path.join(projectRoot, 'apps/api/src/database/data-source.ts'));
  const typeorm = require('typeorm');
  const migrationName = (migration) => new migration().name ?? migration.name;
  return { dataSourceOptions, typeorm, migrationName };
}

/** Refuses a backup made by code with migrations this checkout does not have. */
export function checkMigrations(header) {
  const app = loadApp();
  const known = new Map(
    app.dataSourceOptions('postgres://unused').migrations.map((m) => [app.migrationName(m), m]),
  );
  const unknown = header.migrations.filter((m) => !known.has(m.name)).map((m) => m.name);
  if (unknown.length)
    throw new Refusal(
      `The backup was made by newer (or other) code: its database has migrations this checkout does not ` +
        `have (${unknown.join(', ')}). Restore it with the code it came from. Nothing was changed.`,
    );
  const recorded = new Set(header.migrations.map((m) => m.name));
  return {
    app,
    migrations: [...known.entries()].filter(([name]) => recorded.has(name)).map(([, m]) => m),
    newer: [...known.keys()].filter((name) => !recorded.has(name)),
  };
}

/** Tables and their columns as the migrations just made them, to compare with the backup's. */
async function compareSchema(query, header) {
  const schemas = [...new Set([...header.schemas, ...(await appSchemas({ query }))])];
  const { rows } = await query(
    `SELECT n.nspname AS schema, c.relname AS name,
            json_agg(json_build_object('name', a.attname, 'type', format_type(a.atttypid, a.atttypmod))) AS columns
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
      WHERE c.relkind = 'r' AND n.nspname::text = ANY ($1::text[]) AND ${NOT_AN_EXTENSION_MEMBER}
      GROUP BY 1, 2`,
    [schemas],
  );
  const describe = (columns) =>
    columns
      .map((c) => `${c.name} ${c.type}`)
      .sort()
      .join(', ');
  const made = new Map(rows.map((r) => [`${r.schema}.${r.name}`, describe(r.columns)]));
  const problems = [];
  for (const table of header.tables) {
    const name = `${table.schema}.${table.name}`;
    const expected = describe(table.columns);
    if (!made.has(name)) problems.push(`${name} is in the backup but the migrations do not make it`);
    else if (made.get(name) !== expected)
      problems.push(`${name} has columns (${made.get(name)}) where the backup has (${expected})`);
    made.delete(name);
  }
  for (const name of made.keys()) problems.push(`${name} is made by the migrations but not in the backup`);
  if (problems.length)
    throw new Error(
      `the schema this checkout's migrations make differs from the backup's (were migration files changed?): ` +
        problems.join('; '),
    );
}

/**
 * Triggers must not fire while rows are put back as they were. With the right to set
 * session_replication_role (a superuser; PostgreSQL 15+ can grant it), replica mode turns off
 * every ordinary trigger, foreign-key checks included: the rows come from one consistent snapshot.
 * Otherwise the owner turns its tables' own triggers off and on again around the load, and the
 * foreign keys are checked as the tables load in order (parents first).
 */
async function quietTriggers(query, header) {
  await query('SAVEPOINT replica_mode');
  try {
    await query(`SET LOCAL session_replication_role = replica`);
    await query('RELEASE SAVEPOINT replica_mode');
    return { mode: 'replica', restore: async () => {} };
  } catch {
    await query('ROLLBACK TO SAVEPOINT replica_mode');
  }
  const names = header.tables.map((t) => `${t.schema}.${t.name}`);
  const { rows: triggers } = await query(
    `SELECT n.nspname AS schema, c.relname AS "table", t.tgname AS name, t.tgenabled AS enabled
       FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE NOT t.tgisinternal AND (n.nspname || '.' || c.relname) = ANY ($1::text[])
      ORDER BY 1, 2, 3`,
    [names],
  );
  const tables = [...new Set(triggers.map((t) => qualified(t.schema, t.table)))];
  for (const table of tables) await query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  const how = { O: 'ENABLE', R: 'ENABLE REPLICA', A: 'ENABLE ALWAYS' };
  return {
    mode: 'owner',
    async restore() {
      for (const t of triggers)
        if (how[t.enabled])
          await query(
            `ALTER TABLE ${qualified(t.schema, t.table)} ${how[t.enabled]} TRIGGER ${ident(t.name)}`,
          );
    },
  };
}

/** Drops what the backup will replace (--clean): the application's schemas, public remade empty. */
async function dropAppSchemas(query, header) {
  const schemas = new Set([...header.schemas, ...(await appSchemas({ query }))]);
  for (const schema of [...schemas].filter((s) => s !== 'public'))
    await query(`DROP SCHEMA IF EXISTS ${ident(schema)} CASCADE`);
  await query('DROP SCHEMA IF EXISTS public CASCADE');
  await query('CREATE SCHEMA public');
  await query(`DO $$ BEGIN
    IF EXISTS (SELECT FROM pg_roles WHERE rolname = 'pg_database_owner') THEN
      ALTER SCHEMA public OWNER TO pg_database_owner;
    END IF;
  END $$`);
  await query('GRANT USAGE ON SCHEMA public TO PUBLIC');
  await query(`COMMENT ON SCHEMA public IS 'standard public schema'`);
}

/**
 * Restores a built-in backup into the database at `url`, in one transaction: (with --clean, the
 * application's schemas dropped), the extensions the backup's database had, this checkout's
 * migrations exactly as the backup records them, then every table's rows and the sequences.
 */
export async function restoreBuiltinBackup(url, file, { header, plan, clean, log = () => {} }) {
  const { typeorm, dataSourceOptions } = plan.app;
  const dataSource = new typeorm.DataSource({
    ...dataSourceOptions(url, 1),
    migrations: plan.migrations,
    // Extensions are made below, inside the transaction, not by TypeORM as it connects.
    installExtensions: false,
    extra: { max: 1, application_name: 'beacon-db-restore' },
  });
  await dataSource.initialize();
  const runner = dataSource.createQueryRunner();
  const client = await runner.connect();
  const query = (sql, params) => client.query(sql, params);
  try {
    await runner.startTransaction();
    await query(settingsSql(true));
    // An API starting now waits for this restore before it looks at the migrations.
    await query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    if (clean) await dropAppSchemas(query, header);
    for (const extension of header.extensions)
      await query(
        `CREATE EXTENSION IF NOT EXISTS ${ident(extension.name)} SCHEMA ${ident(extension.schema)}`,
      );

    log(`running ${plan.migrations.length} migrations (as recorded in the backup)`);
    const executor = new typeorm.MigrationExecutor(dataSource, runner);
    executor.transaction = 'all'; // inside this transaction, which TypeORM knows is open
    await executor.executePendingMigrations();
    await query(settingsSql(true)); // a migration may have changed them
    await compareSchema(query, header);

    const triggers = await quietTriggers(query, header);
    log(
      `loading ${header.tables.length} tables (triggers: ${triggers.mode === 'replica' ? 'replica mode' : 'off per table'})`,
    );
    // What the migrations put in (reference data, the migrations list) gives way to the backup's.
    for (const table of [...header.tables].reverse()) {
      const name = qualified(table.schema, table.name);
      const { rows } = await query(`SELECT EXISTS (SELECT FROM ${name}) AS filled`);
      if (rows[0].filled) await query(`DELETE FROM ${name}`);
    }
    const { rows } = await readBackup(file, {
      onTable: async (table, section) => {
        const ingest = client.query(
          copyFrom(`COPY ${qualified(table.schema, table.name)} (${copyColumns(table)}) FROM STDIN`),
        );
        let refused = null; // the server's error, which ends the COPY on its side
        const failed = new Promise((_resolve, reject) =>
          ingest.once('error', (error) => reject((refused = error))),
        );
        failed.catch(() => undefined);
        try {
          await section((chunk) => Promise.race([write(ingest, chunk), failed]));
          ingest.end();
          await Promise.race([once(ingest, 'finish'), failed]);
        } catch (error) {
          if (!refused && !ingest.destroyed) {
            // Reading the backup failed: CopyFail ends the COPY, the transaction is rolled back below.
            const closed = new Promise((resolve) => ingest.once('close', resolve));
            ingest.destroy(error);
            await closed;
          }
          const where = error.where ? ` (${error.where.split('\n')[0]})` : '';
          throw new Error(`${table.schema}.${table.name}: ${error.message}${where}`);
        }
        return ingest.rowCount;
      },
    });
    for (const sequence of header.sequences)
      await query(`SELECT setval($1::regclass, $2::bigint, $3)`, [
        qualified(sequence.schema, sequence.name),
        sequence.lastValue,
        sequence.isCalled,
      ]);
    await triggers.restore();
    await runner.commitTransaction();
    return { tables: header.tables.length, rows, triggers: triggers.mode };
  } finally {
    if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
    await runner.release().catch(() => undefined);
    await dataSource.destroy().catch(() => undefined);
  }
}
