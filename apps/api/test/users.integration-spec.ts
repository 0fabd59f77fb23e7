import { startTestApp, type HttpAnswer, type Session, type TestApp, type TestUser } from './helpers/test-app';

let t: TestApp;
let admin: TestUser;
let adminSession: Session;
let managerSession: Session;
let advocateSession: Session;

beforeAll(async () => {
  t = await startTestApp();
  admin = await t.createUser(['ADMIN'], { email: 'admin@example.org' });
  const manager = await t.createUser(['MANAGER']);
  const advocate = await t.createUser(['ADVOCATE']);
  [adminSession, managerSession, advocateSession] = await Promise.all([
    t.login(admin.email),
    t.login(manager.email),
    t.login(advocate.email),
  ]);
});
afterAll(() => t.close());

const newUser = (overrides: Record<string, unknown> = {}) => ({
  email: `new-${Math.random().toString(36).slice(2, 8)}@example.org`,
  displayName: 'Robin Lee',
  roles: ['ADVOCATE'],
  password: 'a long enough passphrase',
  ...overrides,
});

const auditFor = (id: string) =>
  t.dataSource.query(
    `SELECT action, actor_id, details FROM audit_events WHERE entity_id = $1 AND action LIKE 'user.%' ORDER BY seq`,
    [id],
  ) as Promise<{ action: string; actor_id: string | null; details: Record<string, any> }[]>;

