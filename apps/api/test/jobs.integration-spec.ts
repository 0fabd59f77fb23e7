import { londonDate } from '@beacon/domain';
import PgBoss from 'pg-boss';
import { JobsService } from '../src/jobs/jobs.service';
import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

const METRICS_TOKEN = 'jobs-metrics-token-0123456789abcdef01234';

/** Background jobs on pg-boss, switched on as in production, as the app's least-privileged login. */
let t: TestApp;
let jobs: JobsService;
let admin: TestUser;
let adminSession: Session;
let managerSession: Session;
let advocate: TestUser;

beforeAll(async () => {
  t = await startTestApp({ JOBS_ENABLED: 'true', METRICS_TOKEN: METRICS_TOKEN });
  jobs = t.app.get(JobsService);
  admin = await t.createUser(['ADMIN']);
  advocate = await t.createUser(['ADVOCATE']);
  adminSession = await t.login(admin.email);
  managerSession = await t.login((await t.createUser(['MANAGER'])).email);
});
afterAll(() => t.close());

/** Polls `read` every 200 ms until it returns something, for at most `seconds`. */
async function eventually<T>(read: () => Promise<T | undefined>, seconds = 20): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const runOf = (queueJobId: string) =>
  eventually(async () => {
    const [row] = await t.dataSource.query(
      `SELECT job, trigger, requested_by, outcome, summary FROM job_runs WHERE queue_job_id = $1`,
      [queueJobId],
    );
    return row;
  });

const stateOf = (name: string, id: string, state: string) =>
  eventually(async () => {
    const [row] = await t.dataSource.query(`SELECT state FROM pgboss.job WHERE name = $1 AND id = $2`, [
      name,
      id,
    ]);
    return row?.state === state ? row.state : undefined;
  });

const status = async () => (await t.request('GET', '/api/jobs', { token: adminSession.token })).body;
const londonTime = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit' }).format(
    new Date(iso),
  );

