/* The performance check at a year's volume: `npm run bench [-- --referrals N --notes N]`.
 * tools/bench.mjs builds the API and the SPA (nx, cached), measures the bundle, then runs this
 * file through tools/with-db.mjs --fresh, so it only ever touches a throwaway database:
 *   1. migrations, the volume seed (volume-seed.ts) and VACUUM ANALYZE, as the owner;
 *   2. the production build of the API as a child process (NODE_ENV=production, the app's
 *      least-privileged login), and the raw baseline (bench-baseline.ts) beside it;
 *   3. signs in as the volume manager and an advocate, finds a deep cursor and an own referral;
 *   4. autocannon against each endpoint (a warm-up, then the timed run), percentiles from every
 *      response time, the API's memory from /proc;
 *   5. bench/results/latest.json, a table of targets, exit 1 when a measured target is missed.
 * Settings (environment, or --referrals/--notes/--connections/--seconds):
 *   BENCH_REFERRALS (100000)  BENCH_NOTES (1000000)  BENCH_CONNECTIONS (16)
 *   BENCH_SECONDS (10, per endpoint)  BENCH_WARMUP_SECONDS (2)
 * For investigating (the report then goes to bench/results/only.tmp.json, not latest.json):
 *   BENCH_ONLY=get-referral,list-referrals   only these endpoints
 *   BENCH_API_NODE_ARGS="--cpu-prof …"        extra node flags for the API process (and
 *   BENCH_BASELINE_NODE_ARGS                   for the baseline's)
 */
import 'reflect-metadata';
import autocannon from 'autocannon';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { addDays, londonDate } from '@beacon/domain';
import { dataSourceOptions, runMigrations } from '../database/data-source';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { hashPassword } from '../users/password-hasher';
import { seedVolume } from './volume-seed';

const ROOT = path.resolve(__dirname, '../../../..');
const API_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/main.js');
const BASELINE_MAIN = path.join(ROOT, 'dist/apps/api/apps/api/src/cli/bench-baseline.js');
const RESULTS = path.join(ROOT, 'bench/results/latest.json');
const MB = 1024 * 1024;

/** The issue's targets: p95 per endpoint (ms), throughput against the baseline, errors, memory. */
const P95_TARGET_MS: Record<string, number> = {
  'list-referrals': 50,
  'get-referral': 30,
  'create-note': 60,
  'search-clients': 80,
  'reports-summary': 500,
};
const MIN_BASELINE_RATIO = 0.5;
const MAX_RSS_BYTES = 300 * MB;

interface Settings {
  referrals: number;
  notes: number;
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

function settings(argv: string[]): Settings {
  const env = process.env;
  const s: Settings = {
    referrals: Number(env.BENCH_REFERRALS || 100_000),
    notes: Number(env.BENCH_NOTES || 1_000_000),
    connections: Number(env.BENCH_CONNECTIONS || 16),
    seconds: Number(env.BENCH_SECONDS || 10),
    warmupSeconds: Number(env.BENCH_WARMUP_SECONDS ?? 2),
  };
  // --referrals 20000 or --referrals=20000
  const args = argv.flatMap((arg) => (/^--[\w-]+=/.test(arg) ? arg.split(/=(.*)/s, 2) : [arg]));
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i].replace(/^--/, '').replace(/-([a-z])/g, (_m, ch: string) => ch.toUpperCase());
    if (!args[i].startsWith('--') || !(key in s))
      throw new Error(
        `unknown option ${args[i]} (--referrals, --notes, --connections, --seconds, --warmup-seconds)`,
      );
    s[key as keyof Settings] = Number(args[i + 1]);
  }
  const limits: Record<keyof Settings, [number, number]> = {
    referrals: [1, 10_000_000],
    notes: [1, 100_000_000],
    connections: [1, 256],
    // Access tokens live 15 minutes and the run signs in once: 7 runs of at most 2 minutes fit.
    seconds: [1, 120],
    warmupSeconds: [0, 60],
  };
  for (const [key, [min, max]] of Object.entries(limits) as [keyof Settings, [number, number]][])
    if (!Number.isInteger(s[key]) || s[key] < min || s[key] > max)
      throw new Error(`${key} must be a whole number from ${min} to ${max} (got ${s[key]})`);
  return s;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

// ---------------------------------------------------------------------------------------------
// Processes

const children = new Set<ChildProcess>();

function start(name: string, script: string, env: NodeJS.ProcessEnv, nodeArgs: string[] = []): ChildProcess {
  const child = spawn(process.execPath, [...nodeArgs, script], {
    env,
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  children.add(child);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) console.error(`[bench] ${name} exited (${signal ?? code}) before the benchmark ended`);
  });
  return child;
}