describe('who may manage accounts', () => {
  it.each([
    ['GET', '/api/users'],
    ['POST', '/api/users'],
    ['GET', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['PATCH', '/api/users/00000000-0000-4000-8000-000000000000'],
    ['POST', '/api/users/00000000-0000-4000-8000-000000000000/deactivate'],
    ['POST', '/api/users/00000000-0000-4000-8000-000000000000/reactivate'],
  ])('%s %s: 401 anonymous, 403 for advocates and managers', async (method, path) => {
    expect((await t.request(method, path, { body: {} })).status).toBe(401);
    expect((await t.request(method, path, { token: advocateSession.token, body: {} })).status).toBe(403);
    expect((await t.request(method, path, { token: managerSession.token, body: {} })).status).toBe(403);
  });
});

describe('POST /api/users', () => {
  it('creates an account that can sign in, and audits who created it', async () => {
    const body = newUser({ email: '  Robin.Lee@Example.org ' });
    const res = await t.request('POST', '/api/users', { token: adminSession.token, body });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      email: 'robin.lee@example.org',
      displayName: 'Robin Lee',
      mfaEnabled: false,
      temporaryPasswordUntil: expect.any(String),
      roles: ['ADVOCATE'],
      active: true,
      version: 1,
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
    });
    expect(res.body).not.toHaveProperty('passwordHash');
    await t.login('robin.lee@example.org', body.password as string);
    expect(await auditFor(res.body.id)).toEqual([
      {
        action: 'user.create',
        actor_id: admin.id,
        details: { email: 'robin.lee@example.org', roles: ['ADVOCATE'] },
      },
    ]);
  });

  it('refuses a duplicate email whatever its case with 409 naming the field, and changes nothing', async () => {
    const before = await t.dataSource.query('SELECT count(*)::int AS n FROM users');
    const res = await t.request('POST', '/api/users', {
      token: adminSession.token,
      body: newUser({ email: 'ADMIN@example.org' }),
    });
    expect(res.status).toBe(409);
    expect(res.body.errors).toEqual([{ field: 'email', message: 'is already used by another account' }]);
    expect(await t.dataSource.query('SELECT count(*)::int AS n FROM users')).toEqual(before);
  });

  it('lists every invalid field', async () => {
    const res = await t.request('POST', '/api/users', {
      token: adminSession.token,
      body: {
        email: 'not-an-email',
        displayName: '',
        roles: ['SUPERUSER'],
        password: 'short',
        isAdmin: true,
      },
    });
    expect(res.status).toBe(400);
    const byField = Object.fromEntries(
      (res.body.errors as { field: string; message: string }[]).map((e) => [e.field, e.message]),
    );
    expect(Object.keys(byField).sort()).toEqual(['displayName', 'email', 'isAdmin', 'roles']);
    expect(byField.email).toBe('must be an email address');
    expect(byField.isAdmin).toBe('is not an accepted field');
  });

  it('applies the password policy with a field error', async () => {
    const res = await t.request('POST', '/api/users', {
      token: adminSession.token,
      body: newUser({ password: 'eleven char' }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'password', message: 'must be at least 12 characters' }]);
  });

  it('refuses an empty role list', async () => {
    const res = await t.request('POST', '/api/users', {
      token: adminSession.token,
      body: newUser({ roles: [] }),
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([{ field: 'roles', message: 'must include at least one role' }]);
  });
});

describe('PATCH /api/users/:id', () => {
  it('changes roles with the current version, bumps the version, takes effect on the next request and audits the change', async () => {
    const created = (await t.request('POST', '/api/users', { token: adminSession.token, body: newUser() }))
      .body;
    const session = await t.login(created.email, 'a long enough passphrase');
    expect((await t.request('GET', '/api/users', { token: session.token })).status).toBe(403);
    const res = await t.request('PATCH', `/api/users/${created.id}`, {
      token: adminSession.token,
      body: { roles: ['ADVOCATE', 'ADMIN'], version: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ roles: ['ADVOCATE', 'ADMIN'], version: 2 });
    // The new role holds at once. The account still has the password the admin gave, so it must
    // replace that first, and then, as an admin, set up two-step verification.
    expect((await t.request('GET', '/api/auth/me', { token: session.token })).body.roles).toEqual([
      'ADVOCATE',
      'ADMIN',
    ]);
    const next = await t.request('GET', '/api/users', { token: session.token });
    expect(next.status).toBe(403);
    expect(next.body.type).toBe('urn:beacon:problem:password-change-required');
    await t.request('POST', '/api/auth/password', {
      token: session.token,
      body: { currentPassword: 'a long enough passphrase', newPassword: 'walnut kettle lighthouse' },
    });
    const then = await t.request('GET', '/api/users', { token: session.token });
    expect(then.body.type).toBe('urn:beacon:problem:mfa-enrolment-required');
    const events = await auditFor(created.id);
    expect(events[events.length - 1]).toEqual({
      action: 'user.update',
      actor_id: admin.id,
      details: { changes: { roles: { from: ['ADVOCATE'], to: ['ADVOCATE', 'ADMIN'] } } },
    });
  });

  it('answers a stale version with 409 and changes nothing', async () => {
    const created = (await t.request('POST', '/api/users', { token: adminSession.token, body: newUser() }))
      .body;
    await t.request('PATCH', `/api/users/${created.id}`, {
      token: adminSession.token,
      body: { displayName: 'First edit', version: 1 },
    });
    const stale = await t.request('PATCH', `/api/users/${created.id}`, {
      token: adminSession.token,
      body: { displayName: 'Second edit', version: 1 },
    });
    expect(stale.status).toBe(409);
    const current = await t.request('GET', `/api/users/${created.id}`, { token: adminSession.token });
    expect(current.body).toMatchObject({ displayName: 'First edit', version: 2 });
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    const unknown = await t.request('PATCH', '/api/users/5b0e5f3c-1111-4222-8333-444455556666', {
      token: adminSession.token,
      body: { version: 1 },
    });
    expect(unknown.status).toBe(404);
    const malformed = await t.request('PATCH', '/api/users/42', {
      token: adminSession.token,
      body: { version: 1 },
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors).toEqual([{ field: 'id', message: 'must be a UUID' }]);
  });
});

describe('deactivation', () => {
  it('ends all of the user’s sessions at once and audits it', async () => {
    const created = (await t.request('POST', '/api/users', { token: adminSession.token, body: newUser() }))
      .body;
    const tablet = await t.login(created.email, 'a long enough passphrase');
    const laptop = await t.login(created.email, 'a long enough passphrase');
    const res = await t.request('POST', `/api/users/${created.id}/deactivate`, {
      token: adminSession.token,
      body: { version: 1 },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ active: false, version: 2 });
    for (const session of [tablet, laptop]) {
      expect((await t.request('GET', '/api/auth/me', { token: session.token })).status).toBe(401);
      expect((await t.request('POST', '/api/auth/refresh', { cookie: session.cookie })).status).toBe(401);
    }
    expect(
      (
        await t.request('POST', '/api/auth/login', {
          body: { email: created.email, password: 'a long enough passphrase' },
        })
      ).status,
    ).toBe(401);
    const events = await auditFor(created.id);
    expect(events.find((e) => e.action === 'user.deactivate')).toEqual({
      action: 'user.deactivate',
      actor_id: admin.id,
      details: { sessionsRevoked: 2 },
    });

    const back = await t.request('POST', `/api/users/${created.id}/reactivate`, {
      token: adminSession.token,
      body: { version: 2 },
    });
    expect(back.body).toMatchObject({ active: true, version: 3 });
    await t.login(created.email, 'a long enough passphrase');
  });

  it('refuses an admin deactivating their own account', async () => {
    const me = await t.request('GET', `/api/users/${admin.id}`, { token: adminSession.token });
    const res = await t.request('POST', `/api/users/${admin.id}/deactivate`, {
      token: adminSession.token,
      body: { version: me.body.version },
    });
    expect(res.status).toBe(422);
    expect(res.body.type).toBe('urn:beacon:problem:self-deactivation');
  });

  it('requires the version', async () => {
    const res = await t.request('POST', `/api/users/${admin.id}/deactivate`, {
      token: adminSession.token,
      body: {},
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['version']);
  });
});

describe('GET /api/users', () => {
  it('pages through every account with keyset cursors, no duplicates and no gaps', async () => {
    for (let i = 0; i < 7; i++) await t.createUser(['ADVOCATE']);
    const total = (await t.dataSource.query('SELECT count(*)::int AS n FROM users'))[0].n as number;
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: HttpAnswer = await t.request(
        'GET',
        `/api/users?limit=3${cursor ? `&cursor=${cursor}` : ''}`,
        { token: adminSession.token },
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      seen.push(...res.body.items.map((u: { id: string }) => u.id));
      cursor = res.body.nextCursor;
      pages += 1;
    } while (cursor && pages < 50);
    expect(seen.length).toBe(total);
    expect(new Set(seen).size).toBe(total);
  });

  it('filters by text, role and active', async () => {
    await t.createUser(['MANAGER'], { displayName: 'Quentin Filterby' });
    const byName = await t.request('GET', '/api/users?q=filterby', { token: adminSession.token });
    expect(byName.body.items.map((u: { displayName: string }) => u.displayName)).toEqual([
      'Quentin Filterby',
    ]);
    const managers = await t.request('GET', '/api/users?role=MANAGER&active=true', {
      token: adminSession.token,
    });
    expect(managers.body.items.length).toBeGreaterThan(0);
    for (const u of managers.body.items) {
      expect(u.roles).toContain('MANAGER');
      expect(u.active).toBe(true);
    }
  });

  it('refuses a bad limit, role or cursor with field errors', async () => {
    const res = await t.request('GET', '/api/users?limit=500&role=KING', { token: adminSession.token });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'role']);
    const cursor = await t.request('GET', '/api/users?cursor=bm90LWEtY3Vyc29y', {
      token: adminSession.token,
    });
    expect(cursor.status).toBe(400);
    expect(cursor.body.errors).toEqual([{ field: 'cursor', message: 'is not a cursor this list gave out' }]);
  });
});
