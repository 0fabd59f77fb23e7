import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

let t: TestApp;
let admin: Session;
let manager: Session;
let sam: TestUser;
let samSession: Session;

beforeAll(async () => {
  t = await startTestApp({ RETENTION_YEARS: '8', RETENTION_YEARS_CARERS: '6' });
  const [a, m, s] = await Promise.all([
    t.createUser(['ADMIN']),
    t.createUser(['MANAGER']),
    t.createUser(['ADVOCATE']),
  ]);
  sam = s;
  [admin, manager, samSession] = await Promise.all([t.login(a.email), t.login(m.email), t.login(s.email)]);
});
afterAll(() => t.close());

/** A closed IMHA case with a note, a meeting and a records access, closed `yearsAgo` years ago. */
async function closedCase(yearsAgo: number) {
  const created = await t.request('POST', '/api/referrals', {
    token: manager.token,
    body: imhaReferral({ receivedAt: new Date(Date.now() - 3_600_000).toISOString() }),
  });
  const id = created.body.id;
  const accepted = await t.request('POST', `/api/referrals/${id}/triage`, {
    token: manager.token,
    body: { decision: 'ACCEPT', version: 1 },
  });
  await t.request('POST', `/api/referrals/${id}/allocate`, {
    token: manager.token,
    body: { advocateId: sam.id, version: accepted.body.version },
  });
  await t.request('POST', `/api/referrals/${id}/notes`, {
    token: samSession.token,
    body: { body: 'Private detail about the person', kind: 'CONTACT' },
  });
  await t.request('POST', `/api/referrals/${id}/meetings`, {
    token: samSession.token,
    body: {
      kind: 'TRIBUNAL',
      startsAt: new Date().toISOString(),
      location: 'Tribunal room',
      inPrivate: false,
      attendees: ['Client'],
      outcome: 'Discharged',
    },
  });
  const current = await t.request('GET', `/api/referrals/${id}`, { token: manager.token });
  await t.request('POST', `/api/referrals/${id}/close`, {
    token: samSession.token,
    body: {
      outcome: 'ISSUES_RESOLVED',
      reason: 'Tribunal discharged the section',
      version: current.body.version,
    },
  });
  await t.dataSource.query(
    `UPDATE referrals SET closed_at = now() - make_interval(years => $2) WHERE id = $1`,
    [id, yearsAgo],
  );
  return created.body;
}

describe('retention review', () => {
  it('lists cases past their retention period, and not the others', async () => {
    const old = await closedCase(9);
    const recent = await closedCase(3);
    const due = await t.request('GET', '/api/retention/due', { token: admin.token });
    expect(due.status).toBe(200);
    const ids = due.body.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(old.id);
    expect(ids).not.toContain(recent.id);
    expect(due.body.items.find((i: { id: string }) => i.id === old.id)).toMatchObject({
      reference: old.reference,
      retentionYears: 8,
    });
  });

  it('anonymises a due case on an admin’s confirmation: content removed, shape kept, audited', async () => {
    const old = await closedCase(9);
    await t.dataSource.query(
      `UPDATE clients SET age_band = 'AGE_25_34', gender = 'WOMAN', ethnicity = 'MIXED', disability = 'YES' WHERE id = $1`,
      [old.clientId],
    );
    const answer = await t.request('POST', `/api/retention/referrals/${old.id}/anonymise`, {
      token: admin.token,
      body: { reason: 'Retention review: closed over 8 years ago' },
    });
    expect(answer.status).toBe(204);
    const [referral] = await t.dataSource.query(
      'SELECT summary, referrer, closure_reason, status, anonymised_at FROM referrals WHERE id = $1',
      [old.id],
    );
    expect(referral).toMatchObject({ summary: null, referrer: null, status: 'CLOSED' });
    expect(referral.closure_reason).toMatch(/removed/);
    expect(referral.anonymised_at).not.toBeNull();
    const bodies = await t.dataSource.query(
      'SELECT body FROM note_versions WHERE note_id IN (SELECT id FROM case_notes WHERE referral_id = $1)',
      [old.id],
    );
    expect(bodies.length).toBeGreaterThan(0);
    expect(bodies.every((b: { body: string }) => !b.body.includes('Private detail'))).toBe(true);
    const [meeting] = await t.dataSource.query(
      'SELECT location, attendees, outcome FROM meetings WHERE referral_id = $1',
      [old.id],
    );
    expect(meeting).toMatchObject({ attendees: [], outcome: null });
    const [client] = await t.dataSource.query(
      'SELECT first_name, date_of_birth, age_band, gender, ethnicity, disability FROM clients WHERE id = $1',
      [old.clientId],
    );
    expect(client).toEqual({
      first_name: 'Anonymised',
      date_of_birth: null,
      age_band: null,
      gender: null,
      ethnicity: null,
      disability: null,
    });
    const [row] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'referral.anonymise' AND entity_id = $1`,
      [old.id],
    );
    expect(row.details).toEqual({
      reason: 'Retention review: closed over 8 years ago',
      clientAnonymised: true,
    });
    const again = await t.request('POST', `/api/retention/referrals/${old.id}/anonymise`, {
      token: admin.token,
      body: { reason: 'twice over' },
    });
    expect(again.status).toBe(409);
    // Outside anonymisation, history and notes stay append-only.
    await expect(
      t.dataSource.query(
        `UPDATE note_versions SET body = 'x' WHERE note_id IN (SELECT id FROM case_notes WHERE referral_id = $1)`,
        [old.id],
      ),
    ).rejects.toThrow(/append-only/);
  });

  it('refuses a case not yet due (409), a missing reason (400), and anyone but an admin (403)', async () => {
    const recent = await closedCase(3);
    const notDue = await t.request('POST', `/api/retention/referrals/${recent.id}/anonymise`, {
      token: admin.token,
      body: { reason: 'Too early' },
    });
    expect(notDue.status).toBe(409);
    const noReason = await t.request('POST', `/api/retention/referrals/${recent.id}/anonymise`, {
      token: admin.token,
      body: {},
    });
    expect(noReason.status).toBe(400);
    expect((await t.request('GET', '/api/retention/due', { token: manager.token })).status).toBe(403);
    const [referral] = await t.dataSource.query('SELECT anonymised_at FROM referrals WHERE id = $1', [
      recent.id,
    ]);
    expect(referral.anonymised_at).toBeNull();
  });
});
