/* `npm run explain`: the query plans behind the benchmarked requests, at a year's volume.
 * On a throwaway database (tools/with-db.mjs --fresh): migrations, demo data and the volume seed
 * (EXPLAIN_REFERRALS / EXPLAIN_NOTES, default 100,000 and 1,000,000), then each request is made
 * over HTTP while every SQL statement the app sends is captured, and each SELECT is run again
 * under EXPLAIN (ANALYZE, BUFFERS) as the owner. Writes bench/results/plans.md.
 */
import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { createApp, prepareDatabase, withOwner } from '../bootstrap';
import { JsonLogger } from '../common/logger';
import { sqlText } from '../database/prepared';
import { listenToQueries } from '../database/query-listener';
import { loadConfig } from '../config/config';
import { DEMO_PASSWORD } from '../seed/demo-seed';
import { hashPassword } from '../users/password-hasher';
import { seedVolume } from './volume-seed';

const REFERRALS = Number(process.env.EXPLAIN_REFERRALS ?? 100_000);
const NOTES = Number(process.env.EXPLAIN_NOTES ?? 1_000_000);

interface Captured {
  sql: string;
  params: unknown[];
}

async function main() {
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', LOG_LEVEL: 'error', SPA_DIR: '' });
  const logger = new JsonLogger('error');
  const app = await createApp(config, logger);
  await prepareDatabase(app, config, logger);
  const dataSource = app.get(DataSource);
  const seeded = await withOwner(config, dataSource, async (owner) => {
    const result = await seedVolume(owner, {
      referrals: REFERRALS,
      notes: NOTES,
      passwordHash: await hashPassword(DEMO_PASSWORD),
    });
    await owner.query('ANALYZE');
    return result;
  });
  console.log(
    `volume: ${seeded.referrals} referrals, ${seeded.notes} notes (${seeded.seconds.toFixed(0)} s)`,
  );

  let captured: Captured[] = [];
  // Prepared statements reach the logger as pg query configs.
  listenToQueries(
    dataSource,
    (sql, params) => void captured.push({ sql: sqlText(sql), params: params ?? [] }),
  );

  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const call = async (method: string, url: string, token?: string, body?: unknown) => {
    const answer = await fetch(base + url, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      body: body ? JSON.stringify(body) : undefined,
    });
    if (answer.status >= 300) throw new Error(`${method} ${url}: ${answer.status} ${await answer.text()}`);
    return answer.json() as Promise<{
      accessToken: string;
      items: { id: string }[];
      nextCursor: string | null;
    }>;
  };
  const signIn = async (email: string) =>
    (await call('POST', '/api/auth/login', undefined, { email, password: DEMO_PASSWORD }))
      .accessToken as string;
  const manager = await signIn('volume.manager@example.org');
  const advocate = await signIn('volume.advocate.1@example.org');
  let page = await call('GET', '/api/referrals?limit=50', manager);
  for (let i = 0; i < 19; i += 1)
    page = await call('GET', `/api/referrals?limit=50&cursor=${page.nextCursor}`, manager);
  const deepCursor = page.nextCursor as string;
  const own = (await call('GET', '/api/referrals?status=ACTIVE&limit=1', advocate)).items[0].id as string;

  const scenarios: [string, string, string][] = [
    ['list referrals, first page (manager)', '/api/referrals?limit=50', manager],
    ['list referrals, page 21 by keyset (manager)', `/api/referrals?limit=50&cursor=${deepCursor}`, manager],
    [
      'triage queue, oldest first',
      '/api/referrals?status=RECEIVED,AWAITING_ALLOCATION&order=oldest&limit=50',
      manager,
    ],
    ['open cases, newest first', '/api/referrals?status=ALLOCATED,ACTIVE&limit=50', manager],
    [
      'filtered by service and area',
      '/api/referrals?serviceType=CARE_ACT&localAuthority=RUTLAND&limit=50',
      manager,
    ],
    ['an advocate’s own referrals', '/api/referrals?limit=50', advocate],
    ['one referral (advocate, own)', `/api/referrals/${own}`, advocate],
    ['its notes', `/api/referrals/${own}/notes`, advocate],
    ['its timeline', `/api/referrals/${own}/timeline`, advocate],
    ['search clients by name', '/api/clients?q=priya%20shah&limit=20', manager],
    ['search referrals by name', '/api/referrals?q=okafor&limit=20', manager],
  ];

  const out: string[] = [
    `# Query plans at a year's volume`,
    '',
    `Made by \`npm run explain\` on ${new Date().toISOString().slice(0, 10)}: ${seeded.referrals} referrals, ${seeded.notes} notes, ` +
      'EXPLAIN (ANALYZE, BUFFERS) of every SELECT each request runs (audit inserts and transaction statements aside).',
  ];
  await withOwner(config, dataSource, async (owner) => {
    for (const [name, url, token] of scenarios) {
      await call('GET', url, token); // warm the cache as a working service would be
      captured = [];
      const started = performance.now();
      await call('GET', url, token);
      const ms = performance.now() - started;
      const selects = captured.filter(
        ({ sql }) => /^\s*(SELECT|WITH)\b/i.test(sql) && !/pg_advisory|audit_append/i.test(sql),
      );
      out.push(
        '',
        `## ${name}`,
        '',
        `\`GET ${url.replace(/cursor=[^&]+/, 'cursor=…')}\`: ${captured.length} statements, ${ms.toFixed(1)} ms over HTTP.`,
      );
      for (const { sql, params } of selects) {
        const plan = (await owner.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)) as {
          'QUERY PLAN': string;
        }[];
        out.push(
          '',
          '```sql',
          sql.replace(/\s+/g, ' ').trim().slice(0, 600),
          '```',
          '',
          '```',
          ...plan.map((row) => row['QUERY PLAN']),
          '```',
        );
      }
    }
  });
  const file = path.resolve('bench/results/plans.md');
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, out.join('\n') + '\n');
  console.log(`wrote ${path.relative(process.cwd(), file)}`);
  await app.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
