import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { connect, type Socket } from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { admin, freePort } from './helpers/test-app';

/**
 * Graceful shutdown, on the real process: main.ts run from source (as `npm run dev` does) on a
 * database cloned from the migrated template, sent SIGTERM while a request is half received.
 */
const root = path.resolve(__dirname, '../../..');
const STARTUP_MS = 90_000;

interface Api {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
}

const databases: string[] = [];
const children: ChildProcess[] = [];

async function startApi(env: Record<string, string>): Promise<Api> {
  const database = `t_${randomBytes(6).toString('hex')}`;
  databases.push(database);
  await admin(`CREATE DATABASE "${database}" TEMPLATE "${process.env.BEACON_TEST_TEMPLATE}"`);
  const port = await freePort();
  const child = spawn(path.join(root, 'tools/ts-run.sh'), ['apps/api/src/main.ts'], {
    cwd: root,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'test',
      PORT: String(port),
      DATABASE_URL: `${process.env.BEACON_TEST_APP_URL_PREFIX}${database}`,
      MIGRATION_DATABASE_URL: `${process.env.BEACON_TEST_URL_PREFIX}${database}`,
      RUN_MIGRATIONS: 'false',
      SEED_DEMO_DATA: 'false',
      SPA_DIR: '',
      LOG_LEVEL: 'info',
      DATABASE_POOL_SIZE: '3',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  child.stderr!.on('data', (chunk) => (output += chunk));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const deadline = Date.now() + STARTUP_MS;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`the API exited (${child.exitCode}) before it was up:\n${output}`);
    if (Date.now() > deadline)
      throw new Error(`the API did not start within ${STARTUP_MS / 1000} s:\n${output}`);
    const up = await fetch(`http://127.0.0.1:${port}/api/health/live`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (up) break;
    await sleep(250);
  }
  return { child, port, output: () => output, exit };
}

/** A login request whose body arrives in two parts: `finish()` sends the rest and reads the whole answer. */
function halfSentRequest(port: number) {
  const body = JSON.stringify({ email: 'nobody@example.org', password: 'not-the-password' });
  const socket: Socket = connect(port, '127.0.0.1');
  let answer = '';
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const complete = new Promise<void>((resolve) => {
    socket.on('data', (chunk) => {
      answer += chunk;
      const [head, rest] = answer.split('\r\n\r\n', 2);
      const length = /content-length: (\d+)/i.exec(head ?? '')?.[1];
      if (rest !== undefined && length && Buffer.byteLength(rest) >= Number(length)) resolve();
    });
    socket.once('close', () => resolve());
  });
  socket.on('error', () => undefined);
  const sent = new Promise<void>((resolve) =>
    socket.once('connect', () => {
      socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body.slice(0, 10)}`,
        () => resolve(),
      );
    }),
  );
  return {
    sent,
    closed,
    answer: () => answer,
    /** Sends the rest of the body (as a client does: no half-close) and waits for the whole answer. */
    async finish(): Promise<string> {
      socket.write(body.slice(10));
      await complete;
      socket.destroy();
      return answer;
    },
  };
}

const refused = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });

const logLines = (output: string) =>
  output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

let graceful: Api;
let stuck: Api;
beforeAll(async () => {
  [graceful, stuck] = await Promise.all([
    startApi({ SHUTDOWN_DRAIN_SECONDS: '2', SHUTDOWN_TIMEOUT_SECONDS: '15' }),
    startApi({ SHUTDOWN_DRAIN_SECONDS: '0', SHUTDOWN_TIMEOUT_SECONDS: '2' }),
  ]);
}, 2 * STARTUP_MS);

afterAll(async () => {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  for (const database of databases) await admin(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
});

describe('graceful shutdown on SIGTERM', () => {
  it('turns readiness 503, stops accepting, answers the request in flight, closes the pool and exits 0', async () => {
    const { port } = graceful;
    expect((await fetch(`http://127.0.0.1:${port}/api/health/ready`)).status).toBe(200);
    const slow = halfSentRequest(port);
    await slow.sent;
    await sleep(100); // the server has the request's headers: it is in flight

    const signalled = Date.now();
    graceful.child.kill('SIGTERM');
    await sleep(300);

    // Draining: still listening, but not ready; alive.
    const ready = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({
      status: 'not-ready',
      shuttingDown: true,
      problems: ['shutting down: finishing the requests in flight'],
    });
    expect((await fetch(`http://127.0.0.1:${port}/api/health/live`)).status).toBe(200);

    // After the drain, new connections are refused while the half-sent request is still open.
    const deadline = Date.now() + 5_000;
    while (!(await refused(port))) {
      if (Date.now() > deadline) throw new Error('the listener did not close after the drain');
      await sleep(100);
    }
    expect(graceful.child.exitCode).toBeNull();
    expect(slow.answer()).toBe('');

    // The request in flight gets its real answer.
    const answer = await slow.finish();
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toContain('application/problem+json');

    const exit = await graceful.exit;
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect(exit.at - signalled).toBeLessThan(15_000);
    const shutdown = logLines(graceful.output()).filter((l) => l.context === 'Shutdown');
    expect(shutdown.map((l) => l.msg)).toEqual([
      'shutting down: readiness is 503, finishing requests in flight',
      'shut down cleanly',
    ]);
    expect(shutdown[0]).toMatchObject({ signal: 'SIGTERM', drainSeconds: 2, timeoutSeconds: 15 });
    expect(shutdown[1]).toMatchObject({ databasePool: 'closed' });
  }, 60_000);

  it('exits 1 once SHUTDOWN_TIMEOUT_SECONDS have passed, whatever is still open', async () => {
    const slow = halfSentRequest(stuck.port);
    await slow.sent;
    await sleep(100);
    const signalled = Date.now();
    stuck.child.kill('SIGTERM');
    const exit = await stuck.exit;
    expect(exit).toMatchObject({ code: 1, signal: null });
    expect(exit.at - signalled).toBeGreaterThanOrEqual(1_900);
    expect(exit.at - signalled).toBeLessThan(6_000);
    const shutdown = logLines(stuck.output()).filter((l) => l.context === 'Shutdown');
    expect(shutdown.map((l) => l.msg)).toEqual([
      'shutting down: readiness is 503, finishing requests in flight',
      'shutdown took longer than 2 s: exiting with requests unanswered',
    ]);
    expect(shutdown[1]).toMatchObject({ level: 'error', requestsInFlight: 1 });
    await slow.closed;
  }, 30_000);
});
