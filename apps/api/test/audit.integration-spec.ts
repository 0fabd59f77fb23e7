import { AuditService } from '../src/audit/audit.service';
import { chainHash } from '../src/audit/audit-chain';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

let t: TestApp;
let adminSession: Session;
beforeAll(async () => {
  t = await startTestApp();
  const admin = await t.createUser(['ADMIN']);
  adminSession = await t.login(admin.email);
});
afterAll(() => t.close());

describe('GET /api/audit/verify', () => {
  it('verifies the chain after activity', async () => {
    await t.request('POST', '/api/users', {
      token: adminSession.token,
      body: {
        email: 'chain@example.org',
        displayName: 'Chain',
        roles: ['MANAGER'],
        password: 'a long enough passphrase',
      },
    });
    const res = await t.request('GET', '/api/audit/verify', { token: adminSession.token });
    expect(res.status).toBe(200);
    const [{ n }] = await t.dataSource.query('SELECT count(*)::int AS n FROM audit_events');
    expect(res.body).toEqual({ ok: true, checked: n });
  });

  it('is for admins only', async () => {
    const manager = await t.createUser(['MANAGER']);
    const session = await t.login(manager.email);
    expect((await t.request('GET', '/api/audit/verify', { token: session.token })).status).toBe(403);
    expect((await t.request('GET', '/api/audit', { token: session.token })).status).toBe(403);
  });
});

describe('the chain under concurrency', () => {
  it('never forks: 30 writers at once leave one unbroken chain', async () => {
    const audit = t.app.get(AuditService);
    await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        t.dataSource.transaction((manager) =>
          audit.record(
            manager,
            { actorId: null, ip: '127.0.0.1', requestId: `race-${i}` },
            { action: 'test.race', entityType: 'test', entityId: String(i) },
          ),
        ),
      ),
    );
    const [{ forks }] = await t.dataSource.query(
      'SELECT count(*) - count(DISTINCT prev_hash) AS forks FROM audit_events',
    );
    expect(Number(forks)).toBe(0);
    expect((await audit.verify()).ok).toBe(true);
  });

  it('never forks: 40 reads audited on their own, racing 20 writers, leave one unbroken chain', async () => {
    const audit = t.app.get(AuditService);
    const ctx = (i: number) => ({ actorId: null, ip: '127.0.0.1', requestId: `mixed-${i}` });
    const before = Number((await t.dataSource.query('SELECT count(*) AS n FROM audit_events'))[0].n);
    await Promise.all([
      ...Array.from({ length: 40 }, (_, i) =>
        audit.recordAlone(ctx(i), { action: 'test.read', entityType: 'test', entityId: String(i) }),
      ),
      ...Array.from({ length: 20 }, (_, i) =>
        t.dataSource.transaction((manager) =>
          audit.record(manager, ctx(100 + i), { action: 'test.write', entityType: 'test' }),
        ),
      ),
    ]);
    const [{ n, forks }] = await t.dataSource.query(
      'SELECT count(*)::int AS n, count(*) - count(DISTINCT prev_hash) AS forks FROM audit_events',
    );
    expect(n).toBe(before + 60);
    expect(Number(forks)).toBe(0);
    expect(await audit.verify()).toEqual({ ok: true, checked: n });
  });

  it('chains in the database with the formula verify() checks: SHA-256(prev ‖ "\\n" ‖ canonical row)', async () => {
    const audit = t.app.get(AuditService);
    await audit.recordAlone(
      { actorId: null, ip: '10.0.0.1', requestId: 'formula', accessReason: 'Ünïcode reason' },
      { action: 'test.formula', entityType: 'test', entityId: 'x', details: { b: [1, 'two'], a: null } },
    );
    const [row] = await t.dataSource.query(
      `SELECT id, at, actor_id, action, entity_type, entity_id, ip, request_id, details, prev_hash, hash
         FROM audit_events ORDER BY seq DESC LIMIT 1`,
    );
    const [previous] = await t.dataSource.query(
      'SELECT hash FROM audit_events ORDER BY seq DESC OFFSET 1 LIMIT 1',
    );
    expect(row.prev_hash).toBe(previous.hash);
    expect(row.hash).toBe(
      chainHash(row.prev_hash, {
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        action: row.action,
        entityType: row.entity_type,
        entityId: row.entity_id,
        ip: row.ip,
        requestId: row.request_id,
        details: row.details,
      }),
    );
    expect(row.details).toEqual({ a: null, b: [1, 'two'], accessReason: 'Ünïcode reason' });
  });

  it('refuses to append inside a REPEATABLE READ transaction, whose snapshot could fork the chain', async () => {
    const audit = t.app.get(AuditService);
    await expect(
      t.dataSource.transaction('REPEATABLE READ', (manager) =>
        audit.record(manager, { actorId: null, ip: null, requestId: null }, { action: 'x', entityType: 'y' }),
      ),
    ).rejects.toThrow(/must run in a READ COMMITTED transaction/);
  });

  it('refuses to record outside a transaction', async () => {
    const audit = t.app.get(AuditService);
    await expect(
      audit.record(
        t.dataSource.manager,
        { actorId: null, ip: null, requestId: null },
        { action: 'x', entityType: 'y' },
      ),
    ).rejects.toThrow(/inside the transaction/);
  });
});

