import type { DataSource } from 'typeorm';

/**
 * A year's volume of synthetic casework, generated inside PostgreSQL (INSERT … SELECT over
 * generate_series, no rows cross the wire), for benchmarks and for trying the app at scale.
 * Everything it makes is marked: staff are volume.*@example.org, clients are "(volume)" people
 * with invented names, every referral's eligibility reason says "volume seed". It writes no audit
 * events (nobody did these things) and is refused in production by its CLI.
 *
 * Shape, chosen to look like an advocacy service's year: referrals received evenly over the last
 * 365 days; the older a referral, the likelier it is closed; each has the status history its
 * status implies; notes (with about 1 in 20 amended) and meetings on the cases that were
 * contacted, spread between first contact and closure.
 */
export interface VolumeOptions {
  referrals: number;
  notes: number;
  advocates?: number;
  /** argon2id hash every volume account gets (the demo password's). */
  passwordHash: string;
  log?: (line: string) => void;
}

export interface VolumeResult {
  referrals: number;
  notes: number;
  meetings: number;
  events: number;
  seconds: number;
}

const FIRST = [
  'Aisha',
  'Ben',
  'Chloe',
  'Daniel',
  'Ella',
  'Farhan',
  'Grace',
  'Harry',
  'Imogen',
  'Jack',
  'Kiran',
  'Leah',
  'Mohammed',
  'Niamh',
  'Oliver',
  'Priya',
  'Quinn',
  'Rosa',
  'Sam',
  'Tariq',
  'Uma',
  'Vikram',
  'Wendy',
  'Yusuf',
  'Zara',
  'Amit',
  'Bethany',
  'Callum',
  'Deepa',
  'Ethan',
  'Fatima',
  'George',
  'Hannah',
  'Isaac',
  'Jasmine',
  'Kofi',
  'Lily',
  'Marcus',
  'Nadia',
  'Owen',
];
const LAST = [
  'Patel',
  'Smith',
  'Jones',
  'Khan',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Wood',
  'Jackson',
  'Clarke',
  'Mistry',
  'Chauhan',
  'Begum',
  'Ali',
  'Hussain',
  'Lewis',
  'Harris',
  'Martin',
  'Cooper',
  'Hill',
  'Ward',
  'Morris',
  'Moore',
  'King',
  'Allen',
  'Baker',
  'Parmar',
  'Lakhani',
  'Okafor',
  'Mensah',
  'Novak',
  'Kowalski',
  'Murphy',
  'Kelly',
  'Byrne',
  'Shah',
  'Singh',
  'Kaur',
];
const PHRASES = [
  'Met on the ward and explained the role of the advocate.',
  'Discussed the upcoming ward round and what they want to say.',
  'They would like support to raise concerns about their medication.',
  'Spoke with the named nurse about leave arrangements.',
  'Helped prepare questions for the tribunal hearing.',
  'Followed up on the complaint letter; a reply is expected within 20 working days.',
  'Agreed to attend the care programme approach review next week.',
  'They asked for information about their rights under section 132.',
];

/** A referral's issues by its number (a CASE: PostgreSQL cannot take a row out of a 2-D array). */
const ISSUES = `CASE g % 5 WHEN 0 THEN ARRAY['TREATMENT','DISCHARGE'] WHEN 1 THEN ARRAY['APPEAL_TRIBUNAL']
  WHEN 2 THEN ARRAY['CARE_PLANNING','MEDICATION'] WHEN 3 THEN ARRAY['COMPLAINT'] ELSE ARRAY['INFORMATION'] END`;

const sqlArray = (values: string[]) =>
  `(ARRAY[${values.map((v) => `'${v.replace(/'/g, "''")}'`).join(',')}])`;

