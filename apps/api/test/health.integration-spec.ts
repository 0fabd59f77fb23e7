import { MIGRATIONS } from '@beacon/migrations';
import { EXPECTED_MIGRATIONS } from '../src/health/health.service';
import { Lifecycle } from '../src/health/lifecycle';
import { admin, startTestApp, type TestApp } from './helpers/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const latest = EXPECTED_MIGRATIONS[EXPECTED_MIGRATIONS.length - 1];
const database = () => new URL(t.databaseUrl).pathname.slice(1);

describe('health probes', () => {
  it('knows every migration of this version, in order, by the name TypeORM records', () => {
    expect(EXPECTED_MIGRATIONS).toHaveLength(MIGRATIONS.length);
    expect(EXPECTED_MIGRATIONS[0]).toBe('Foundation1795599026994');
    expect(new Set(EXPECTED_MIGRATIONS).size).toBe(MIGRATIONS.length);
  });

  it('GET /api/health still answers as API.md says', async () => {
    const res = await t.request('GET', '/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', db: 'up' });
  });

  it('live answers without a token and without asking the database', async () => {
    const res = await t.request('GET', '/api/health/live');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('ready answers 200 with the database up and every migration applied', async () => {
    const res = await t.request('GET', '/api/health/ready');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: 'ready',
      database: 'up',
      migrations: 'current',
      pendingMigrations: [],
      shuttingDown: false,
      problems: [],
    });
  });

  it('ready answers 503 naming a migration the database has not applied', async () => {
    const [row] = await t.ownerQuery<{ id: number; timestamp: string; name: string }>(
      'DELETE FROM migrations WHERE name = $1 RETURNING id, timestamp, name',
      [latest],
    );
    try {
      const res = await t.request('GET', '/api/health/ready');
      expect(res.status).toBe(503);
      expect(res.body).toEqual({
        status: 'not-ready',
        database: 'up',
        migrations: 'pending',
        pendingMigrations: [latest],
        shuttingDown: false,
        problems: [`migrations: 1 not applied (${latest}); run the migrate service or npm run migration:run`],
      });
    } finally {
      await t.ownerQuery('INSERT INTO migrations (id, timestamp, name) VALUES ($1, $2, $3)', [
        row.id,
        row.timestamp,
        row.name,
      ]);
    }
    expect((await t.request('GET', '/api/health/ready')).status).toBe(200);
  });

  it('stays ready when a newer version has already migrated the database (rolling upgrade)', async () => {
    await t.ownerQuery(
      `INSERT INTO migrations (timestamp, name) VALUES (9999999999999, 'FromTheFuture9999999999999')`,
    );
    try {
      const res = await t.request('GET', '/api/health/ready');
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'ready', migrations: 'ahead', pendingMigrations: [] });
    } finally {
      await t.ownerQuery(`DELETE FROM migrations WHERE name = 'FromTheFuture9999999999999'`);
    }
  });

  it('ready and health answer 503 while the database refuses connections; live stays 200', async () => {
    await admin(`ALTER DATABASE "${database()}" ALLOW_CONNECTIONS false`);
    await admin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database()}'`);
    try {
      const ready = await t.request('GET', '/api/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body).toEqual({
        status: 'not-ready',
        database: 'down',
        migrations: 'unknown',
        pendingMigrations: [],
        shuttingDown: false,
        problems: ['database: no answer within 2 s'],
      });
      const health = await t.request('GET', '/api/health');
      expect(health.status).toBe(503);
      expect(health.body).toEqual({ status: 'error', db: 'down' });
      expect((await t.request('GET', '/api/health/live')).status).toBe(200);
    } finally {
      await admin(`ALTER DATABASE "${database()}" ALLOW_CONNECTIONS true`);
    }
    expect((await t.request('GET', '/api/health/ready')).status).toBe(200);
  });

  // Last: a shutdown cannot be undone.
  it('ready turns 503 as soon as a shutdown starts; live stays 200', async () => {
    expect(t.app.get(Lifecycle).beginShutdown()).toBe(true);
    expect(t.app.get(Lifecycle).beginShutdown()).toBe(false);
    const ready = await t.request('GET', '/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body).toEqual({
      status: 'not-ready',
      database: 'up',
      migrations: 'current',
      pendingMigrations: [],
      shuttingDown: true,
      problems: ['shutting down: finishing the requests in flight'],
    });
    expect((await t.request('GET', '/api/health/live')).status).toBe(200);
  });
});
