/* The performance check (`npm run bench`): loads a large caseload into a throwaway database,
 * then times the list and read endpoints over HTTP and checks each against its target.
 * Run through tools/with-db.mjs --fresh, so it never touches real data. Exits 1 on a miss.
 *   BENCH_REFERRALS   referrals to load (default 100000)
 *   BENCH_REQUESTS    timed requests per scenario (default 40)
 */
import 'reflect-metadata';
import { performance } from 'node:perf_hooks';
import { DataSource } from 'typeorm';
import { addDays, londonDate } from '@beacon/domain';
import { createApp, prepareDatabase, withOwner } from '../bootstrap';
import { JsonLogger } from '../common/logger';
import { loadConfig, type AppConfig } from '../config/config';
import { DEMO_PASSWORD } from '../seed/demo-seed';

const REFERRALS = Number(process.env.BENCH_REFERRALS ?? 100_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 40);
/** 95th-percentile targets in milliseconds, measured on loopback (docs/performance.md). */
const TARGET_P95_MS = { list: 100, read: 50 };

async function load(dataSource: DataSource, config: AppConfig) {
  const started = performance.now();
  await dataSource.query(
    `
    WITH advocates AS (SELECT array_agg(id ORDER BY email) AS ids FROM users WHERE 'ADVOCATE' = ANY (roles)),
         creator AS (SELECT id FROM users WHERE 'MANAGER' = ANY (roles) LIMIT 1),
         people AS (
           INSERT INTO clients (first_name, last_name, first_name_key, last_name_key, search_name, date_of_birth,
                                local_authority, created_by)
           SELECT 'Bench' || g, 'Person' || g, 'bench' || g, 'person' || g, 'bench' || g || ' person' || g,
                  DATE '1950-01-01' + (g % 20000),
                  (ARRAY['LEICESTER','LEICESTERSHIRE','RUTLAND'])[1 + g % 3], (SELECT id FROM creator)
             FROM generate_series(1, $1::int) g
           RETURNING id, local_authority, first_name)
    INSERT INTO referrals (reference, client_id, service_type, source, issues, facts, eligible, eligibility_reasons,
                           in_scope, out_of_scope, status, local_authority, received_at, due_date,
                           allocated_advocate_id, created_by)
    SELECT 'REF-1999-' || lpad(substr(p.first_name, 6), 6, '0'), p.id,
           (ARRAY['IMHA','CARERS','CARE_ACT','COMMUNITY'])[1 + n % 4],
           (ARRAY['SELF','PROFESSIONAL','CARE_STAFF','WARD_VISIT'])[1 + n % 4],
           ARRAY['TREATMENT'], '{}'::jsonb, true, ARRAY['bench'], ARRAY['TREATMENT'], ARRAY[]::text[],
           s.status, p.local_authority,
           now() - make_interval(mins => n * 7), CURRENT_DATE,
           CASE WHEN s.status IN ('ALLOCATED','ACTIVE','CLOSED') THEN a.ids[1 + n % cardinality(a.ids)] END,
           (SELECT id FROM creator)
      FROM (SELECT *, substr(first_name, 6)::int AS n FROM people) p
      CROSS JOIN advocates a
      CROSS JOIN LATERAL (SELECT (ARRAY['CLOSED','CLOSED','CLOSED','ACTIVE','ACTIVE','ALLOCATED','DECLINED',
                                        'AWAITING_ALLOCATION','RECEIVED','CLOSED'])[1 + p.n % 10] AS status) s`,
    [REFERRALS],
  );
  // Statistics for the planner: only the tables' owner may gather them.
  await withOwner(config, dataSource, (owner) => owner.query('ANALYZE'));
  return performance.now() - started;
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

async function main() {
  const config = loadConfig({
    ...process.env,
    NODE_ENV: 'development',
    SEED_DEMO_DATA: 'true',
    LOG_LEVEL: 'error',
    SPA_DIR: '',
  });
  const logger = new JsonLogger('error');
  const app = await createApp(config, logger);
  await prepareDatabase(app, config, logger);
  await app.listen(0, '127.0.0.1');
  const base = `http://127.0.0.1:${(app.getHttpServer().address() as { port: number }).port}`;
  const dataSource = app.get(DataSource);
  try {
    const loadMs = await load(dataSource, config);
    console.log(`loaded ${REFERRALS} referrals in ${(loadMs / 1000).toFixed(1)} s`);

    const login = async (email: string) => {
      const answer = await fetch(`${base}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email, password: DEMO_PASSWORD }),
      });
      const body = (await answer.json()) as { accessToken: string; user: { id: string } };
      return { token: body.accessToken, id: body.user.id };
    };
    const manager = await login('manager@example.org');
    const advocate = await login('advocate@example.org');
    const get = async (path: string, token: string) => {
      const answer = await fetch(base + path, { headers: { authorization: `Bearer ${token}` } });
      if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${await answer.text()}`);
      return answer.json() as Promise<{ items: { id: string }[]; nextCursor: string | null }>;
    };
    const page1 = await get('/api/referrals?limit=50', manager.token);
    const deep = await get(`/api/referrals?limit=50&cursor=${page1.nextCursor}`, manager.token);
    const someId = deep.items[0].id;
    const today = londonDate();
    const fourWeeksAgo = addDays(today, -28);
    const inAMonth = addDays(today, 31);

    const scenarios: [string, keyof typeof TARGET_P95_MS, string, string][] = [
      ['all referrals, newest first', 'list', '/api/referrals?limit=50', manager.token],
      [
        'second page (keyset cursor)',
        'list',
        `/api/referrals?limit=50&cursor=${page1.nextCursor}`,
        manager.token,
      ],
      [
        'triage queue (RECEIVED, oldest)',
        'list',
        '/api/referrals?status=RECEIVED&order=oldest&limit=50',
        manager.token,
      ],
      ['service type filter', 'list', '/api/referrals?serviceType=CARE_ACT&limit=50', manager.token],
      ['area filter', 'list', '/api/referrals?localAuthority=RUTLAND&limit=50', manager.token],
      ['by advocate', 'list', `/api/referrals?advocateId=${advocate.id}&limit=50`, manager.token],
      [
        'my caseload (advocate)',
        'list',
        `/api/referrals?advocateId=${advocate.id}&status=ALLOCATED,ACTIVE`,
        advocate.token,
      ],
      ['all I may see (advocate)', 'list', '/api/referrals?limit=50', advocate.token],
      ['search by name', 'list', '/api/referrals?q=person4242&limit=50', manager.token],
      ['search by reference', 'list', '/api/referrals?q=REF-1999-004242', manager.token],
      ['client search', 'list', '/api/clients?q=bench777&limit=50', manager.token],
      ['advocates with caseloads', 'list', '/api/advocates', manager.token],
      ['one referral with history', 'read', `/api/referrals/${someId}`, manager.token],
      ['case timeline', 'read', `/api/referrals/${someId}/timeline`, manager.token],
      [
        'visits, four weeks (all advocates)',
        'list',
        `/api/visits?from=${fourWeeksAgo}&to=${today}`,
        manager.token,
      ],
      ['calendar, a month (advocate)', 'list', `/api/calendar?from=${today}&to=${inAMonth}`, advocate.token],
      [
        'ward coverage, four weeks',
        'list',
        `/api/visits/coverage?from=${fourWeeksAgo}&to=${today}`,
        manager.token,
      ],
    ];
    let failed = 0;
    console.log(
      `\n${'scenario'.padEnd(34)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'target'.padStart(7)}`,
    );
    for (const [name, kind, path, token] of scenarios) {
      await get(path, token); // warm up
      const times: number[] = [];
      for (let i = 0; i < REQUESTS; i += 1) {
        const started = performance.now();
        await get(path, token);
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const p95 = percentile(times, 95);
      const ok = p95 <= TARGET_P95_MS[kind];
      if (!ok) failed += 1;
      console.log(
        `${name.padEnd(34)} ${percentile(times, 50).toFixed(1).padStart(7)} ${p95.toFixed(1).padStart(7)} ${String(
          TARGET_P95_MS[kind],
        ).padStart(7)}  ${ok ? 'ok' : 'MISSED'}`,
      );
    }
    console.log(failed ? `\n${failed} scenario(s) missed the target` : '\nall scenarios within target');
    process.exitCode = failed ? 1 : 0;
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