export async function seedVolume(dataSource: DataSource, options: VolumeOptions): Promise<VolumeResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const advocates = options.advocates ?? 20;
  return dataSource.transaction(async (manager) => {
    const q = (label: string, sql: string, params: unknown[] = []) => {
      const t0 = Date.now();
      return manager.query(sql, params).then((rows: unknown) => {
        log(`  ${label} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
        return rows;
      });
    };
    await manager.query('SET LOCAL synchronous_commit = off');

    await q(
      `${advocates} advocates and a manager`,
      `INSERT INTO users (email, display_name, roles, password_hash, mfa_enrol_by)
       SELECT 'volume.advocate.' || g || '@example.org', 'Volume Advocate ' || g, ARRAY['ADVOCATE'], $1, NULL
         FROM generate_series(1, $2::int) g
       UNION ALL
       SELECT 'volume.manager@example.org', 'Volume Manager', ARRAY['MANAGER'], $1, now() + interval '30 days'
       ON CONFLICT (email) DO NOTHING`,
      [options.passwordHash, advocates],
    );

    // One row per referral to come, with everything decided up front.
    await q(
      'plan',
      `CREATE TEMP TABLE volume_plan ON COMMIT DROP AS
       WITH staff AS (
              SELECT array_agg(id ORDER BY email) AS advocates,
                     (SELECT id FROM users WHERE email = 'volume.manager@example.org') AS manager
                FROM users WHERE email LIKE 'volume.advocate.%@example.org'),
            gen AS (
              SELECT g, gen_random_uuid() AS referral_id, gen_random_uuid() AS client_id,
                     now() - (random() * interval '365 days') AS received_at, random() AS r, random() AS r2
                FROM generate_series(1, $1::int) g)
       SELECT gen.*, staff.manager,
              staff.advocates[1 + (g % cardinality(staff.advocates))] AS advocate,
              extract(epoch FROM now() - received_at) / 86400 AS age_days,
              CASE
                WHEN now() - received_at < interval '3 days' THEN CASE WHEN r < 0.6 THEN 'RECEIVED' ELSE 'AWAITING_ALLOCATION' END
                WHEN now() - received_at < interval '14 days' THEN
                  CASE WHEN r < 0.2 THEN 'AWAITING_ALLOCATION' WHEN r < 0.5 THEN 'ALLOCATED' WHEN r < 0.9 THEN 'ACTIVE' ELSE 'DECLINED' END
                WHEN now() - received_at < interval '90 days' THEN
                  CASE WHEN r < 0.5 THEN 'ACTIVE' WHEN r < 0.9 THEN 'CLOSED' ELSE 'DECLINED' END
                ELSE CASE WHEN r < 0.85 THEN 'CLOSED' WHEN r < 0.95 THEN 'DECLINED' ELSE 'ACTIVE' END
              END AS status,
              (ARRAY['IMHA','IMHA','IMHA','CARE_ACT','CARE_ACT','COMMUNITY','CARERS'])[1 + (g % 7)] AS service_type,
              (ARRAY['LEICESTER','LEICESTER','LEICESTERSHIRE','LEICESTERSHIRE','RUTLAND','OUTSIDE_AREA'])[1 + (g % 6)] AS local_authority,
              ${sqlArray(FIRST)}[1 + (g * 7 % ${FIRST.length})] AS first_name,
              ${sqlArray(LAST)}[1 + (g * 13 % ${LAST.length})] AS last_name
         FROM gen CROSS JOIN staff`,
      [options.referrals],
    );
    await manager.query(`ALTER TABLE volume_plan ADD COLUMN year int, ADD COLUMN rn bigint`);
    await manager.query(
      `UPDATE volume_plan p SET year = y.year, rn = y.rn
         FROM (SELECT referral_id, extract(year FROM received_at AT TIME ZONE 'Europe/London')::int AS year,
                      row_number() OVER (PARTITION BY extract(year FROM received_at AT TIME ZONE 'Europe/London')
                                         ORDER BY received_at) AS rn
                 FROM volume_plan) y
        WHERE y.referral_id = p.referral_id`,
    );
    // References continue each year's counter, as the app's own would.
    await manager.query('LOCK TABLE reference_counters IN EXCLUSIVE MODE');
    await manager.query(
      `INSERT INTO reference_counters (year, last_value)
       SELECT year, 0 FROM volume_plan GROUP BY year ON CONFLICT (year) DO NOTHING`,
    );
    await manager.query(
      `UPDATE volume_plan p SET rn = p.rn + c.last_value FROM reference_counters c WHERE c.year = p.year`,
    );
    await manager.query(
      `UPDATE reference_counters c SET last_value = m.last FROM (SELECT year, max(rn) AS last FROM volume_plan GROUP BY year) m
        WHERE m.year = c.year`,
    );

    await q(
      `${options.referrals} clients`,
      `INSERT INTO clients (id, first_name, last_name, first_name_key, last_name_key, search_name, date_of_birth,
                            local_authority, created_by, created_at)
       SELECT client_id, first_name, last_name || ' (volume)', lower(first_name), lower(last_name) || ' (volume)',
              lower(first_name || ' ' || last_name) || ' (volume)',
              DATE '1940-01-01' + (g * 37 % 25000), local_authority, manager, received_at
         FROM volume_plan`,
    );
    await q(
      `${options.referrals} referrals`,
      `INSERT INTO referrals (id, reference, client_id, service_type, source, issues, facts, eligible, eligibility_reasons,
                              in_scope, out_of_scope, status, priority, local_authority, received_at, due_date,
                              first_contact_at, allocated_advocate_id, allocated_at, created_by, decline_reason,
                              outcome, closure_reason, closed_at, created_at, updated_at)
       SELECT referral_id, 'REF-' || year || '-' || lpad(rn::text, 6, '0'), client_id, service_type,
              (ARRAY['SELF','PROFESSIONAL','CARE_STAFF','WARD_VISIT','NEAREST_RELATIVE'])[1 + (g % 5)],
              ${ISSUES},
              '{}'::jsonb, true, ARRAY['volume seed'],
              ${ISSUES},
              ARRAY[]::text[], status, CASE WHEN g % 10 = 0 THEN 'URGENT' ELSE 'ROUTINE' END, local_authority,
              received_at, (received_at + interval '10 days')::date,
              CASE WHEN status IN ('ACTIVE','CLOSED') THEN received_at + interval '4 days' END,
              CASE WHEN status IN ('ALLOCATED','ACTIVE','CLOSED') THEN advocate END,
              CASE WHEN status IN ('ALLOCATED','ACTIVE','CLOSED') THEN received_at + interval '2 days' END,
              manager,
              CASE WHEN status = 'DECLINED' THEN 'Not eligible for this service (volume seed)' END,
              CASE WHEN status = 'CLOSED' THEN (ARRAY['ISSUES_RESOLVED','PARTIALLY_RESOLVED','CLIENT_WITHDREW'])[1 + (g % 3)] END,
              CASE WHEN status = 'CLOSED' THEN 'Work complete' END,
              CASE WHEN status = 'CLOSED' THEN least(now(), received_at + interval '30 days' + r2 * interval '30 days')
                   WHEN status = 'DECLINED' THEN received_at + interval '1 day' END,
              received_at, received_at
         FROM volume_plan`,
    );
    // The history each status implies: received, then triage, allocation, first contact, closure.
    const [{ events }] = (await q(
      'status histories',
      `WITH steps AS (
         SELECT referral_id, manager, advocate, status, received_at, s.*
           FROM volume_plan
           CROSS JOIN LATERAL (VALUES
             (1, 'RECEIVED', NULL, 'RECEIVED', interval '0'),
             (2, CASE WHEN status = 'DECLINED' THEN 'TRIAGE_DECLINE' ELSE 'TRIAGE_ACCEPT' END, 'RECEIVED',
                 CASE WHEN status = 'DECLINED' THEN 'DECLINED' ELSE 'AWAITING_ALLOCATION' END, interval '1 day'),
             (3, 'ALLOCATE', 'AWAITING_ALLOCATION', 'ALLOCATED', interval '2 days'),
             (4, 'RECORD_FIRST_CONTACT', 'ALLOCATED', 'ACTIVE', interval '4 days'),
             (5, 'CLOSE', 'ACTIVE', 'CLOSED', interval '30 days')
           ) AS s(n, action, from_status, to_status, after)
          WHERE n <= CASE status WHEN 'RECEIVED' THEN 1 WHEN 'AWAITING_ALLOCATION' THEN 2 WHEN 'DECLINED' THEN 2
                                 WHEN 'ALLOCATED' THEN 3 WHEN 'ACTIVE' THEN 4 ELSE 5 END)
       , made AS (
         INSERT INTO referral_events (referral_id, action, from_status, to_status, actor_id, at)
         SELECT referral_id, action, from_status, to_status,
                CASE WHEN n = 4 THEN advocate ELSE manager END, least(now(), received_at + after)
           FROM steps
         RETURNING 1)
       SELECT count(*)::int AS events FROM made`,
    )) as { events: number }[];

    // Notes go to the cases that were contacted, spread over the time the case was open.
    await q(
      `${options.notes} notes`,
      `CREATE TEMP TABLE volume_notes ON COMMIT DROP AS
       WITH contacted AS (
              SELECT referral_id, advocate, received_at + interval '4 days' AS from_at,
                     coalesce(least(now(), received_at + interval '30 days' + r2 * interval '30 days'), now()) AS to_at,
                     row_number() OVER (ORDER BY referral_id) AS k, status
                FROM volume_plan WHERE status IN ('ACTIVE','CLOSED')),
            total AS (SELECT count(*) AS n FROM contacted)
       SELECT gen_random_uuid() AS note_id, c.referral_id, c.advocate,
              c.from_at + random() * greatest(c.to_at - c.from_at, interval '1 hour') AS at, g
         FROM generate_series(1, $1::int) g
         CROSS JOIN total
         JOIN contacted c ON c.k = 1 + (g % total.n)`,
      [options.notes],
    );
    await q(
      '  case_notes',
      `INSERT INTO case_notes (id, referral_id, kind, minutes_spent, created_by, created_at, version)
       SELECT note_id, referral_id, (ARRAY['CONTACT','VISIT','MEETING','ADMIN','OTHER'])[1 + (g % 5)],
              15 + (g % 8) * 15, advocate, least(at, now()), CASE WHEN g % 20 = 0 THEN 2 ELSE 1 END
         FROM volume_notes`,
    );
    await q(
      '  note_versions',
      `INSERT INTO note_versions (note_id, version, body, reason, created_by, created_at)
       SELECT note_id, 1, ${sqlArray(PHRASES)}[1 + (g % ${PHRASES.length})] || ' ' ||
              ${sqlArray(PHRASES)}[1 + ((g / 8) % ${PHRASES.length})], NULL, advocate, least(at, now())
         FROM volume_notes
       UNION ALL
       SELECT note_id, 2, ${sqlArray(PHRASES)}[1 + (g % ${PHRASES.length})] || ' (corrected)',
              'Corrected a detail', advocate, least(at + interval '1 hour', now())
         FROM volume_notes WHERE g % 20 = 0`,
    );
    const [{ meetings }] = (await q(
      'meetings',
      `WITH made AS (
         INSERT INTO meetings (referral_id, kind, starts_at, duration_minutes, location, in_private, attendees,
                               outcome, created_by, created_at)
         SELECT referral_id, (ARRAY['WARD_ROUND','CPA_REVIEW','TRIBUNAL','CLIENT_MEETING'])[1 + (g % 4)],
                received_at + interval '7 days' + (g % 20) * interval '1 day', 60, 'Ward office', g % 2 = 0,
                ARRAY['Client','Advocate'], NULL, advocate, received_at + interval '5 days'
           FROM volume_plan WHERE status IN ('ACTIVE','CLOSED') AND g % 3 = 0
         RETURNING 1)
       SELECT count(*)::int AS meetings FROM made`,
    )) as { meetings: number }[];
    return {
      referrals: options.referrals,
      notes: options.notes,
      meetings,
      events,
      seconds: (Date.now() - started) / 1000,
    };
  });
}
