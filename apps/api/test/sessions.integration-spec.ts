import { startTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;

beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe('sessions', () => {
  it('lists your sessions, marks this one, and ends another at once', async () => {
    const user = await t.createUser(['ADVOCATE']);
    const laptop = await t.login(user.email, undefined, { 'user-agent': 'Laptop browser' });
    const tablet = await t.login(user.email, undefined, { 'user-agent': 'Ward tablet' });
    const list = await t.request('GET', '/api/auth/sessions', { token: laptop.token });
    expect(list.status).toBe(200);
    expect(list.body.items).toHaveLength(2);
    const current = list.body.items.find((s: { current: boolean }) => s.current);
    const other = list.body.items.find((s: { current: boolean }) => !s.current);
    expect(current.userAgent).toBe('Laptop browser');
    expect(other.userAgent).toBe('Ward tablet');
    expect(
      (await t.request('DELETE', `/api/auth/sessions/${other.id}`, { token: laptop.token })).status,
    ).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: tablet.token })).status).toBe(401);
    expect((await t.request('GET', '/api/auth/me', { token: laptop.token })).status).toBe(200);
    const after = await t.request('GET', '/api/auth/sessions', { token: laptop.token });
    expect(after.body.items.map((s: { id: string }) => s.id)).toEqual([current.id]);
  });

  it('answers 404 for a session that is not yours', async () => {
    const [a, b] = await Promise.all([t.createUser(['ADVOCATE']), t.createUser(['ADVOCATE'])]);
    const sa = await t.login(a.email);
    const sb = await t.login(b.email);
    const bs = await t.request('GET', '/api/auth/sessions', { token: sb.token });
    expect(
      (await t.request('DELETE', `/api/auth/sessions/${bs.body.items[0].id}`, { token: sa.token })).status,
    ).toBe(404);
    expect((await t.request('GET', '/api/auth/me', { token: sb.token })).status).toBe(200);
  });

  it('lets an admin see and end an account’s sessions, audited', async () => {
    const admin = await t.login((await t.createUser(['ADMIN'])).email);
    const user = await t.createUser(['MANAGER']);
    const session = await t.login(user.email);
    const list = await t.request('GET', `/api/users/${user.id}/sessions`, { token: admin.token });
    expect(list.body.items).toHaveLength(1);
    expect(list.body.items[0].current).toBe(false);
    const ended = await t.request('DELETE', `/api/users/${user.id}/sessions/${list.body.items[0].id}`, {
      token: admin.token,
    });
    expect(ended.status).toBe(204);
    expect((await t.request('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    const [row] = await t.dataSource.query(
      `SELECT action, details FROM audit_events WHERE action = 'auth.session.revoke' AND entity_id = $1`,
      [user.id],
    );
    expect(row.details.sessionId).toBe(list.body.items[0].id);
  });
});

describe('inactivity', () => {
  it('gives each refresh token the idle limit (30 minutes), never past the 12-hour end', async () => {
    const user = await t.createUser(['ADVOCATE']);
    const session = await t.login(user.email);
    const [row] = await t.dataSource.query(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS seconds FROM refresh_tokens WHERE user_id = $1`,
      [user.id],
    );
    expect(row.seconds).toBeGreaterThanOrEqual(30 * 60 - 5);
    expect(row.seconds).toBeLessThanOrEqual(30 * 60 + 5);
    expect((await t.request('GET', '/api/auth/me', { token: session.token })).status).toBe(200);
  });

  it('ends a session left idle: neither its access token nor its refresh token works', async () => {
    const user = await t.createUser(['ADVOCATE']);
    const session = await t.login(user.email);
    // Thirty minutes pass without a refresh.
    await t.dataSource.query(
      `UPDATE refresh_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    expect((await t.request('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
    const refreshed = await t.request('POST', '/api/auth/refresh', {
      cookie: session.cookie,
      headers: { origin: t.baseUrl },
    });
    expect(refreshed.status).toBe(401);
  });

  it('keeps an active session going: a refresh starts a new idle period within the absolute end', async () => {
    const user = await t.createUser(['ADVOCATE']);
    const session = await t.login(user.email);
    await t.dataSource.query(
      `UPDATE refresh_tokens SET created_at = now() - interval '11 hours 50 minutes' WHERE user_id = $1`,
      [user.id],
    );
    const refreshed = await t.request('POST', '/api/auth/refresh', {
      cookie: session.cookie,
      headers: { origin: t.baseUrl },
    });
    expect(refreshed.status).toBe(200);
    const [latest] = await t.dataSource.query(
      `SELECT extract(epoch FROM expires_at - now())::int AS left FROM refresh_tokens
        WHERE user_id = $1 AND used_at IS NULL ORDER BY created_at DESC LIMIT 1`,
      [user.id],
    );
    // Ten minutes were left of the twelve hours: the idle period is cut to them.
    expect(latest.left).toBeGreaterThan(9 * 60);
    expect(latest.left).toBeLessThanOrEqual(10 * 60);
  });
});