let stopping = false;
async function stopChildren() {
  stopping = true;
  await Promise.all(
    [...children].map(
      (child) =>
        new Promise<void>((resolve) => {
          const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
          child.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          child.kill('SIGTERM');
        }),
    ),
  );
}

async function waitForHealth(base: string, child: ChildProcess, name: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode} while starting`);
    try {
      const answer = await fetch(`${base}/api/health`);
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} did not answer ${base}/api/health within 60 s`);
}

/** VmRSS now and VmHWM (the peak resident set so far) of a process, in bytes. */
function memoryOf(pid: number): { rss: number; hwm: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
    return { rss: kb('VmRSS') * 1024, hwm: kb('VmHWM') * 1024 };
  } catch {
    return null;
  }
}

/** CPU time (user + system, and system alone) a process has used, in ms; 0 when it is gone. */
function cpuMs(pid: number): number {
  return cpuSplit(pid).total;
}
function cpuSplit(pid: number): { total: number; system: number } {
  try {
    // Fields after "(comm)": state ppid … utime is the 14th field of the line, stime the 15th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    const [user, system] = [Number(fields[11]), Number(fields[12])];
    return { total: ((user + system) * 1000) / CLOCK_TICKS, system: (system * 1000) / CLOCK_TICKS };
  } catch {
    return { total: 0, system: 0 };
  }
}
const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU time the whole machine has spent busy (not idle or waiting on I/O), in ms, from /proc/stat. */
function machineBusyMs(): number {
  try {
    const [, ...ticks] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
    const [user, nice, system, , , irq, softirq, steal] = ticks;
    return ((user + nice + system + irq + softirq + (steal ?? 0)) * 1000) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/** The embedded PostgreSQL of this run: its postmaster (from postmaster.pid, by port) and every child of it. */
function postgresPids(port: string): number[] {
  const tmp = path.join(ROOT, 'tmp');
  let postmaster = 0;
  for (const dir of existsSync(tmp) ? readdirSync(tmp) : []) {
    if (!dir.startsWith('pg-fresh-')) continue;
    try {
      const lines = readFileSync(path.join(tmp, dir, 'postmaster.pid'), 'utf8').split('\n');
      if (lines[3]?.trim() === port) postmaster = Number(lines[0]);
    } catch {
      // not running
    }
  }
  if (!postmaster) return [];
  const pids = [postmaster];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const ppid = Number(readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1].split(' ')[1]);
      if (ppid === postmaster) pids.push(Number(entry));
    } catch {
      // gone
    }
  }
  return pids;
}

/** CPU used by the server under test, PostgreSQL and this process (the load generator) over a run. */
function cpuMeter(serverPid: number, databasePort: string) {
  const pg = postgresPids(databasePort);
  const before = {
    server: cpuSplit(serverPid),
    db: pg.map(cpuMs),
    self: process.cpuUsage(),
    machine: machineBusyMs(),
  };
  return (requests: number, seconds: number) => {
    const self = process.cpuUsage(before.self);
    const after = cpuSplit(serverPid);
    const server = after.total - before.server.total;
    const serverSystem = after.system - before.server.system;
    const db = pg.reduce((sum, pid, i) => sum + Math.max(0, cpuMs(pid) - before.db[i]), 0);
    const generator = (self.user + self.system) / 1000;
    const per = (ms: number) => (requests ? round(ms / requests, 2) : 0);
    const capacity = seconds * 1000 * os.cpus().length;
    const others = Math.max(0, machineBusyMs() - before.machine - server - db - generator);
    return {
      server: per(server),
      postgres: per(db),
      loadGenerator: per(generator),
      /** Of the server's CPU, the share spent in the kernel (sockets to PostgreSQL and the client). */
      serverKernelShare: server ? round(serverSystem / server, 2) : 0,
      /** Share of all the machine's CPUs the three used together. */
      busy: round((server + db + generator) / capacity, 2),
      /** Share of all CPUs used by anything else on the machine meanwhile (noise). */
      others: round(others / capacity, 2),
    };
  };
}
type Cpu = ReturnType<ReturnType<typeof cpuMeter>>;

/**
 * Where the server's database sessions are during a run, sampled from pg_stat_activity every
 * 100 ms (as the owner): running a statement, waiting on a lock (the audit chain's advisory
 * lock is the only one these endpoints take, bar create-note's row lock), or idle in a
 * transaction (waiting for the server process to send its next statement). Averages.
 */
