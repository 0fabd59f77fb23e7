/* `npm run seed:volume -- --referrals 100000 --notes 1000000 [--advocates 20]`
 * Fills the database (DATABASE_URL, or the embedded one in .data/) with a year's synthetic volume
 * (volume-seed.ts), then refreshes the planner's statistics. Not in production.
 */
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { dataSourceOptions, runMigrations } from '../database/data-source';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { hashPassword } from '../users/password-hasher';
import { seedVolume } from './volume-seed';

function parse(argv: string[]) {
  const options = { referrals: 100_000, notes: 1_000_000, advocates: 20 };
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i].replace(/^--/, '') as keyof typeof options;
    const value = Number(argv[i + 1]);
    if (!(key in options) || !Number.isInteger(value) || value < 1 || value > 10_000_000)
      throw new Error(
        `usage: seed:volume -- [--referrals N] [--notes N] [--advocates N] (got ${argv[i]} ${argv[i + 1]})`,
      );
    options[key] = value;
  }
  return options;
}

async function main() {
  if (process.env.NODE_ENV === 'production')
    throw new Error('seed:volume makes synthetic data: not in production');
  const options = parse(process.argv.slice(2));
  // Bulk loading and statistics need the owner, not the app's role.
  const url = process.env.MIGRATION_DATABASE_URL || process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set (run through tools/with-db.mjs)');
  const dataSource = await new DataSource(dataSourceOptions(url, 2)).initialize();
  try {
    await runMigrations(dataSource);
    console.log(`seeding ${options.referrals} referrals and ${options.notes} notes…`);
    const result = await seedVolume(dataSource, {
      ...options,
      passwordHash: await hashPassword(DEMO_PASSWORD),
      log: (line) => console.log(line),
    });
    const analyzed = Date.now();
    await dataSource.query('ANALYZE');
    console.log(`  statistics (${((Date.now() - analyzed) / 1000).toFixed(1)} s)`);
    console.log(
      `done in ${result.seconds.toFixed(1)} s: ${result.referrals} referrals, ${result.events} history entries, ${result.notes} notes, ${result.meetings} meetings. Volume accounts: volume.advocate.N@example.org and volume.manager@example.org, password ${DEMO_PASSWORD}.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
