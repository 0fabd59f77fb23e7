import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

let t: TestApp;
let admin: Session;
let manager: Session;

beforeAll(async () => {
  t = await startTestApp();
  const [a, m] = await Promise.all([
    t.createUser(['ADMIN']),
    t.createUser(['MANAGER'], { displayName: 'Priya Shah' }),
  ]);
  [admin, manager] = await Promise.all([t.login(a.email), t.login(m.email)]);
});
afterAll(() => t.close());

describe('subject access export', () => {
  it('gives an admin everything held about a person, with every note version, and audits it', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const note = await t.request('POST', `/api/referrals/${created.body.id}/notes`, {
      token: manager.token,
      body: { body: 'First version', kind: 'ADMIN' },
    });
    await t.request('POST', `/api/notes/${note.body.id}/amend`, {
      token: manager.token,
      body: { body: 'Second version', reason: 'Typo', version: 1 },
    });
    const answer = await t.request('GET', `/api/clients/${created.body.clientId}/export`, {
      token: admin.token,
      headers: { 'x-access-reason': 'Subject access request SAR-2026-031' },
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const file = answer.body;
    expect(file.client).toMatchObject({
      id: created.body.clientId,
      firstName: 'Alex',
      createdByName: 'Priya Shah',
    });
    expect(file.client.searchName).toBeUndefined();
    expect(file.referrals).toHaveLength(1);
    expect(file.referrals[0]).toMatchObject({
      reference: created.body.reference,
      summary: expect.any(String),
    });
    expect(file.referrals[0].history[0]).toMatchObject({ action: 'RECEIVED', actorIdName: 'Priya Shah' });
    expect(file.referrals[0].notes[0].versions.map((v: { body: string }) => v.body)).toEqual([
      'First version',
      'Second version',
    ]);
    const [row] = await t.dataSource.query(
      `SELECT actor_id FROM audit_events WHERE action = 'client.subject-access-export' AND entity_id = $1`,
      [created.body.clientId],
    );
    expect(row).toBeDefined();
  });

  it('keeps the audit chain whole when exports run alongside other audited requests', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const reason = { 'x-access-reason': 'Subject access request from the person' };
    // Exports read in one REPEATABLE READ snapshot; their audit event must still chain onto the
    // newest event, not the one their snapshot saw.
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        i % 3 === 0
          ? t.request('GET', `/api/clients/${created.body.clientId}/export`, {
              token: admin.token,
              headers: reason,
            })
          : t.request('GET', `/api/referrals/${created.body.id}`, { token: manager.token }),
      ),
    );
    const verified = await t.request('GET', '/api/audit/verify', { token: admin.token });
    expect(verified.body).toMatchObject({ ok: true });
    const [{ forks }] = await t.dataSource.query(
      'SELECT count(*)::int - count(DISTINCT prev_hash)::int AS forks FROM audit_events',
    );
    expect(forks).toBe(0);
  });

  it('is for admins only, and answers 404 for an unknown person', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    expect(
      (await t.request('GET', `/api/clients/${created.body.clientId}/export`, { token: manager.token }))
        .status,
    ).toBe(403);
    expect(
      (
        await t.request('GET', '/api/clients/00000000-0000-4000-8000-000000000000/export', {
          token: admin.token,
          headers: { 'x-access-reason': 'Subject access request SAR-2026-031' },
        })
      ).status,
    ).toBe(404);
  });
});
