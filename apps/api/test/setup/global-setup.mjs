// Starts one throwaway PostgreSQL for the whole run and migrates a template database once;
// each test file then clones the template (CREATE DATABASE … TEMPLATE), so files are isolated.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { projectRoot, startEmbeddedPostgres } from '../../../../tools/embedded-db.mjs';

export default async function globalSetup() {
  const logs = [];
  const db = await startEmbeddedPostgres({
    dataDir: path.join(projectRoot, 'tmp', `pg-integration-${process.pid}`),
    persistent: false,
    log: (line) => logs.push(line),
  }).catch((error) => {
    console.error(logs.slice(-20).join('\n'));
    throw error;
  });
  globalThis.__BEACON_TEST_DB__ = db;
  await db.createDatabase('beacon_template');
  execFileSync(
    path.join(projectRoot, 'tools/ts-run.sh'),
    ['apps/api/src/database/cli/migrations.ts', 'run'],
    {
      cwd: projectRoot,
      env: { ...process.env, DATABASE_URL: db.url('beacon_template') },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  process.env.BEACON_TEST_ADMIN_URL = db.url('postgres');
  process.env.BEACON_TEST_TEMPLATE = 'beacon_template';
  process.env.BEACON_TEST_URL_PREFIX = db.url('');
  // The app under test connects as the least-privileged login, as in production.
  process.env.BEACON_TEST_APP_URL_PREFIX = await db.appUrl('');
}
