import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

/**
 * The day sums of case-note minutes (migration ActivityMinutes) behind the reports' time per
 * activity: exact after any writes, before and after folding, and whatever runs at once.
 */
let t: TestApp;
let advocate: TestUser;
let manager: Session;
let referralId: string;

/** What the sums say, by London day and kind, next to the same figures counted from the notes. */
async function sumsAndTruth() {
  const sums = await t.dataSource.query(
    `SELECT day::text, kind, sum(entries)::int AS entries, sum(minutes)::int AS minutes
       FROM activity_minutes GROUP BY day, kind HAVING sum(entries) <> 0 ORDER BY day, kind`,
  );
  const truth = await t.dataSource.query(
    `SELECT (created_at AT TIME ZONE 'Europe/London')::date::text AS day, kind,
            count(*)::int AS entries, sum(minutes_spent)::int AS minutes
       FROM case_notes WHERE minutes_spent IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return { sums, truth };
}

const rowsOf = async () =>
  (await t.dataSource.query(`SELECT count(*)::int AS n FROM activity_minutes`))[0].n as number;

beforeAll(async () => {
  t = await startTestApp();
  advocate = await t.createUser(['ADVOCATE']);
  manager = await t.login((await t.createUser(['MANAGER'])).email);
  const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
  referralId = created.body.id;
});
afterAll(() => t.close());

describe('activity_minutes', () => {
  it('counts every note with minutes by its London day and kind, one statement or many', async () => {
    const insert = (kind: string, minutes: number | null, at: string) =>
      t.dataSource.query(
        `INSERT INTO case_notes (referral_id, kind, minutes_spent, created_by, created_at) VALUES ($1, $2, $3, $4, $5)`,
        [referralId, kind, minutes, advocate.id, at],
      );
    await insert('CONTACT', 30, '2026-06-10T09:00:00Z');
    await insert('CONTACT', 15, '2026-06-10T22:30:00Z'); // 23:30 in London (BST): the 10th still
    await insert('CONTACT', 45, '2026-06-10T23:30:00Z'); // 00:30 on the 11th in London
    await insert('ADMIN', null, '2026-06-10T12:00:00Z'); // no minutes: not an entry
    await t.dataSource.query(
      `INSERT INTO case_notes (referral_id, kind, minutes_spent, created_by, created_at)
       SELECT $1, 'MEETING', 10 * g, $2, timestamptz '2026-12-01T10:00:00Z' + g * interval '1 minute'
         FROM generate_series(1, 5) g`,
      [referralId, advocate.id],
    );
    const { sums, truth } = await sumsAndTruth();
    expect(sums).toEqual(truth);
    expect(sums).toEqual(
      expect.arrayContaining([
        { day: '2026-06-10', kind: 'CONTACT', entries: 2, minutes: 45 },
        { day: '2026-06-11', kind: 'CONTACT', entries: 1, minutes: 45 },
        { day: '2026-12-01', kind: 'MEETING', entries: 5, minutes: 150 },
      ]),
    );
  });

  it('counts notes written through the API, and a note’s edit changes nothing', async () => {
    const written = await t.request('POST', `/api/referrals/${referralId}/notes`, {
      token: manager.token,
      body: { kind: 'VISIT', body: 'Saw the client on the ward.', minutesSpent: 40 },
    });
    expect(written.status).toBe(201);
    const before = await rowsOf();
    // An edit bumps the note's version (an UPDATE of case_notes): nothing to add to the sums.
    await t.dataSource.query(`UPDATE case_notes SET version = version + 1 WHERE id = $1`, [written.body.id]);
    expect(await rowsOf()).toBe(before);
    const { sums, truth } = await sumsAndTruth();
    expect(sums).toEqual(truth);
  });

  it('follows a change of minutes or kind made around the app, as the owner', async () => {
    const [note] = await t.dataSource.query(
      `SELECT id FROM case_notes WHERE kind = 'CONTACT' AND minutes_spent = 30 LIMIT 1`,
    );
    await t.ownerQuery(`UPDATE case_notes SET minutes_spent = 35, kind = 'OTHER' WHERE id = $1`, [note.id]);
    const { sums, truth } = await sumsAndTruth();
    expect(sums).toEqual(truth);
  });

  it('folds each day and kind into one row, keeping every sum', async () => {
    const before = await sumsAndTruth();
    const [{ folded }] = await t.dataSource.query(`SELECT activity_minutes_compact() AS folded`);
    expect(folded).toBeGreaterThan(0);
    const [{ most }] = await t.dataSource.query(
      `SELECT max(n)::int AS most FROM (SELECT count(*) AS n FROM activity_minutes GROUP BY day, kind) c`,
    );
    expect(most).toBe(1);
    const after = await sumsAndTruth();
    expect(after.sums).toEqual(before.sums);
    expect(after.sums).toEqual(after.truth);
    const [{ again }] = await t.dataSource.query(`SELECT activity_minutes_compact() AS again`);
    expect(again).toBe(0);
  });

  it('stays exact while notes are written and folded at the same time', async () => {
    const writes = Array.from({ length: 30 }, (_, i) =>
      t.request('POST', `/api/referrals/${referralId}/notes`, {
        token: manager.token,
        body: { kind: i % 2 ? 'CONTACT' : 'ADMIN', body: `Note ${i}`, minutesSpent: 5 + i },
      }),
    );
    const folds = Array.from({ length: 6 }, () => t.dataSource.query('SELECT activity_minutes_compact()'));
    const answers = await Promise.all(writes);
    await Promise.all(folds);
    expect(answers.map((a) => (a.status === 201 ? 201 : a.text))).toEqual(answers.map(() => 201));
    const { sums, truth } = await sumsAndTruth();
    expect(sums).toEqual(truth);
  });

  it('may be appended to and folded by the app, never changed in place', async () => {
    await expect(t.dataSource.query(`UPDATE activity_minutes SET minutes = minutes + 1`)).rejects.toThrow(
      /permission denied/,
    );
  });

  it('gives the report its time per activity', async () => {
    const answer = await t.request('GET', '/api/reports/summary?from=2026-06-10&to=2026-06-11', {
      token: manager.token,
    });
    expect(answer.status).toBe(200);
    const time = answer.body.time as { activity: string; entries: number; minutes: number }[];
    const of = (activity: string) => time.find((row) => row.activity === activity);
    // CONTACT 15 on the 10th and 45 on the 11th; the 30 became OTHER 35 (the notes written through
    // the API are dated today, outside the period).
    expect(of('CONTACT')).toMatchObject({ entries: 2, minutes: 60 });
    expect(of('OTHER')).toMatchObject({ entries: 1, minutes: 35 });
    expect(of('ADMIN')).toMatchObject({ entries: 0, minutes: 0 });
  });
});