describe('append-only in the database', () => {
  const count = () => t.ownerQuery('SELECT count(*)::int AS n FROM audit_events');
  it.each([
    ['UPDATE', `UPDATE audit_events SET action = 'tampered'`],
    ['DELETE', 'DELETE FROM audit_events'],
    ['TRUNCATE', 'TRUNCATE audit_events'],
  ])('refuses %s to the app, whose role has no such privilege, and to the owner', async (_op, sql) => {
    const before = await count();
    await expect(t.dataSource.query(sql)).rejects.toThrow(/permission denied for table audit_events/);
    await expect(t.ownerQuery(sql)).rejects.toThrow(/append-only/);
    expect(await count()).toEqual(before);
  });

  it('gives the app no way to switch the guard off or change the schema', async () => {
    await expect(
      t.dataSource.query('ALTER TABLE audit_events DISABLE TRIGGER audit_events_no_update_delete'),
    ).rejects.toThrow(/must be owner/);
    await expect(t.dataSource.query('CREATE TABLE escape (id int)')).rejects.toThrow(/permission denied/);
    await expect(t.dataSource.query('DROP TABLE referrals')).rejects.toThrow(/must be owner/);
    await expect(t.dataSource.query(`DELETE FROM migrations`)).rejects.toThrow(/permission denied/);
    const [{ current_user }] = await t.dataSource.query('SELECT current_user');
    expect(current_user).toBe('beacon_api');
  });
});

describe('GET /api/audit', () => {
  it('lists newest first, filters by entity and actor, and pages with a cursor', async () => {
    const admin2 = await t.createUser(['ADMIN']);
    const session = await t.login(admin2.email);
    const subject = (
      await t.request('POST', '/api/users', {
        token: session.token,
        body: {
          email: 'audited@example.org',
          displayName: 'Audited',
          roles: ['ADVOCATE'],
          password: 'a long enough passphrase',
        },
      })
    ).body;
    await t.request('PATCH', `/api/users/${subject.id}`, {
      token: session.token,
      body: { displayName: 'Audited Again', version: 1 },
    });
    const res = await t.request('GET', `/api/audit?entityType=user&entityId=${subject.id}&limit=1`, {
      token: adminSession.token,
    });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(1);
    expect(res.body.items[0]).toMatchObject({
      action: 'user.update',
      actorId: admin2.id,
      entityId: subject.id,
      ip: expect.any(String),
    });
    expect(res.body.items[0].hash).toMatch(/^[0-9a-f]{64}$/);
    const next = await t.request(
      'GET',
      `/api/audit?entityType=user&entityId=${subject.id}&limit=1&cursor=${res.body.nextCursor}`,
      {
        token: adminSession.token,
      },
    );
    expect(next.body.items.map((e: { action: string }) => e.action)).toEqual(['user.create']);
    expect(next.body.nextCursor).toBeNull();
    const byActor = await t.request('GET', `/api/audit?actorId=${admin2.id}`, { token: adminSession.token });
    expect(byActor.body.items.every((e: { actorId: string }) => e.actorId === admin2.id)).toBe(true);
  });

  it('refuses malformed filters with field errors', async () => {
    const res = await t.request('GET', '/api/audit?from=yesterday&actorId=bob', {
      token: adminSession.token,
    });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['actorId', 'from']);
  });
});
