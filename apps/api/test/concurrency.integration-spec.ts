import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

let t: TestApp;
let manager: Session;
let advocates: TestUser[];

beforeAll(async () => {
  t = await startTestApp({ DATABASE_POOL_SIZE: '10' });
  const m = await t.createUser(['MANAGER']);
  advocates = await Promise.all([t.createUser(['ADVOCATE']), t.createUser(['ADVOCATE'])]);
  manager = await t.login(m.email);
});
afterAll(() => t.close());

describe('racing versioned updates', () => {
  it('lets exactly one of 100 simultaneous updates of one version win; the rest get 409 and change nothing', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const accepted = await t.request('POST', `/api/referrals/${created.body.id}/triage`, {
      token: manager.token,
      body: { decision: 'ACCEPT', version: 1 },
    });
    const version = accepted.body.version;
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.request('POST', `/api/referrals/${created.body.id}/allocate`, {
          token: manager.token,
          body: { advocateId: advocates[i % 2].id, reason: `attempt ${i}`, version },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const winner = answers.find((a) => a.status === 200)!;

    const after = await t.request('GET', `/api/referrals/${created.body.id}`, { token: manager.token });
    expect(after.body.version).toBe(version + 1);
    expect(after.body.allocatedAdvocateId).toBe(winner.body.allocatedAdvocateId);
    const allocations = after.body.history.filter((h: { action: string }) => h.action === 'ALLOCATE');
    expect(allocations).toHaveLength(1);
    expect(allocations[0].reason).toBe(winner.body.history.at(-1).reason);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM audit_events WHERE entity_id = $1 AND action = 'referral.allocate'`,
      [created.body.id],
    );
    expect(count).toBe(1);
  });

  it('lets exactly one of 100 simultaneous note amendments win', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const note = await t.request('POST', `/api/referrals/${created.body.id}/notes`, {
      token: manager.token,
      body: { body: 'Original', kind: 'ADMIN' },
    });
    const answers = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        t.request('POST', `/api/notes/${note.body.id}/amend`, {
          token: manager.token,
          body: { body: `Amendment ${i}`, reason: 'race', version: 1 },
        }),
      ),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(99);
    const versions = await t.dataSource.query(
      'SELECT version FROM note_versions WHERE note_id = $1 ORDER BY version',
      [note.body.id],
    );
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);
  });
});
