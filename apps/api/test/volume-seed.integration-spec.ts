import { seedVolume } from '../src/cli/volume-seed';
import { hashPassword } from '../src/users/password-hasher';
import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('the volume seed', () => {
  it('makes a consistent year of casework that the app then serves', async () => {
    const result = await seedVolume(t.dataSource, {
      referrals: 3000,
      notes: 12000,
      advocates: 6,
      passwordHash: await hashPassword('volume password 2026'),
    });
    expect(result).toMatchObject({ referrals: 3000, notes: 12000 });

    const [counts] = await t.dataSource.query(`
      SELECT (SELECT count(*)::int FROM referrals) AS referrals,
             (SELECT count(DISTINCT reference)::int FROM referrals) AS references,
             (SELECT count(*)::int FROM case_notes) AS notes,
             (SELECT count(*)::int FROM note_versions) AS versions,
             (SELECT count(*)::int FROM referral_events) AS events,
             (SELECT count(*)::int FROM users WHERE email LIKE 'volume.%') AS staff`);
    expect(counts).toMatchObject({
      referrals: 3000,
      references: 3000,
      notes: 12000,
      events: result.events,
      staff: 7,
    });
    expect(counts.versions).toBe(12000 + 600); // one in twenty amended

    // Every referral's last history entry is its status; dates are in the past year and in order.
    const [broken] = await t.dataSource.query(`
      SELECT count(*) FILTER (WHERE last.to_status <> r.status)::int AS wrong_status,
             count(*) FILTER (WHERE r.received_at < now() - interval '366 days' OR r.received_at > now())::int AS out_of_year,
             count(*) FILTER (WHERE r.status IN ('CLOSED','DECLINED') AND (r.closed_at IS NULL OR r.closed_at > now()))::int AS bad_closure,
             count(*) FILTER (WHERE r.status IN ('ALLOCATED','ACTIVE','CLOSED') AND r.allocated_advocate_id IS NULL)::int AS unallocated
        FROM referrals r
        JOIN LATERAL (SELECT to_status FROM referral_events e WHERE e.referral_id = r.id ORDER BY at DESC, action = 'RECEIVED' LIMIT 1) last ON true`);
    expect(broken).toEqual({ wrong_status: 0, out_of_year: 0, bad_closure: 0, unallocated: 0 });
    const [misplaced] = await t.dataSource.query(`
      SELECT count(*)::int AS n FROM case_notes n JOIN referrals r ON r.id = n.referral_id
       WHERE r.status NOT IN ('ACTIVE','CLOSED') OR n.created_by <> r.allocated_advocate_id OR n.created_at > now()`);
    expect(misplaced.n).toBe(0);

    // New referrals continue the year's reference counter instead of colliding.
    const manager = await t.login((await t.createUser(['MANAGER'])).email);
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    expect(created.status).toBe(201);
    const year = created.body.reference.slice(4, 8);
    const [{ seeded }] = await t.dataSource.query(
      `SELECT count(*)::int AS seeded FROM referrals WHERE reference LIKE $1`,
      [`REF-${year}-%`],
    );
    expect(Number(created.body.reference.slice(9))).toBe(seeded);

    // And a volume advocate signs in and sees their own caseload.
    const advocate = await t.login('volume.advocate.1@example.org', 'volume password 2026');
    const page = await t.request('GET', '/api/referrals?limit=10', { token: advocate.token });
    expect(page.status).toBe(200);
    expect(page.body.items.length).toBeGreaterThan(0);
  });
});
