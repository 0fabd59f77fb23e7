import { startTestApp, type Session, type TestApp } from './helpers/test-app';

// Someone with the owner's rights (not the app's) switches the trigger off and edits history:
// verification must notice.
let t: TestApp;
let session: Session;
beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.createUser(['ADMIN']);
  await t.createUser(['ADVOCATE']);
  await t.createUser(['MANAGER']);
  session = await t.login(admin.email);
});
afterAll(() => t.close());

async function behindTheAppsBack(sql: string, params: unknown[]) {
  await t.ownerQuery('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete');
  try {
    await t.ownerQuery(sql, params);
  } finally {
    await t.ownerQuery('ALTER TABLE audit_events ENABLE TRIGGER audit_events_no_update_delete');
  }
}

const verify = async () => (await t.request('GET', '/api/audit/verify', { token: session.token })).body;

it('starts from an intact chain', async () => {
  expect(await verify()).toMatchObject({ ok: true });
});

it('detects an altered row and names it', async () => {
  const [victim] = await t.dataSource.query(
    `SELECT id, details FROM audit_events ORDER BY seq LIMIT 1 OFFSET 1`,
  );
  await behindTheAppsBack(
    `UPDATE audit_events SET details = '{"email":"innocent@example.org"}' WHERE id = $1`,
    [victim.id],
  );
  expect(await verify()).toEqual({ ok: false, checked: 1, firstBrokenId: victim.id });
  await behindTheAppsBack('UPDATE audit_events SET details = $2 WHERE id = $1', [
    victim.id,
    JSON.stringify(victim.details),
  ]);
  expect(await verify()).toMatchObject({ ok: true });
});

it('detects a deleted row by its successor', async () => {
  const rows = await t.dataSource.query('SELECT id FROM audit_events ORDER BY seq');
  await behindTheAppsBack('DELETE FROM audit_events WHERE id = $1', [rows[1].id]);
  expect(await verify()).toEqual({ ok: false, checked: 1, firstBrokenId: rows[2].id });
});