function sessionSampler(owner: Client, applicationName: string) {
  const totals = { active: 0, lockWait: 0, idleInTransaction: 0 };
  let samples = 0;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    owner
      .query<{ active: number; lock_wait: number; idle_in_transaction: number }>(
        `SELECT count(*) FILTER (WHERE state = 'active' AND wait_event_type IS DISTINCT FROM 'Lock')::int AS active,
                count(*) FILTER (WHERE wait_event_type = 'Lock')::int AS lock_wait,
                count(*) FILTER (WHERE state = 'idle in transaction')::int AS idle_in_transaction
           FROM pg_stat_activity WHERE application_name = $1`,
        [applicationName],
      )
      .then(({ rows: [row] }) => {
        totals.active += row.active;
        totals.lockWait += row.lock_wait;
        totals.idleInTransaction += row.idle_in_transaction;
        samples += 1;
      })
      .catch(() => undefined)
      .finally(() => {
        busy = false;
      });
  }, 100);
  return () => {
    clearInterval(timer);
    const avg = (n: number) => (samples ? round(n / samples) : 0);
    return {
      active: avg(totals.active),
      lockWait: avg(totals.lockWait),
      idleInTransaction: avg(totals.idleInTransaction),
    };
  };
}
type Sessions = ReturnType<ReturnType<typeof sessionSampler>>;

// ---------------------------------------------------------------------------------------------
// Load

type Req = autocannon.Request & { label?: string };

interface Load {
  latencies: number[];
  byLabel: Map<string, number[]>;
  errors: number;
  statusCodes: Record<string, number>;
  seconds: number;
}

function load(base: string, requests: Req[], connections: number, seconds: number): Promise<Load> {
  return new Promise((resolve, reject) => {
    const latencies: number[] = [];
    const byLabel = new Map<string, number[]>();
    const instance = autocannon(
      { url: base, connections, duration: seconds, requests, timeout: 10 },
      (error, result) => {
        if (error) return reject(error);
        const statusCodes: Record<string, number> = {};
        for (const [code, { count }] of Object.entries(
          result.statusCodeStats as unknown as Record<string, { count: number }>,
        ))
          if (!code.startsWith('2')) statusCodes[code] = count;
        if (result.errors) statusCodes['socket'] = result.errors;
        resolve({
          latencies,
          byLabel,
          errors: result.non2xx + result.errors,
          statusCodes,
          seconds: result.duration,
        });
      },
    );
    // Every response time, for percentiles autocannon does not give (p95). With one request in
    // flight per connection, the client's current request is the one that was just answered.
    instance.on('response', (client: unknown, _status: number, _bytes: number, ms: number) => {
      latencies.push(ms);
      const label = (client as { requestIterator?: { currentRequest?: Req } }).requestIterator?.currentRequest
        ?.label;
      if (label) {
        if (!byLabel.has(label)) byLabel.set(label, []);
        byLabel.get(label)?.push(ms);
      }
    });
  });
}

interface Measured {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  requests: number;
  statusCodes: Record<string, number>;
  variants?: { label: string; requests: number; p50: number; p95: number }[];
}

function summarise(result: Load): Measured {
  const sorted = [...result.latencies].sort((a, b) => a - b);
  const measured: Measured = {
    rps: round(sorted.length / result.seconds),
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    errors: result.errors,
    requests: sorted.length,
    statusCodes: result.statusCodes,
  };
  if (result.byLabel.size > 1)
    measured.variants = [...result.byLabel].map(([label, times]) => {
      const s = [...times].sort((a, b) => a - b);
      return { label, requests: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)) };
    });
  return measured;
}

// ---------------------------------------------------------------------------------------------