async function behindTheAppsBack(sql: string, params: unknown[]) {
  await t.ownerQuery('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
  try {
    await t.ownerQuery(sql, params);
  } finally {
    await t.ownerQuery('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
  }
}

describe('starting', () => {
  it('runs pg-boss as the app’s own login, which may not change pg-boss’s schema', async () => {
    expect(jobs.running).toBe(true);
    const [me] = await t.dataSource.query(
      `SELECT current_user AS login,
              has_schema_privilege('pgboss', 'CREATE') AS may_create,
              has_table_privilege('pgboss.queue', 'INSERT') AS may_add_queue,
              has_function_privilege('pgboss.create_queue(text, json)', 'EXECUTE') AS may_call_create_queue`,
    );
    expect(me).toEqual({
      login: me.login,
      may_create: false,
      may_add_queue: false,
      may_call_create_queue: false,
    });
    const connections = await t.ownerQuery(
      `SELECT DISTINCT usename FROM pg_stat_activity WHERE application_name = 'beacon-jobs' AND datname = current_database()`,
    );
    expect(connections).toEqual([{ usename: me.login }]);
  });

  it('registers each schedule in Europe/London time', async () => {
    expect(
      await t.dataSource.query('SELECT name, cron, timezone FROM pgboss.schedule ORDER BY name'),
    ).toEqual([
      { name: 'audit-verify', cron: '30 2 * * *', timezone: 'Europe/London' },
      { name: 'reminders', cron: '0 * * * *', timezone: 'Europe/London' },
      { name: 'retention-review', cron: '0 3 * * *', timezone: 'Europe/London' },
    ]);
  });
});

describe('GET /api/jobs', () => {
  it('shows admins each job with its schedule, next run and queue', async () => {
    const before = Date.now();
    const answer = await t.request('GET', '/api/jobs', { token: adminSession.token });
    expect(answer.status).toBe(200);
    expect(answer.body.enabled).toBe(true);
    expect(Date.now() - new Date(answer.body.schedulerSeenAt).getTime()).toBeLessThan(60_000);
    expect(answer.body.recentRuns).toEqual([]);
    expect(answer.body.items.map((i: { name: string; every: string }) => [i.name, i.every])).toEqual([
      ['reminders', 'Every hour, on the hour'],
      ['retention-review', 'Every night at 03:00'],
      ['audit-verify', 'Every night at 02:30'],
    ]);
    const [reminders, retention, audit] = answer.body.items;
    expect(reminders).toMatchObject({
      cron: '0 * * * *',
      timeZone: 'Europe/London',
      lastRun: null,
      lastSucceededAt: null,
      queued: 0,
      active: 0,
      failedLast7Days: 0,
    });
    const next = new Date(reminders.nextRunAt).getTime();
    expect(next).toBeGreaterThan(before);
    expect(next - before).toBeLessThanOrEqual(3_600_000);
    expect(new Date(next).getUTCMinutes()).toBe(0);
    expect(londonTime(retention.nextRunAt)).toBe('03:00');
    expect(londonTime(audit.nextRunAt)).toBe('02:30');
    expect(new Date(audit.nextRunAt).getTime() - before).toBeLessThanOrEqual(86_400_000);
  });

  it('publishes each queue to Prometheus at /api/metrics', async () => {
    const scrape = await t.request('GET', '/api/metrics', {
      headers: { authorization: `Bearer ${METRICS_TOKEN}` },
    });
    expect(scrape.status).toBe(200);
    for (const queue of ['reminders', 'retention-review', 'audit-verify'])
      expect(scrape.text).toMatch(
        new RegExp(`^beacon_jobs\\{queue="${queue}",state="[a-z_]+"\\} \\d+$`, 'm'),
      );
  });

  it('is for admins only', async () => {
    expect((await t.request('GET', '/api/jobs', { token: managerSession.token })).status).toBe(403);
    const advocateSession = await t.login(advocate.email);
    expect((await t.request('GET', '/api/jobs', { token: advocateSession.token })).status).toBe(403);
  });
});

describe('POST /api/jobs/{name}/run', () => {
  it('queues the job in pg-boss, which a worker runs and records, and audits who asked', async () => {
    const answer = await t.request('POST', '/api/jobs/reminders/run', { token: adminSession.token });
    expect(answer.status).toBe(202);
    expect(answer.body).toEqual({ job: 'reminders', queueJobId: expect.any(String) });
    const { queueJobId } = answer.body;
    expect(await runOf(queueJobId)).toEqual({
      job: 'reminders',
      trigger: 'MANUAL',
      requested_by: admin.id,
      outcome: 'SUCCEEDED',
      summary: `0 new reminders, 0 no longer due, 0 due for ${londonDate()}.`,
    });
    await stateOf('reminders', queueJobId, 'completed');
    const events = await t.dataSource.query(
      `SELECT actor_id, entity_type, details FROM audit_events WHERE action = 'job.run' AND entity_id = $1`,
      [queueJobId],
    );
    expect(events).toEqual([{ actor_id: admin.id, entity_type: 'job', details: { job: 'reminders' } }]);
    const reminders = (await status()).items[0];
    expect(reminders.lastRun).toMatchObject({ job: 'reminders', trigger: 'MANUAL', outcome: 'SUCCEEDED' });
    expect(reminders.lastSucceededAt).toBe(reminders.lastRun.startedAt);
  });

  it('answers 404 for a job that does not exist, and 403 to anyone but admins', async () => {
    expect((await t.request('POST', '/api/jobs/backup/run', { token: adminSession.token })).status).toBe(404);
    expect((await t.request('POST', '/api/jobs/reminders/run', { token: managerSession.token })).status).toBe(
      403,
    );
  });
});

describe('the nightly audit chain check', () => {
  it('records an intact chain', async () => {
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_events');
    const run = await jobs.execute('audit-verify', { trigger: 'MANUAL', requestedBy: admin.id });
    expect(run).toMatchObject({
      job: 'audit-verify',
      outcome: 'SUCCEEDED',
      summary: `The audit chain is intact: ${n} events checked.`,
    });
  });

  it('records a broken chain as a failed run, shows it to admins and logs it as an error', async () => {
    const [victim] = await t.dataSource.query(
      `SELECT id, details FROM audit_events ORDER BY seq LIMIT 1 OFFSET 1`,
    );
    const output = jest.spyOn(process.stdout, 'write');
    await behindTheAppsBack(`UPDATE audit_events SET details = '{"edited":true}' WHERE id = $1`, [victim.id]);
    try {
      const answer = await t.request('POST', '/api/jobs/audit-verify/run', { token: adminSession.token });
      expect(answer.status).toBe(202);
      const run = await runOf(answer.body.queueJobId);
      expect(run).toMatchObject({ job: 'audit-verify', outcome: 'FAILED' });
      expect(run.summary).toBe(
        `The audit chain is broken at event ${victim.id}: 1 event before it fit. Someone changed or removed audit history.`,
      );
      // No retry: the queue allows none, so pg-boss marks the job failed at once.
      await stateOf('audit-verify', answer.body.queueJobId, 'failed');
      const audit = (await status()).items[2];
      expect(audit.lastRun).toMatchObject({ outcome: 'FAILED', summary: run.summary });
      expect(audit.failedLast7Days).toBe(1);
      expect(audit.lastSucceededAt).not.toBeNull(); // the intact run before
      const logged = output.mock.calls
        .map(([line]) => String(line))
        .filter((line) => line.includes('"job failed"'))
        .map((line) => JSON.parse(line));
      expect(logged).toEqual([
        expect.objectContaining({
          level: 'error',
          context: 'Jobs',
          job: 'audit-verify',
          summary: run.summary,
        }),
      ]);
    } finally {
      output.mockRestore();
      await behindTheAppsBack('UPDATE audit_events SET details = $2 WHERE id = $1', [
        victim.id,
        JSON.stringify(victim.details),
      ]);
    }
    const after = await jobs.execute('audit-verify', { trigger: 'MANUAL' });
    expect(after.outcome).toBe('SUCCEEDED');
  });
});

describe('the retention review job', () => {
  it('counts the cases waiting for review and those newly due since its last run', async () => {
    const created = await t.request('POST', '/api/referrals', {
      token: managerSession.token,
      body: imhaReferral(),
    });
    const id = created.body.id;
    const declined = await t.request('POST', `/api/referrals/${id}/triage`, {
      token: managerSession.token,
      body: { decision: 'DECLINE', reason: 'Not eligible after all', version: 1 },
    });
    expect(declined.body.status).toBe('DECLINED');
    await t.ownerQuery(`UPDATE referrals SET closed_at = now() - interval '9 years' WHERE id = $1`, [id]);

    const first = await jobs.execute('retention-review', { trigger: 'SCHEDULE' });
    expect(first).toMatchObject({
      outcome: 'SUCCEEDED',
      summary: '1 case waiting for retention review, 1 newly due.',
    });
    const second = await jobs.execute('retention-review', { trigger: 'SCHEDULE' });
    expect(second.summary).toBe('1 case waiting for retention review, 0 newly due since the last run.');
  });
});

describe('schedules', () => {
  it('fire through pg-boss’s cron once per due time, however many processes schedule', async () => {
    // Shorter clocks so a schedule due every minute fires within seconds, and a second process
    // (another replica) scheduling against the same database.
    const fast = { cronMonitorIntervalSeconds: 1, cronWorkerIntervalSeconds: 1, pollingIntervalSeconds: 1 };
    await jobs.stop();
    await jobs.start(fast);
    const replica = new PgBoss({
      connectionString: t.databaseUrl,
      schema: 'pgboss',
      migrate: false,
      ...fast,
    });
    replica.on('error', () => undefined);
    await replica.start();
    try {
      const [{ started }] = await t.dataSource.query(`SELECT now() AS started`);
      await t.dataSource.query(
        `UPDATE pgboss.schedule SET cron = '* * * * *' WHERE name = 'retention-review'`,
      );
      const run = await eventually(async () => {
        const [row] = await t.dataSource.query(
          `SELECT trigger, outcome, queue_job_id FROM job_runs WHERE job = 'retention-review' AND queue_job_id IS NOT NULL`,
        );
        return row;
      });
      expect(run).toMatchObject({ trigger: 'SCHEDULE', outcome: 'SUCCEEDED' });
      // Both processes keep looking every second; a minute's schedule still makes one job.
      await new Promise((resolve) => setTimeout(resolve, 3000));
      const [{ ended }] = await t.dataSource.query(`SELECT now() AS ended`);
      const minutes = Math.floor(ended.getTime() / 60_000) - Math.floor(started.getTime() / 60_000) + 1;
      const [{ n }] = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'retention-review' AND data->>'trigger' = 'SCHEDULE'`,
      );
      expect(n).toBeGreaterThanOrEqual(1);
      expect(n).toBeLessThanOrEqual(minutes);
    } finally {
      await replica.stop({ graceful: false, wait: true });
      await t.dataSource.query(
        `UPDATE pgboss.schedule SET cron = '0 3 * * *' WHERE name = 'retention-review'`,
      );
    }
  }, 40_000);
});

describe('stopping', () => {
  it('stops pg-boss and closes its connections when the app shuts down', async () => {
    await jobs.beforeApplicationShutdown();
    expect(jobs.running).toBe(false);
    const connections = await eventually(async () => {
      const rows = await t.ownerQuery(
        `SELECT pid FROM pg_stat_activity WHERE application_name = 'beacon-jobs' AND datname = current_database()`,
      );
      return rows.length === 0 ? rows : undefined;
    }, 10);
    expect(connections).toEqual([]);
    const answer = await t.request('POST', '/api/jobs/reminders/run', { token: adminSession.token });
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('urn:beacon:problem:jobs-disabled');
  });
});
