import { seedVolume } from '../src/cli/volume-seed';
import { listenToQueries } from '../src/database/query-listener';
import { hashPassword } from '../src/users/password-hasher';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

/**
 * No N+1 queries: the number of SQL statements a request runs must not grow with the rows it
 * answers. Every statement the app sends passes through the DataSource's logger, so the test
 * counts them, request by request, for a small and a large answer of the same endpoint.
 */
let t: TestApp;
let count = 0;
let manager: Session;
let advocate: Session;
let admin: Session;
let busy: string; // a referral with many notes, meetings and history entries
let quiet: string; // one with few

beforeAll(async () => {
  t = await startTestApp();
  listenToQueries(t.dataSource, () => void (count += 1));

  await seedVolume(t.dataSource, {
    referrals: 400,
    notes: 6000,
    advocates: 2,
    passwordHash: await hashPassword('volume password 2026'),
  });
  manager = await t.login((await t.createUser(['MANAGER'])).email);
  admin = await t.login((await t.createUser(['ADMIN'])).email);
  advocate = await t.login('volume.advocate.1@example.org', 'volume password 2026');
  const cases = await t.dataSource.query(
    `SELECT r.id, r.allocated_advocate_id AS advocate FROM referrals r
       JOIN users u ON u.id = r.allocated_advocate_id AND u.email = 'volume.advocate.1@example.org'
      WHERE r.status = 'ACTIVE' ORDER BY r.id LIMIT 2`,
  );
  [busy, quiet] = cases.map((c: { id: string }) => c.id);
  // Both cases hold some of everything (an empty answer may skip a lookup, which is fine); then
  // one is made much busier: 60 more notes (each with a version) and 10 more meetings.
  await t.dataSource.query(
    `INSERT INTO meetings (referral_id, kind, starts_at, location, in_private, attendees, created_by)
     VALUES ($1, 'CLIENT_MEETING', now(), 'Ward office', false, ARRAY['Client'], $2)`,
    [quiet, cases[1].advocate],
  );
  await t.dataSource.query(
    `WITH made AS (
       INSERT INTO case_notes (referral_id, kind, minutes_spent, created_by, created_at)
       SELECT $1, 'CONTACT', 15, $2, now() - g * interval '1 hour' FROM generate_series(1, 60) g
       RETURNING id, created_at)
     INSERT INTO note_versions (note_id, version, body, created_by, created_at)
     SELECT id, 1, 'Extra note', $2, created_at FROM made`,
    [busy, cases[0].advocate],
  );
  await t.dataSource.query(
    `INSERT INTO meetings (referral_id, kind, starts_at, location, in_private, attendees, created_by)
     SELECT $1, 'CLIENT_MEETING', now() + g * interval '1 day', 'Ward office', false, ARRAY['Client'], $2
       FROM generate_series(1, 10) g`,
    [busy, cases[0].advocate],
  );
  const [sizes] = await t.dataSource.query(
    `SELECT (SELECT count(*)::int FROM case_notes WHERE referral_id = $1) AS busy,
            (SELECT count(*)::int FROM case_notes WHERE referral_id = $2) AS quiet`,
    [busy, quiet],
  );
  expect(sizes.busy).toBeGreaterThan(sizes.quiet + 50);
}, 120_000);
afterAll(() => t.close());

async function statements(path: string, session: Session): Promise<number> {
  count = 0;
  const answer = await t.request('GET', path, { token: session.token });
  expect(answer.status).toBe(200);
  return count;
}

describe('SQL statements per request do not grow with the answer', () => {
  it.each([
    ['referrals, manager', (n: number) => `/api/referrals?limit=${n}`, () => manager],
    ['referrals, advocate', (n: number) => `/api/referrals?limit=${n}`, () => advocate],
    ['referrals by status', (n: number) => `/api/referrals?status=CLOSED&limit=${n}`, () => manager],
    ['client search', (n: number) => `/api/clients?q=volume&limit=${n}`, () => manager],
    ['audit trail', (n: number) => `/api/audit?limit=${n}`, () => admin],
    ['users', (n: number) => `/api/users?limit=${n}`, () => admin],
  ])('%s: 2 rows or 50', async (_name, path, who) => {
    const few = await statements(path(2), who());
    const many = await statements(path(50), who());
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(12);
  });

  it.each([
    ['a page of referrals', () => `/api/referrals?status=ACTIVE&limit=50`],
    ['one referral', () => `/api/referrals/${busy}`],
    ['client search', () => `/api/clients?q=volume&limit=50`],
  ])('%s takes three statements: who asks, the answer, its audit event', async (_name, path) => {
    expect(await statements(path(), manager)).toBe(3);
    expect(await statements(path(), advocate)).toBe(3);
  });

  it.each([
    ['one referral', (id: string) => `/api/referrals/${id}`],
    ['its notes', (id: string) => `/api/referrals/${id}/notes`],
    ['its meetings', (id: string) => `/api/referrals/${id}/meetings`],
    ['its timeline', (id: string) => `/api/referrals/${id}/timeline`],
  ])('%s: a quiet case or a busy one', async (_name, path) => {
    const few = await statements(path(quiet), advocate);
    const many = await statements(path(busy), advocate);
    expect(many).toBe(few);
    expect(few).toBeLessThanOrEqual(14);
  });
});
