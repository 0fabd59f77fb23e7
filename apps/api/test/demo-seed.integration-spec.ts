import { REFERRAL_STATUSES, SERVICE_TYPES, LOCAL_AUTHORITIES, REFERRAL_SOURCES } from '@beacon/domain';
import { seedDemoData } from '../src/seed/demo-seed';
import { startTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
  // What the first `npm start` does on an empty database (main.ts → prepareDatabase).
  expect(await seedDemoData(t.dataSource, t.app)).toBe(true);
});
afterAll(() => t.close());

const login = (email: string) => t.login(email, 'Beacon-demo-2026');

describe('demo data', () => {
  it('has about forty referrals across every status, service, area and source', async () => {
    const rows: { status: string; service_type: string; local_authority: string; source: string }[] =
      await t.dataSource.query('SELECT status, service_type, local_authority, source FROM referrals');
    expect(rows.length).toBeGreaterThanOrEqual(35);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(rows.map((r) => r.service_type))).toEqual(new Set(SERVICE_TYPES));
    expect(new Set(rows.map((r) => r.local_authority))).toEqual(new Set(LOCAL_AUTHORITIES));
    const sources = new Set(rows.map((r) => r.source));
    for (const source of REFERRAL_SOURCES.filter((s) => s !== 'NOMINATED_PERSON'))
      expect(sources).toContain(source);
  });

  it('keeps each referral’s history consistent with its state and version', async () => {
    const broken = await t.dataSource.query(`
      SELECT r.reference FROM referrals r
        JOIN LATERAL (SELECT count(*)::int AS n, (array_agg(to_status ORDER BY at DESC))[1] AS last
                        FROM referral_events e WHERE e.referral_id = r.id) e ON true
       WHERE e.n <> r.version OR e.last <> r.status
          OR (r.status IN ('ALLOCATED', 'ACTIVE', 'CLOSED') AND r.allocated_advocate_id IS NULL)
          OR (r.status IN ('ACTIVE', 'CLOSED') AND r.first_contact_at IS NULL)
          OR (r.status = 'DECLINED' AND r.decline_reason IS NULL)
          OR (r.status IN ('AWAITING_ALLOCATION', 'ALLOCATED', 'ACTIVE') AND NOT r.eligible)`);
    expect(broken).toEqual([]);
  });

  it('gives third-party carers referrals a valid authorisation', async () => {
    const missing = await t.dataSource.query(
      `SELECT reference FROM referrals WHERE service_type = 'CARERS' AND source <> 'SELF' AND authorisation_id IS NULL`,
    );
    expect(missing).toEqual([]);
  });

  it('is in the verifiable audit chain, and each demo user can sign in and see their part', async () => {
    const admin = await login('admin@example.org');
    const verify = await t.request('GET', '/api/audit/verify', { token: admin.token });
    expect(verify.body).toMatchObject({ ok: true });
    expect(verify.body.checked).toBeGreaterThan(100);

    const manager = await login('manager@example.org');
    const queue = await t.request('GET', '/api/referrals?status=RECEIVED&order=oldest', {
      token: manager.token,
    });
    expect(queue.body.items.length).toBeGreaterThan(3);

    const sam = await login('advocate@example.org');
    const caseload = await t.request(
      'GET',
      `/api/referrals?advocateId=${sam.userId}&status=ALLOCATED,ACTIVE`,
      {
        token: sam.token,
      },
    );
    expect(caseload.body.items.length).toBeGreaterThan(3);
    expect(
      caseload.body.items.every((r: { allocatedAdvocateId: string }) => r.allocatedAdvocateId === sam.userId),
    ).toBe(true);
  });

  it('has wards, schedules, logged and missed visits, notes (one amended), meetings and records access', async () => {
    const [counts] = await t.dataSource.query(`SELECT
      (SELECT count(*)::int FROM hospitals) AS hospitals,
      (SELECT count(*)::int FROM wards) AS wards,
      (SELECT count(*)::int FROM visit_schedules) AS schedules,
      (SELECT count(*)::int FROM visits WHERE status = 'HELD') AS held,
      (SELECT count(*)::int FROM visits WHERE status = 'CANCELLED') AS cancelled,
      (SELECT count(*)::int FROM visits WHERE status = 'PLANNED' AND date >= CURRENT_DATE) AS upcoming,
      (SELECT count(*)::int FROM case_notes) AS notes,
      (SELECT count(*)::int FROM case_notes WHERE version > 1) AS amended,
      (SELECT count(*)::int FROM meetings) AS meetings,
      (SELECT count(*)::int FROM records_access) AS access`);
    expect(counts.hospitals).toBeGreaterThanOrEqual(3);
    expect(counts.wards).toBeGreaterThanOrEqual(5);
    expect(counts.schedules).toBeGreaterThanOrEqual(4);
    expect(counts.held).toBeGreaterThan(20);
    expect(counts.cancelled).toBeGreaterThan(0);
    expect(counts.upcoming).toBeGreaterThan(0);
    expect(counts.notes).toBeGreaterThan(10);
    expect(counts.amended).toBeGreaterThan(0);
    expect(counts.meetings).toBeGreaterThan(3);
    expect(counts.access).toBeGreaterThan(0);

    const manager = await login('manager@example.org');
    const from = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
      new Date(Date.now() - 28 * 86_400_000),
    );
    const to = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    const coverage = await t.request('GET', `/api/visits/coverage?from=${from}&to=${to}`, {
      token: manager.token,
    });
    const missed = coverage.body.items.reduce((n: number, w: { missed: number }) => n + w.missed, 0);
    expect(missed).toBeGreaterThanOrEqual(1);

    const sam = await login('advocate@example.org');
    const [active] = await t.dataSource.query(
      `SELECT id FROM referrals WHERE status = 'ACTIVE' AND allocated_advocate_id = $1 LIMIT 1`,
      [sam.userId],
    );
    const timeline = await t.request('GET', `/api/referrals/${active.id}/timeline`, { token: sam.token });
    expect(timeline.body.items.map((i: { type: string }) => i.type)).toEqual(
      expect.arrayContaining(['STATUS', 'NOTE']),
    );
  });

  it('gives the demo advocates their reminders at once, without waiting for the hourly job', async () => {
    const kinds = (await t.dataSource.query(
      `SELECT u.email, r.kind, count(*)::int AS n FROM reminders r JOIN users u ON u.id = r.advocate_id
        GROUP BY 1, 2 ORDER BY 1, 2`,
    )) as { email: string; kind: string; n: number }[];
    expect(kinds.length).toBeGreaterThan(0);
    const advocate = await login('advocate@example.org');
    const count = await t.request('GET', '/api/reminders/count', { token: advocate.token });
    expect(count.body.open).toBe(
      kinds.filter((k) => k.email === 'advocate@example.org').reduce((n, k) => n + k.n, 0),
    );
  });

  it('is not seeded twice', async () => {
    const [{ count }] = await t.dataSource.query('SELECT count(*)::int AS count FROM referrals');
    expect(await seedDemoData(t.dataSource, t.app)).toBe(false);
    const [{ count: after }] = await t.dataSource.query('SELECT count(*)::int AS count FROM referrals');
    expect(after).toBe(count);
  });
});
