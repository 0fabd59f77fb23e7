import { PASSWORD, startTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const change = (token: string, body: unknown) => t.request('POST', '/api/auth/password', { token, body });

describe('POST /api/auth/password', () => {
  it('changes the password, keeps this session and ends the others', async () => {
    const user = await t.createUser(['ADVOCATE']);
    const here = await t.login(user.email);
    const elsewhere = await t.login(user.email);
    const answer = await change(here.token, {
      currentPassword: PASSWORD,
      newPassword: 'walnut kettle lighthouse',
    });
    expect(answer.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: here.token })).status).toBe(200);
    expect((await t.request('GET', '/api/auth/me', { token: elsewhere.token })).status).toBe(401);
    expect(
      (await t.request('POST', '/api/auth/login', { body: { email: user.email, password: PASSWORD } }))
        .status,
    ).toBe(401);
    await t.login(user.email, 'walnut kettle lighthouse');
    const [row] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'auth.password.change' AND entity_id = $1`,
      [user.id],
    );
    expect(row.details).toEqual({ otherSessionsEnded: 1 });
    expect(JSON.stringify(row)).not.toContain('walnut');
  });

  it('refuses a wrong current password, a short or common new one, and the same one again', async () => {
    const user = await t.createUser(['MANAGER']);
    const session = await t.login(user.email);
    const wrong = await change(session.token, {
      currentPassword: 'nope',
      newPassword: 'walnut kettle lighthouse',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors.map((e: { field: string }) => e.field)).toEqual(['currentPassword']);
    for (const newPassword of ['short', 'Password1234', PASSWORD]) {
      const answer = await change(session.token, { currentPassword: PASSWORD, newPassword });
      expect(answer.status).toBe(400);
      expect(answer.body.errors[0].field).toBe('newPassword');
    }
    await t.login(user.email, PASSWORD);
  });

  it('also refuses a common password when an admin creates an account', async () => {
    const admin = await t.login((await t.createUser(['ADMIN'])).email);
    const answer = await t.request('POST', '/api/users', {
      token: admin.token,
      body: {
        email: 'common@example.org',
        displayName: 'Common',
        roles: ['ADVOCATE'],
        password: 'qwertyuiop123',
      },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0]).toMatchObject({ field: 'password' });
    expect(answer.body.errors[0].message).toMatch(/most common/);
  });
});
