import { PASSWORD, startTestApp, type Session, type TestApp } from './helpers/test-app';

let t: TestApp;
let admin: Session;
let adminId: string;
beforeAll(async () => {
  t = await startTestApp();
  const account = await t.createUser(['ADMIN']);
  adminId = account.id;
  admin = await t.login(account.email);
});
afterAll(() => t.close());

const type = (answer: { body: { type?: string } }) => answer.body.type?.split(':').pop();
const signIn = (email: string, password: string) =>
  t.request('POST', '/api/auth/login', { body: { email, password } });

describe('a password an admin gives is temporary', () => {
  it('must be replaced at first sign-in before anything else', async () => {
    const created = await t.request('POST', '/api/users', {
      token: admin.token,
      body: {
        email: 'new.starter@example.org',
        displayName: 'New Starter',
        roles: ['ADVOCATE'],
        password: 'a long enough passphrase',
      },
    });
    const until = Date.parse(created.body.temporaryPasswordUntil);
    expect(until - Date.now()).toBeGreaterThan(71 * 3_600_000);
    expect(until - Date.now()).toBeLessThanOrEqual(72 * 3_600_000);

    const login = await signIn('new.starter@example.org', 'a long enough passphrase');
    expect(login.status).toBe(200);
    expect(login.body.user.passwordChangeRequired).toBe(true);
    const token = login.body.accessToken;
    const blocked = await t.request('GET', '/api/referrals', { token });
    expect(blocked.status).toBe(403);
    expect(type(blocked)).toBe('password-change-required');
    expect((await t.request('GET', '/api/auth/me', { token })).body.passwordChangeRequired).toBe(true);

    const changed = await t.request('POST', '/api/auth/password', {
      token,
      body: { currentPassword: 'a long enough passphrase', newPassword: 'walnut kettle lighthouse' },
    });
    expect(changed.status).toBe(204);
    expect((await t.request('GET', '/api/referrals', { token })).status).toBe(200);
    const account = await t.request('GET', `/api/users/${created.body.id}`, { token: admin.token });
    expect(account.body.temporaryPasswordUntil).toBeNull();
  });

  it('stops signing in once its time is up, saying so only to someone who knows it', async () => {
    const user = await t.createUser(['ADVOCATE']);
    await t.ownerQuery(
      `UPDATE users SET temporary_password_until = now() - interval '1 minute' WHERE id = $1`,
      [user.id],
    );
    const expired = await signIn(user.email, PASSWORD);
    expect(expired.status).toBe(401);
    expect(type(expired)).toBe('temporary-password-expired');
    const wrong = await signIn(user.email, 'not the password');
    expect(type(wrong)).toBe('invalid-credentials');
    const [row] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'auth.login.failure' AND entity_id = $1 ORDER BY seq LIMIT 1`,
      [user.id],
    );
    expect(row.details.reason).toBe('temporary-password-expired');
  });
});

describe('POST /api/users/:id/reset-password', () => {
  it('gives a new temporary password once, ends every session, and audits it without the password', async () => {
    const user = await t.createUser(['ADVOCATE']);
    const tablet = await t.login(user.email);
    const reset = await t.request('POST', `/api/users/${user.id}/reset-password`, { token: admin.token });
    expect(reset.status).toBe(200);
    expect(reset.headers.get('cache-control')).toBe('no-store');
    expect(reset.body.temporaryPassword).toMatch(/^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){3}$/);
    expect(Date.parse(reset.body.validUntil)).toBeGreaterThan(Date.now());

    expect((await t.request('GET', '/api/auth/me', { token: tablet.token })).status).toBe(401);
    expect((await signIn(user.email, PASSWORD)).status).toBe(401);
    const login = await signIn(user.email, reset.body.temporaryPassword);
    expect(login.status).toBe(200);
    expect(login.body.user.passwordChangeRequired).toBe(true);

    const [event] = await t.dataSource.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'user.password.reset' AND entity_id = $1`,
      [user.id],
    );
    expect(event.actor_id).toBe(adminId);
    expect(event.details).toEqual({ sessionsRevoked: 1, validUntil: reset.body.validUntil });
    expect(JSON.stringify(event)).not.toContain(reset.body.temporaryPassword);
  });

  it('refuses one’s own account, an unknown one, and non-admins', async () => {
    const own = await t.request('POST', `/api/users/${adminId}/reset-password`, { token: admin.token });
    expect(own.status).toBe(422);
    expect(type(own)).toBe('self-reset');
    const unknown = await t.request(
      'POST',
      '/api/users/00000000-0000-4000-8000-000000000000/reset-password',
      {
        token: admin.token,
      },
    );
    expect(unknown.status).toBe(404);
    const manager = await t.login((await t.createUser(['MANAGER'])).email);
    const target = await t.createUser(['ADVOCATE']);
    const refused = await t.request('POST', `/api/users/${target.id}/reset-password`, {
      token: manager.token,
    });
    expect(refused.status).toBe(403);
    expect((await signIn(target.email, PASSWORD)).status).toBe(200);
  });
});
