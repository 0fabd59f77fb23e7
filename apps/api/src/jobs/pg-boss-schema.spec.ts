import PgBoss from 'pg-boss';
import type { QueryRunner } from 'typeorm';
import { MIGRATIONS } from '@beacon/migrations';
import { JOB_NAMES } from './entities/job-run.entity';

const squash = (sql: string) => sql.replace(/\s+/g, ' ').trim();

/** The SQL the PgBoss migration sends, statement by statement. */
async function migrationSql(): Promise<{ text: string; params?: unknown[] }[]> {
  const PgBossMigration = MIGRATIONS.find((m) => m.name.startsWith('PgBoss'));
  if (!PgBossMigration) throw new Error('no PgBoss migration');
  const sent: { text: string; params?: unknown[] }[] = [];
  const runner = {
    query: async (text: string, params?: unknown[]) => void sent.push({ text, params }),
  } as unknown as QueryRunner;
  await new PgBossMigration().up(runner);
  return sent;
}

describe('pg-boss schema migration', () => {
  it('creates the schema version the installed pg-boss expects, exactly as pg-boss would', async () => {
    const [create] = await migrationSql();
    const plan = PgBoss.getConstructionPlans('pgboss');
    // pg-boss wraps its plan in its own transaction and lock; the migration runs inside TypeORM's.
    const body = plan.slice(plan.indexOf('CREATE SCHEMA'), plan.lastIndexOf('COMMIT;'));
    expect(squash(create.text)).toBe(squash(body));
    const { schema } = require('pg-boss/version.json') as { schema: number };
    expect(squash(create.text)).toContain(`INSERT INTO pgboss.version(version) VALUES ('${schema}')`);
  });

  it('creates a queue for every job and pg-boss’s cron queue, and grants the app no DDL', async () => {
    const sent = await migrationSql();
    const queues = sent.filter((s) => s.text.includes('create_queue($1')).map((s) => s.params?.[0]);
    expect(queues).toEqual(['__pgboss__send-it', ...JOB_NAMES]);
    const grants = sent.filter((s) => /^GRANT/.test(s.text)).map((s) => s.text);
    expect(grants.join('\n')).not.toMatch(/CREATE|ALL PRIVILEGES|TRUNCATE/);
    expect(sent.map((s) => s.text)).toContain(
      'REVOKE EXECUTE ON FUNCTION pgboss.create_queue(text, json), pgboss.delete_queue(text) FROM PUBLIC',
    );
  });
});
