import type { JobQueueStatus } from '../src/metrics/job-metrics';
import { MetricsService } from '../src/metrics/metrics.service';
import { startTestApp, type TestApp } from './helpers/test-app';

const TOKEN = 'metrics-token-0123456789abcdef0123456789';
const ID = '7f4b1c2e-9a3d-4e5f-8a6b-1c2d3e4f5a6b';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ METRICS_TOKEN: TOKEN });
});
afterAll(() => t.close());

const scrape = () => t.request('GET', '/api/metrics', { headers: { authorization: `Bearer ${TOKEN}` } });

/** The value of one series, e.g. value(text, 'beacon_db_pool_max_connections'). */
function value(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('GET /api/metrics', () => {
  it('answers 404, exactly like an unknown address, without the token or with a wrong one', async () => {
    const unknown = await t.request('GET', '/api/no-such-thing');
    for (const authorization of [undefined, 'Bearer wrong-token', `Basic ${TOKEN}`, `Bearer ${TOKEN}x`]) {
      const res = await t.request('GET', '/api/metrics', {
        headers: authorization ? { authorization } : {},
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({
        type: unknown.body.type,
        title: unknown.body.title,
        detail: unknown.body.detail,
      });
      expect(res.text).not.toContain('beacon_');
    }
  });

  it('serves Prometheus text with the bearer token, and is never cached', async () => {
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; version=0.0.4; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.text).toContain('# TYPE beacon_http_request_duration_seconds histogram');
  });

  it('times requests by method, route template and status, never by raw path', async () => {
    const user = await t.createUser(['ADMIN']);
    const session = await t.login(user.email);
    for (let i = 0; i < 3; i++)
      expect((await t.request('GET', `/api/users/${ID}`, { token: session.token })).status).toBe(404);
    expect((await t.request('GET', `/api/no-such/${ID}`)).status).toBe(404);
    const text = (await scrape()).text;

    expect(
      value(
        text,
        'beacon_http_request_duration_seconds_count{method="GET",route="/api/users/:id",status="404"}',
      ),
    ).toBe(3);
    expect(
      value(
        text,
        'beacon_http_request_duration_seconds_count{method="POST",route="/api/auth/login",status="200"}',
      ),
    ).toBe(1);
    expect(
      value(
        text,
        'beacon_http_request_duration_seconds_count{method="GET",route="(unmatched)",status="404"}',
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toContain(
      'beacon_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/users/:id",status="404"}',
    );
    expect(text).not.toContain(ID);
  });

  it('shows the database pool: size, open, idle and waiting', async () => {
    const text = (await scrape()).text;
    expect(value(text, 'beacon_db_pool_max_connections')).toBe(5); // DATABASE_POOL_SIZE in the test app
    const open = value(text, 'beacon_db_pool_connections')!;
    expect(open).toBeGreaterThanOrEqual(1);
    expect(open).toBeLessThanOrEqual(5);
    expect(value(text, 'beacon_db_pool_idle_connections')).toBeLessThanOrEqual(open);
    expect(value(text, 'beacon_db_pool_waiting_clients')).toBe(0);
  });

  it('counts requests in flight and says whether the process is shutting down', async () => {
    const text = (await scrape()).text;
    expect(value(text, 'beacon_http_requests_in_flight')).toBe(1); // the scrape itself
    expect(value(text, 'beacon_shutting_down')).toBe(0);
  });

  it('includes the process metrics', async () => {
    const text = (await scrape()).text;
    expect(value(text, 'process_cpu_user_seconds_total')).toBeGreaterThan(0);
    expect(value(text, 'process_resident_memory_bytes')).toBeGreaterThan(0);
    expect(text).toContain('# TYPE nodejs_eventloop_lag_seconds gauge');
  });

  it('publishes job status from the source the jobs module hands it, once per scrape', async () => {
    expect((await scrape()).text).not.toContain('beacon_jobs{');
    let calls = 0;
    t.app.get(MetricsService).useJobSource({
      jobStatus: async (): Promise<JobQueueStatus[]> => {
        calls += 1;
        return [
          {
            queue: 'audit-chain-verify',
            counts: { created: 1, active: 0, failed: 2 },
            lastSucceededAt: new Date('2026-11-29T03:00:00Z'),
          },
          { queue: 'reminders', counts: { created: 4 }, lastSucceededAt: null },
        ];
      },
    });
    const text = (await scrape()).text;
    expect(calls).toBe(1);
    expect(value(text, 'beacon_jobs{queue="audit-chain-verify",state="failed"}')).toBe(2);
    expect(value(text, 'beacon_jobs{queue="audit-chain-verify",state="active"}')).toBe(0);
    expect(value(text, 'beacon_jobs{queue="reminders",state="created"}')).toBe(4);
    expect(value(text, 'beacon_job_last_success_timestamp_seconds{queue="audit-chain-verify"}')).toBe(
      Date.parse('2026-11-29T03:00:00Z') / 1000,
    );
    expect(text).not.toContain('beacon_job_last_success_timestamp_seconds{queue="reminders"}');
  });

  it('still answers when the job source fails, without job series', async () => {
    t.app.get(MetricsService).useJobSource({
      jobStatus: () => Promise.reject(new Error('queue unavailable')),
    });
    const res = await scrape();
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('beacon_jobs{');
    expect(value(res.text, 'beacon_db_pool_max_connections')).toBe(5);
  });
});
