import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

let t: TestApp;
let admin: Session;
let manager: Session;

beforeAll(async () => {
  t = await startTestApp();
  const [a, m] = await Promise.all([t.createUser(['ADMIN']), t.createUser(['MANAGER'])]);
  [admin, manager] = await Promise.all([t.login(a.email), t.login(m.email)]);
});
afterAll(() => t.close());

describe('searching the audit trail by person', () => {
  it('finds every event about a person: their records, their notes, and lists that showed them', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const other = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const note = await t.request('POST', `/api/referrals/${created.body.id}/notes`, {
      token: manager.token,
      body: { body: 'Note', kind: 'ADMIN' },
    });
    await t.request('GET', `/api/referrals?q=${encodeURIComponent(created.body.reference)}`, {
      token: manager.token,
    });
    const answer = await t.request('GET', `/api/audit?clientId=${created.body.clientId}&limit=200`, {
      token: admin.token,
    });
    expect(answer.status).toBe(200);
    const events = answer.body.items.map((e: { action: string; entityId: string | null }) =>
      `${e.action} ${e.entityId ?? ''}`.trim(),
    );
    expect(events).toEqual(
      expect.arrayContaining([
        `client.create ${created.body.clientId}`,
        `referral.create ${created.body.id}`,
        `note.create ${note.body.id}`,
        'referral.list',
      ]),
    );
    expect(events.some((e: string) => e.includes(other.body.id) || e.includes(other.body.clientId))).toBe(
      false,
    );
  });

  it('exports the filtered trail as CSV, defusing spreadsheet formulas, and audits the export', async () => {
    const from = new Date(Date.now() - 1000).toISOString();
    await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const answer = await t.request('GET', `/api/audit/export.csv?from=${encodeURIComponent(from)}`, {
      token: admin.token,
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/csv');
    expect(answer.headers.get('content-disposition')).toContain('attachment');
    const lines = answer.text.trim().split('\r\n');
    expect(lines[0]).toBe('seq,at,actorId,action,entityType,entityId,ip,requestId,details,prevHash,hash');
    expect(lines.some((l) => l.includes(',referral.create,'))).toBe(true);
    const [row] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'audit.export' ORDER BY seq DESC LIMIT 1`,
    );
    expect(row.details.rows).toBe(lines.length - 1);
  });

  it('refuses a malformed filter, each field named', async () => {
    const answer = await t.request('GET', '/api/audit/export.csv?clientId=nope&from=yesterday', {
      token: admin.token,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['clientId', 'from']);
  });
});
