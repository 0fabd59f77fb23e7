import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '@beacon/migrations';
import type { MigrationState, ReadinessDto } from './dto/health.dto';
import { Lifecycle } from './lifecycle';

const DATABASE_TIMEOUT_MS = 2_000;

/** The names TypeORM records in the migrations table for this version's migrations, oldest first. */
export const EXPECTED_MIGRATIONS: readonly string[] = MIGRATIONS.map((Migration) => {
  const migration = new Migration() as { name?: string };
  return migration.name ?? Migration.name;
});

class Timeout extends Error {}

@Injectable()
export class HealthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly lifecycle: Lifecycle,
  ) {}

  /** The database answers a query within the time limit (a pool with no free connection counts as down). */
  async databaseUp(): Promise<boolean> {
    try {
      await this.withTimeout(this.dataSource.query('SELECT 1'));
      return true;
    } catch {
      return false;
    }
  }

  async readiness(): Promise<ReadinessDto> {
    const shuttingDown = this.lifecycle.shuttingDown;
    let database: 'up' | 'down' = 'up';
    let migrations: MigrationState = 'unknown';
    let pendingMigrations: string[] = [];
    try {
      const applied = await this.withTimeout(this.appliedMigrations());
      pendingMigrations = EXPECTED_MIGRATIONS.filter((name) => !applied.has(name));
      migrations = pendingMigrations.length
        ? 'pending'
        : applied.size > EXPECTED_MIGRATIONS.length
          ? 'ahead'
          : 'current';
    } catch {
      database = 'down';
    }
    const problems: string[] = [];
    if (shuttingDown) problems.push('shutting down: finishing the requests in flight');
    if (database === 'down') problems.push(`database: no answer within ${DATABASE_TIMEOUT_MS / 1000} s`);
    if (migrations === 'pending')
      problems.push(
        `migrations: ${pendingMigrations.length} not applied (${pendingMigrations.join(', ')}); run the migrate service or npm run migration:run`,
      );
    return {
      status: problems.length ? 'not-ready' : 'ready',
      database,
      migrations,
      pendingMigrations,
      shuttingDown,
      problems,
    };
  }

  /** Names in the migrations table; none when the table does not exist yet (nothing migrated). */
  private async appliedMigrations(): Promise<Set<string>> {
    const [{ present }] = (await this.dataSource.query(
      `SELECT to_regclass('migrations') IS NOT NULL AS present`,
    )) as { present: boolean }[];
    if (!present) return new Set();
    const rows = (await this.dataSource.query('SELECT name FROM migrations')) as { name: string }[];
    return new Set(rows.map((row) => row.name));
  }

  private withTimeout<T>(work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Timeout()), DATABASE_TIMEOUT_MS);
    });
    // A late failure after the timeout must not become an unhandled rejection.
    work.catch(() => undefined);
    return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
  }
}
