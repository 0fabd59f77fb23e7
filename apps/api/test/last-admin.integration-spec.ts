import { startTestApp, type TestApp } from './helpers/test-app';

// Its own database: here the admin below is the only one.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

it('refuses to remove the admin role from the last active admin, and changes nothing', async () => {
  const only = await t.createUser(['ADMIN']);
  const session = await t.login(only.email);
  const res = await t.request('PATCH', `/api/users/${only.id}`, {
    token: session.token,
    body: { roles: ['MANAGER'], version: 1 },
  });
  expect(res.status).toBe(422);
  expect(res.body.type).toBe('urn:beacon:problem:last-admin');
  expect((await t.request('GET', `/api/users/${only.id}`, { token: session.token })).body).toMatchObject({
    roles: ['ADMIN'],
    version: 1,
  });
});

it('allows it once another active admin exists', async () => {
  const [first] = await t.dataSource.query(`SELECT id, version FROM users WHERE 'ADMIN' = ANY(roles)`);
  const second = await t.createUser(['ADMIN']);
  const session = await t.login(second.email);
  const res = await t.request('PATCH', `/api/users/${first.id}`, {
    token: session.token,
    body: { roles: ['MANAGER'], version: first.version },
  });
  expect(res.status).toBe(200);
  expect(res.body.roles).toEqual(['MANAGER']);
});