async function seed(s: Settings) {
  const ownerUrl = process.env.MIGRATION_DATABASE_URL;
  if (!ownerUrl) throw new Error('MIGRATION_DATABASE_URL is not set');
  const owner = await new DataSource(dataSourceOptions(ownerUrl, 2)).initialize();
  try {
    // Belt and braces: tools/with-db.mjs --fresh gives an empty database; refuse any other.
    const [{ empty }] = (await owner.query(
      `SELECT NOT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = 'public') AS empty`,
    )) as { empty: boolean }[];
    if (!empty) throw new Error('the database is not empty: the benchmark only runs on a throwaway one');
    await runMigrations(owner);
    console.log(`[bench] seeding ${s.referrals} referrals and ${s.notes} notes…`);
    const result = await seedVolume(owner, {
      referrals: s.referrals,
      notes: s.notes,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      log: (line) => console.log(`[bench] ${line}`),
    });
    // Statistics for the planner, and the visibility map and hint bits a database that has been
    // in use for a year has (otherwise the first reads after a bulk load rewrite every page).
    const t0 = Date.now();
    await owner.query('VACUUM (ANALYZE)');
    console.log(
      `[bench] seeded in ${result.seconds.toFixed(1)} s (${result.events} history entries, ${result.meetings} meetings); VACUUM ANALYZE ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );
  } finally {
    await owner.destroy();
  }
}

interface Session {
  token: string;
  id: string;
}

async function signIn(base: string, email: string): Promise<Session> {
  const answer = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (!answer.ok) throw new Error(`sign-in as ${email}: ${answer.status} ${await answer.text()}`);
  const body = (await answer.json()) as { accessToken: string; user: { id: string } };
  return { token: body.accessToken, id: body.user.id };
}

async function getJson<T>(base: string, url: string, token: string): Promise<T> {
  const answer = await fetch(base + url, { headers: { authorization: `Bearer ${token}` } });
  if (!answer.ok) throw new Error(`GET ${url}: ${answer.status} ${await answer.text()}`);
  return (await answer.json()) as T;
}

/** Where two JSON answers first differ ('' when they are the same). */
function firstDifference(a: unknown, b: unknown, at = '$'): string {
  if (JSON.stringify(a) === JSON.stringify(b)) return '';
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
    for (const key of keys) {
      const d = firstDifference(
        (a as Record<string, unknown>)[key],
        (b as Record<string, unknown>)[key],
        `${at}.${key}`,
      );
      if (d) return d;
    }
    return `${at} (key order)`;
  }
  return `${at}: ${JSON.stringify(a)?.slice(0, 80)} vs ${JSON.stringify(b)?.slice(0, 80)}`;
}

/** The issue's fields first (name, rps, p50, p95, p99, errors, baselineRps, ratio), then the diagnostics. */
const FIRST_KEYS = [
  'name',
  'rps',
  'p50',
  'p95',
  'p99',
  'errors',
  'baselineRps',
  'ratio',
  'baselineP50',
  'baselineP95',
  'requests',
];
function ordered<T extends object>(entry: T): T {
  const keys = Object.keys(entry).sort(
    (a, b) => (FIRST_KEYS.indexOf(a) + 1 || 99) - (FIRST_KEYS.indexOf(b) + 1 || 99),
  );
  return Object.fromEntries(keys.map((k) => [k, entry[k as keyof T]])) as T;
}

interface Scenario {
  name: string;
  requests: Req[];
  baseline?: boolean;
  /** A 404 from the API means the endpoint is not built yet: skipped, never a pass. */
  skipIfMissing?: boolean;
}

interface EndpointResult {
  name: string;
  rps?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  errors?: number;
  baselineRps?: number;
  ratio?: number;
  /** The baseline's own latencies: what the same SQL costs on this machine with no framework. */
  baselineP50?: number;
  baselineP95?: number;
  requests?: number;
  statusCodes?: Record<string, number>;
  variants?: Measured['variants'];
  /** CPU ms per request: the API (or baseline) process, PostgreSQL, autocannon. */
  cpuMsPerRequest?: Cpu;
  baselineCpuMsPerRequest?: Cpu;
  /** Average database sessions of the server, by state, during the run (of DATABASE_POOL_SIZE 10). */
  dbSessions?: Sessions;
  baselineDbSessions?: Sessions;
  /** The API's largest sampled VmRSS during this endpoint's run. */
  peakRssBytes?: number;
  skipped?: string;
}

async function main() {
  const s = settings(process.argv.slice(2));
  if (process.env.BENCH_FRESH_DB !== '1')
    throw new Error('run the benchmark with `npm run bench` (it needs a throwaway database)');
  const appUrl = process.env.DATABASE_URL;
  if (!appUrl) throw new Error('DATABASE_URL is not set');
  const databasePort = new URL(appUrl).port;
  for (const file of [API_MAIN, BASELINE_MAIN])
    if (!existsSync(file)) throw new Error(`${file} is missing: build the API first (npx nx run api:build)`);

  await seed(s);

  const jwtSecret = randomBytes(48).toString('base64url');
  const [apiPort, baselinePort] = [await freePort(), await freePort()];
  const childEnv: NodeJS.ProcessEnv = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(BENCH_|TS_NODE_|MIGRATION_DATABASE_URL$|DATABASE_POOL_SIZE$)/.test(key),
    ),
  );
  const api = start(
    'the API',
    API_MAIN,
    {
      // As docker/api.Dockerfile and npm start run the API.
      MALLOC_ARENA_MAX: '2',
      MALLOC_MMAP_THRESHOLD_: '131072',
      ...childEnv,
      NODE_ENV: 'production',
      PORT: String(apiPort),
      JWT_SECRET: jwtSecret,
      MFA_ENCRYPTION_KEY: randomBytes(48).toString('base64url'),
      SEED_DEMO_DATA: 'false',
      RUN_MIGRATIONS: 'false',
      LOG_LEVEL: 'warn',
      DATABASE_URL: appUrl,
    },
    ['--heap-growing-percent=100', ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean)],
  );
  const baselineProcess = start(
    'the baseline',
    BASELINE_MAIN,
    {
      ...childEnv,
      NODE_ENV: 'production',
      PORT: String(baselinePort),
      JWT_SECRET: jwtSecret,
      DATABASE_URL: appUrl,
    },
    (process.env.BENCH_BASELINE_NODE_ARGS ?? '').split(' ').filter(Boolean),
  );
  const apiBase = `http://127.0.0.1:${apiPort}`;
  const baselineBase = `http://127.0.0.1:${baselinePort}`;
  await waitForHealth(apiBase, api, 'the API');
  await waitForHealth(baselineBase, baselineProcess, 'the baseline');
  const startupRssBytes = (api.pid ? memoryOf(api.pid)?.rss : 0) ?? 0;

  // Memory of the API process, sampled while it is under load.
  let sampling = false;
  let peakSampledRss = 0;
  let scenarioPeakRss = 0;
  const sampler = setInterval(() => {
    if (!sampling || !api.pid) return;
    const memory = memoryOf(api.pid);
    if (memory) {
      peakSampledRss = Math.max(peakSampledRss, memory.rss);
      scenarioPeakRss = Math.max(scenarioPeakRss, memory.rss);
    }
  }, 200);
  sampler.unref();

  const manager = await signIn(apiBase, 'volume.manager@example.org');
  const advocate = await signIn(apiBase, 'volume.advocate.1@example.org');
  const asManager = { authorization: `Bearer ${manager.token}` };
  const asAdvocate = { authorization: `Bearer ${advocate.token}` };

  type Page = { items: { id: string; client: { lastName: string } }[]; nextCursor: string | null };
  let cursor: string | null = null;
  for (let page = 1; page < 20; page += 1) {
    const answer: Page = await getJson<Page>(
      apiBase,
      `/api/referrals?limit=50${cursor ? `&cursor=${cursor}` : ''}`,
      manager.token,
    );
    cursor = answer.nextCursor;
    if (!cursor) throw new Error(`the manager's list ends at page ${page}: seed more referrals`);
  }
  const own = await getJson<Page>(
    apiBase,
    `/api/referrals?status=ACTIVE&advocateId=${advocate.id}&limit=1`,
    advocate.token,
  );
  if (!own.items.length) throw new Error('volume.advocate.1 has no ACTIVE referral');
  const referralId = own.items[0].id;
  // Surname fragments across the alphabet (all surnames of the volume seed, each about 2% of
  // clients): fixed, so runs compare, and spread, because a name's place in the alphabet
  // matters to a list sorted by name.
  const fragments = ['begu', 'davi', 'hill', 'khan', 'mist', 'pate', 'robi', 'walk'];
  const today = londonDate();
  const json = { 'content-type': 'application/json' };

  const listUrls: [string, string][] = [
    ['first page', '/api/referrals?limit=50'],
    ['status=ACTIVE', '/api/referrals?status=ACTIVE&limit=50'],
    ['serviceType=CARE_ACT', '/api/referrals?serviceType=CARE_ACT&limit=50'],
    ['localAuthority=RUTLAND', '/api/referrals?localAuthority=RUTLAND&limit=50'],
    ['page 20 (cursor)', `/api/referrals?limit=50&cursor=${cursor}`],
  ];
  const scenarios: Scenario[] = [
    {
      name: 'list-referrals',
      baseline: true,
      requests: listUrls.map(([label, url]) => ({ label, method: 'GET', path: url, headers: asManager })),
    },
    {
      name: 'get-referral',
      baseline: true,
      requests: [{ method: 'GET', path: `/api/referrals/${referralId}`, headers: asAdvocate }],
    },
    {
      name: 'create-note',
      requests: [
        {
          method: 'POST',
          path: `/api/referrals/${referralId}/notes`,
          headers: { ...asAdvocate, ...json },
          body: JSON.stringify({
            body: 'Spoke with the ward about leave arrangements; will follow up after the ward round.',
            kind: 'CONTACT',
            minutesSpent: 15,
          }),
        },
      ],
    },
    {
      name: 'search-clients',
      requests: fragments.map((q) => ({
        label: `q=${q}`,
        method: 'GET',
        path: `/api/clients?q=${q}`,
        headers: asManager,
      })),
    },
    {
      name: 'reports-summary',
      skipIfMissing: true,
      requests: [
        {
          method: 'GET',
          path: `/api/reports/summary?from=${addDays(today, -365)}&to=${today}`,
          headers: asManager,
        },
      ],
    },
    {
      name: 'login',
      requests: [
        {
          method: 'POST',
          path: '/api/auth/login',
          headers: json,
          body: JSON.stringify({ email: 'volume.advocate.2@example.org', password: DEMO_PASSWORD }),
        },
      ],
    },
  ];
  console.log(
    `[bench] deep cursor: page 20 of the manager's list; own referral ${referralId}; client searches ${fragments.join(', ')}`,
  );

  // The baseline must answer what the API answers, or the ratio means nothing.
  const sameJson: Record<string, string> = {};
  const compared: [string, string, string][] = [
    ...listUrls.map(([, url]): [string, string, string] => ['list-referrals', url, manager.token]),
    ['get-referral', `/api/referrals/${referralId}`, advocate.token],
  ];
  for (const [name, url, token] of compared) {
    const [a, b] = await Promise.all([getJson(apiBase, url, token), getJson(baselineBase, url, token)]);
    const difference = firstDifference(a, b);
    if (difference) console.warn(`[bench] the baseline answers ${url} differently: ${difference}`);
    sameJson[name] ||= difference;
  }

  const observer = new Client({
    connectionString: process.env.MIGRATION_DATABASE_URL,
    application_name: 'beacon-bench',
  });
  await observer.connect();
  const only = (process.env.BENCH_ONLY ?? '').split(',').filter(Boolean);
  const endpoints: EndpointResult[] = [];
  for (const scenario of scenarios.filter((x) => !only.length || only.includes(x.name))) {
    // Each request once: a 404 on a missing endpoint skips it; anything else not 2xx is shown.
    let missing = false;
    for (const r of scenario.requests) {
      const answer = await fetch(apiBase + r.path, {
        method: r.method,
        headers: r.headers as Record<string, string>,
        body: r.body as string | undefined,
      });
      if (answer.status === 404 && scenario.skipIfMissing) missing = true;
      else if (!answer.ok)
        console.warn(
          `[bench] ${scenario.name}: ${r.method} ${r.path} answers ${answer.status}: ${(await answer.text()).slice(0, 300)}`,
        );
    }
    if (missing) {
      console.log(`[bench] ${scenario.name}: 404, not built yet: skipped`);
      endpoints.push({ name: scenario.name, skipped: 'not built yet' });
      continue;
    }
    if (s.warmupSeconds) await load(apiBase, scenario.requests, s.connections, s.warmupSeconds);
    sampling = true;
    scenarioPeakRss = 0;
    const apiCpu = cpuMeter(api.pid ?? 0, databasePort);
    const apiSessions = sessionSampler(observer, 'beacon-api');
    const apiLoad = await load(apiBase, scenario.requests, s.connections, s.seconds);
    const cpu = apiCpu(apiLoad.latencies.length, apiLoad.seconds);
    const dbSessions = apiSessions();
    sampling = false;
    const measured = summarise(apiLoad);
    const entry: EndpointResult = {
      name: scenario.name,
      rps: measured.rps,
      p50: measured.p50,
      p95: measured.p95,
      p99: measured.p99,
      errors: measured.errors,
    };
    let line = `[bench] ${scenario.name}: ${measured.rps} rps, p50 ${measured.p50} ms, p95 ${measured.p95} ms, p99 ${measured.p99} ms, ${measured.errors} errors`;
    if (scenario.baseline) {
      if (s.warmupSeconds) await load(baselineBase, scenario.requests, s.connections, s.warmupSeconds);
      const baseCpu = cpuMeter(baselineProcess.pid ?? 0, databasePort);
      const baseSessions = sessionSampler(observer, 'beacon-bench-baseline');
      const baseLoad = await load(baselineBase, scenario.requests, s.connections, s.seconds);
      entry.baselineCpuMsPerRequest = baseCpu(baseLoad.latencies.length, baseLoad.seconds);
      entry.baselineDbSessions = baseSessions();
      const base = summarise(baseLoad);
      entry.baselineRps = base.rps;
      entry.ratio = base.rps ? round(measured.rps / base.rps, 2) : 0;
      entry.baselineP50 = base.p50;
      entry.baselineP95 = base.p95;
      line += `; baseline ${base.rps} rps (p95 ${base.p95} ms, ${base.errors} errors), ratio ${entry.ratio}`;
      if (base.errors) line += ` [baseline status ${JSON.stringify(base.statusCodes)}]`;
    }
    entry.requests = measured.requests;
    entry.cpuMsPerRequest = cpu;
    entry.dbSessions = dbSessions;
    entry.peakRssBytes = scenarioPeakRss;
    if (measured.errors) entry.statusCodes = measured.statusCodes;
    if (measured.variants) entry.variants = measured.variants;
    endpoints.push(ordered(entry));
    console.log(line);
  }
  // A year's report computed, not answered from the summary cache: five different year-long
  // periods, one at a time, with the machine otherwise idle (the load runs above mostly hit the
  // cache, which is what several managers opening the dashboard together get).
  const computed: number[] = [];
  if (!only.length || only.includes('reports-summary')) {
    for (let k = 1; k <= 5; k += 1) {
      const started = performance.now();
      const answer = await fetch(
        `${apiBase}/api/reports/summary?from=${addDays(today, -365 - k)}&to=${addDays(today, -k)}`,
        { headers: asManager },
      );
      await answer.arrayBuffer();
      if (answer.status === 200) computed.push(round(performance.now() - started, 1));
      else console.warn(`[bench] reports-summary (computed): ${answer.status}`);
    }
    if (computed.length)
      console.log(`[bench] reports-summary computed, one at a time: ${computed.join(', ')} ms`);
  }
  clearInterval(sampler);
  await observer.end();
  const final = api.pid ? memoryOf(api.pid) : null;
  const peakRssBytes = Math.max(final?.hwm ?? 0, peakSampledRss);

  // -------------------------------------------------------------------------------------------
  // Targets

  interface Target {
    target: string;
    limit: string;
    measured: string;
    met: boolean | null;
  }
  const targets: Target[] = [];
  for (const [name, limit] of Object.entries(P95_TARGET_MS)) {
    const e = endpoints.find((x) => x.name === name);
    targets.push(
      !e || e.skipped || e.p95 === undefined
        ? { target: `p95 ${name}`, limit: `≤ ${limit} ms`, measured: e?.skipped ?? 'not run', met: null }
        : { target: `p95 ${name}`, limit: `≤ ${limit} ms`, measured: `${e.p95} ms`, met: e.p95 <= limit },
    );
  }
  for (const e of endpoints.filter((x) => x.ratio !== undefined))
    targets.push({
      target: `rps ${e.name} vs baseline`,
      limit: `≥ ${MIN_BASELINE_RATIO} ×`,
      measured: `${e.ratio} × (${e.rps} / ${e.baselineRps})`,
      met: (e.ratio ?? 0) >= MIN_BASELINE_RATIO,
    });
  const computedMedian = computed.length
    ? [...computed].sort((a, b) => a - b)[Math.floor(computed.length / 2)]
    : null;
  targets.push(
    computedMedian === null
      ? { target: 'reports-summary computed', limit: '≤ 500 ms', measured: 'not run', met: null }
      : {
          target: 'reports-summary computed',
          limit: '≤ 500 ms',
          measured: `${computedMedian} ms (median of ${computed.length})`,
          met: computedMedian <= P95_TARGET_MS['reports-summary'],
        },
  );
  const errorCount = endpoints.reduce((sum, e) => sum + (e.errors ?? 0), 0);
  targets.push({
    target: 'errors (all endpoints)',
    limit: '0',
    measured: errorCount
      ? endpoints
          .filter((e) => e.errors)
          .map((e) => `${e.name} ${e.errors} ${JSON.stringify(e.statusCodes)}`)
          .join('; ')
      : '0',
    met: errorCount === 0,
  });
  targets.push({
    target: 'API memory (peak RSS)',
    limit: `≤ ${MAX_RSS_BYTES / MB} MB`,
    measured: final ? `${round(peakRssBytes / MB)} MB` : 'not read',
    met: final ? peakRssBytes <= MAX_RSS_BYTES : null,
  });

  let bundle: { initialJsGzipBytes: number | null; budgetGzipBytes?: number } = { initialJsGzipBytes: null };
  const bundleFile = process.env.BENCH_BUNDLE_JSON;
  if (bundleFile && existsSync(bundleFile)) {
    const b = JSON.parse(readFileSync(bundleFile, 'utf8')) as {
      initialJsGzipBytes: number;
      budgetGzipBytes: number;
    };
    bundle = { initialJsGzipBytes: b.initialJsGzipBytes, budgetGzipBytes: b.budgetGzipBytes };
  }

  const cpus = os.cpus();
  const report = {
    volume: { referrals: s.referrals, notes: s.notes },
    endpoints,
    bundle,
    targets,
    memory: {
      peakRssBytes,
      peakRssDuringLoadBytes: peakSampledRss,
      startupRssBytes,
      source:
        '/proc/<api pid>/status: VmHWM at the end (lifetime peak), VmRSS sampled every 200 ms under load',
    },
    /** A year's summary computed (not from the cache), one request at a time, ms. */
    reportsSummaryComputedMs: computed,
    baselineSameJson: Object.fromEntries(Object.entries(sameJson).map(([k, v]) => [k, v || true])),
    settings: {
      connections: s.connections,
      seconds: s.seconds,
      warmupSeconds: s.warmupSeconds,
    },
    machine: {
      cpus: cpus.length,
      cpuModel: cpus[0]?.model ?? 'unknown',
      memoryBytes: os.totalmem(),
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
    },
    date: new Date().toISOString(),
    met: targets.every((t) => t.met !== false),
  };
  const results = only.length ? RESULTS.replace(/latest\.json$/, 'only.tmp.json') : RESULTS;
  mkdirSync(path.dirname(results), { recursive: true });
  const temporary = results.replace(/(\.tmp)?\.json$/, '.write.tmp.json');
  writeFileSync(temporary, `${JSON.stringify(report, null, 2)}\n`);
  renameSync(temporary, results);

  // -------------------------------------------------------------------------------------------
  // The table

  const pad = (v: unknown, n: number, left = false) =>
    left ? String(v ?? '').padEnd(n) : String(v ?? '').padStart(n);
  console.log(
    `\nBeacon at ${s.referrals.toLocaleString('en-GB')} referrals and ${s.notes.toLocaleString('en-GB')} notes; ${s.connections} connections, ${s.seconds} s per endpoint; ${cpus.length} CPUs, node ${process.version}\n`,
  );
  console.log(
    `${pad('endpoint', 16, true)} ${pad('rps', 8)} ${pad('p50 ms', 8)} ${pad('p95 ms', 8)} ${pad('p99 ms', 8)} ${pad('errors', 7)} ${pad('baseline rps', 13)} ${pad('ratio', 6)} ${pad('base p95', 9)}`,
  );
  for (const e of endpoints)
    console.log(
      e.skipped
        ? `${pad(e.name, 16, true)} skipped: ${e.skipped}`
        : `${pad(e.name, 16, true)} ${pad(e.rps, 8)} ${pad(e.p50, 8)} ${pad(e.p95, 8)} ${pad(e.p99, 8)} ${pad(e.errors, 7)} ${pad(e.baselineRps ?? '', 13)} ${pad(e.ratio ?? '', 6)} ${pad(e.baselineP95 ?? '', 9)}`,
    );
  for (const e of endpoints)
    for (const v of e.variants ?? [])
      console.log(`  ${e.name}: ${pad(v.label, 24, true)} p50 ${pad(v.p50, 6)} ms  p95 ${pad(v.p95, 6)} ms`);
  console.log(
    '\nCPU ms per request: server process (kernel share) / PostgreSQL / autocannon; share of the CPUs they kept busy, and others used:',
  );
  const cpuText = (c: Cpu) =>
    `${c.server} (kernel ${Math.round(c.serverKernelShare * 100)}%) / ${c.postgres} / ${c.loadGenerator} (${Math.round(c.busy * 100)}% busy, others ${Math.round(c.others * 100)}%)`;
  for (const e of endpoints.filter((x) => x.cpuMsPerRequest))
    console.log(
      `  ${pad(e.name, 16, true)} api ${cpuText(e.cpuMsPerRequest as Cpu)}; RSS ${round((e.peakRssBytes ?? 0) / MB)} MB${e.baselineCpuMsPerRequest ? `   baseline ${cpuText(e.baselineCpuMsPerRequest)}` : ''}`,
    );
  console.log(
    '\nDatabase sessions of the server, on average (running / waiting on a lock / idle in transaction):',
  );
  const sessionText = (x: Sessions) => `${x.active} / ${x.lockWait} / ${x.idleInTransaction}`;
  for (const e of endpoints.filter((x) => x.dbSessions))
    console.log(
      `  ${pad(e.name, 16, true)} api ${sessionText(e.dbSessions as Sessions)}${e.baselineDbSessions ? `   baseline ${sessionText(e.baselineDbSessions)}` : ''}`,
    );
  console.log(
    `\nbundle: initial JavaScript ${bundle.initialJsGzipBytes === null ? 'not measured (the SPA did not build)' : `${round(bundle.initialJsGzipBytes / 1024)} KB gzipped`}`,
  );
  console.log(`\n${pad('target', 34, true)} ${pad('limit', 10, true)} ${pad('measured', 30, true)} result`);
  for (const t of targets)
    console.log(
      `${pad(t.target, 34, true)} ${pad(t.limit, 10, true)} ${pad(t.measured, 30, true)} ${t.met === null ? 'not measured' : t.met ? 'met' : 'MISSED'}`,
    );
  const missed = targets.filter((t) => t.met === false);
  const unmeasured = targets.filter((t) => t.met === null);
  console.log(
    missed.length
      ? `\nMISSED ${missed.length} of ${targets.length - unmeasured.length} measured targets: ${missed.map((t) => t.target).join(', ')}`
      : `\nall ${targets.length - unmeasured.length} measured targets met`,
  );
  if (unmeasured.length)
    console.log(`not measured: ${unmeasured.map((t) => `${t.target} (${t.measured})`).join(', ')}`);
  console.log(`results: ${path.relative(process.cwd(), results)}`);
  process.exitCode = missed.length ? 1 : 0;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void stopChildren().then(() => process.exit(130));
  });

main()
  .catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  // Exit explicitly: after a failure, open sockets (autocannon, the observer) would keep it alive.
  .finally(() => stopChildren().then(() => process.exit(process.exitCode ?? 0)));
