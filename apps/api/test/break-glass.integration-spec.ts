import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

let t: TestApp;
let admin: Session;
let managerAdmin: Session;
let manager: Session;

beforeAll(async () => {
  t = await startTestApp();
  const [a, ma, m] = await Promise.all([
    t.createUser(['ADMIN']),
    t.createUser(['ADMIN', 'MANAGER']),
    t.createUser(['MANAGER']),
  ]);
  [admin, managerAdmin, manager] = await Promise.all([t.login(a.email), t.login(ma.email), t.login(m.email)]);
});
afterAll(() => t.close());

describe('break glass: an admin opening case content', () => {
  it('needs a reason (428 without one), and the reason is kept with the audited read', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const path = `/api/referrals/${created.body.id}`;
    const refused = await t.request('GET', path, { token: admin.token });
    expect(refused.status).toBe(428);
    expect(refused.body.type).toBe('urn:beacon:problem:access-reason-required');
    const tooShort = await t.request('GET', path, {
      token: admin.token,
      headers: { 'x-access-reason': 'x' },
    });
    expect(tooShort.status).toBe(428);
    const allowed = await t.request('GET', path, {
      token: admin.token,
      headers: { 'x-access-reason': 'Complaint CR-114 from the client: checking the record' },
    });
    expect(allowed.status).toBe(200);
    const [row] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'referral.read' AND entity_id = $1`,
      [created.body.id],
    );
    expect(row.details.accessReason).toBe('Complaint CR-114 from the client: checking the record');
  });

  it('does not apply to admins who also do casework, or to the audit trail itself', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    expect(
      (await t.request('GET', `/api/referrals/${created.body.id}`, { token: managerAdmin.token })).status,
    ).toBe(200);
    expect((await t.request('GET', '/api/audit?limit=1', { token: admin.token })).status).toBe(200);
    expect((await t.request('GET', '/api/referrals/counts', { token: admin.token })).status).toBe(200);
  });
});
