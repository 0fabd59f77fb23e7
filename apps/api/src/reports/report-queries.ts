import { NOT_RECORDED, monthsOf, type DeclineCategory, type ReportPeriod } from '@beacon/domain';
import type { EntityManager } from 'typeorm';
import { ageBandSql } from '../clients/demographics-sql';
import { londonDayEndSql, londonDayStartSql, receivedDaySql } from './period-sql';

/**
 * The summary's SQL: seven aggregate queries whatever the volume (GROUP BY, GROUPING SETS,
 * percentile_cont), each reading the period's referrals by a range on received_at (the service
 * reads the targets as well: eight statements). Parameters
 * are always $1 = from and $2 = to (YYYY-MM-DD, Europe/London, inclusive). See docs/reports.md
 * for the definition of every figure.
 */

const RECEIVED_IN_PERIOD = `r.received_at >= ${londonDayStartSql('$1')} AND r.received_at < ${londonDayEndSql('$2')}`;
const OPEN_STATUSES = `('ALLOCATED', 'ACTIVE')`;
/** Open and never contacted: waiting for triage, allocation or the advocate's first contact. */
const WAITING_STATUSES = `('RECEIVED', 'AWAITING_ALLOCATION', 'ALLOCATED')`;

/** The dimensions of the referral breakdowns. */
export const REFERRAL_DIMENSIONS = [
  'service_type',
  'source',
  'local_authority',
  'status',
  'outcome',
  'month',
  'decline_reason',
  'age_band',
  'gender',
  'ethnicity',
  'disability',
  'allocated_advocate_id',
  'issue',
] as const;
export type ReferralDimension = (typeof REFERRAL_DIMENSIONS)[number];

export interface DimensionCount {
  dimension: ReferralDimension | 'total';
  key: string;
  count: number;
}

export interface WaitingRow {
  serviceType: string | null;
  contacted: number;
  median: number | null;
  p90: number | null;
  within: number;
  waiting: number;
  beyond: number;
}

export interface SignpostRow {
  serviceId: string | null;
  name: string | null;
  referrals: number;
  /** The total row: referrals signposted anywhere. */
  total: boolean;
}

export interface CaseloadRow {
  id: string;
  name: string;
  open: number;
  closed: number;
}

export interface WardRow {
  id: string;
  name: string;
  hospital: string;
  held: number;
  cancelled: number;
  patientsSeen: number;
  newReferrals: number;
  minutes: number;
}

export interface ActivityRow {
  activity: string;
  entries: number;
  minutes: number;
}

const num = (value: unknown): number => (value === null || value === undefined ? 0 : Number(value));
const numOrNull = (value: unknown): number | null =>
  value === null || value === undefined ? null : Number(value);

/**
 * How a declined referral is classed, from the recorded decision (the free-text reason is case
 * content). The referral list filters with this SQL; the summary classes its grouped rows with
 * declineCategory, the same rule (the drill-down test proves they agree).
 */
export const DECLINE_REASON_SQL = `CASE WHEN r.status <> 'DECLINED' THEN NULL
       WHEN NOT r.eligible THEN 'NOT_ELIGIBLE'
       WHEN cardinality(r.in_scope) = 0 THEN 'OUT_OF_SCOPE'
       ELSE 'OTHER' END`;

export function declineCategory(
  status: string,
  eligible: boolean,
  noIssueInScope: boolean,
): DeclineCategory | null {
  if (status !== 'DECLINED') return null;
  if (!eligible) return 'NOT_ELIGIBLE';
  return noIssueInScope ? 'OUT_OF_SCOPE' : 'OTHER';
}

/**
 * The London month each received_at falls in, as an index into monthsOf(period): width_bucket
 * against the instants the period's later months start (one array, made once per query), far
 * cheaper per row than formatting a local time.
 */
const MONTH_INDEX_SQL = `width_bucket(r.received_at, ARRAY(
    SELECT (m::date::timestamp AT TIME ZONE 'Europe/London')
      FROM generate_series(date_trunc('month', $1::date) + interval '1 month', $2::date, interval '1 month') m))`;

export class ReportQueries {
  constructor(private readonly manager: EntityManager) {}

  /**
   * Every one-dimension count of the period's referrals in two queries: the referral's own
   * fields (grouped together: at most a few thousand combinations), month, advocate and issues;
   * then the person's answers (the one query joining clients). Each combination is summed per
   * dimension here: grouping raw columns and deriving keys afterwards keeps the work per row small.
   */
  async referralCounts(period: ReportPeriod): Promise<DimensionCount[]> {
    const months = monthsOf(period);
    // Four grouping sets, each hashed: the referral's own fields, the month, the advocate, and
    // the list of issues (a few hundred distinct lists, each counted under each of its issues
    // here: no unnest, no second scan). GROUPING(service_type, allocated_advocate_id, issues)
    // tells them apart: 3, 7, 5 and 6.
    const own = (await this.manager.query(
      `SELECT GROUPING(r.service_type, r.allocated_advocate_id, r.issues) AS g,
              r.service_type, r.source, r.local_authority, r.status, r.outcome, r.eligible,
              ${MONTH_INDEX_SQL} AS month, r.allocated_advocate_id::text AS advocate, r.issues,
              count(*)::int AS n, count(*) FILTER (WHERE cardinality(r.in_scope) = 0)::int AS no_scope
         FROM referrals r
        WHERE ${RECEIVED_IN_PERIOD}
        GROUP BY GROUPING SETS (
          (r.service_type, r.source, r.local_authority, r.status, r.outcome, r.eligible), (month),
          (r.allocated_advocate_id), (r.issues))`,
      [period.from, period.to],
    )) as {
      g: number;
      service_type: string;
      source: string;
      local_authority: string;
      status: string;
      outcome: string | null;
      eligible: boolean;
      month: number;
      advocate: string | null;
      issues: string[] | null;
      n: number;
      no_scope: number;
    }[];
    const people = (await this.manager.query(
      `SELECT ${ageBandSql('c.date_of_birth', receivedDaySql('r'), 'c.age_band')} AS age_band,
              coalesce(c.gender, '${NOT_RECORDED}') AS gender,
              coalesce(c.ethnicity, '${NOT_RECORDED}') AS ethnicity,
              coalesce(c.disability, '${NOT_RECORDED}') AS disability,
              count(*)::int AS n
         FROM referrals r JOIN clients c ON c.id = r.client_id
        WHERE ${RECEIVED_IN_PERIOD}
        GROUP BY 1, 2, 3, 4`,
      [period.from, period.to],
    )) as { age_band: string; gender: string; ethnicity: string; disability: string; n: number }[];

    const sums = new Map<string, DimensionCount>();
    const add = (dimension: ReferralDimension, key: string | null, n: number) => {
      // Outcome, decline reason and advocate are null for referrals not closed, declined or allocated.
      if (key === null) return;
      const id = `${dimension}\u0000${key}`;
      const sum = sums.get(id) ?? { dimension, key, count: 0 };
      sum.count += n;
      sums.set(id, sum);
    };
    let total = 0;
    for (const row of own) {
      if (row.g === 5) {
        add('allocated_advocate_id', row.advocate, row.n);
      } else if (row.g === 7) {
        add('month', months[row.month] ?? null, row.n);
      } else if (row.g === 6) {
        for (const issue of row.issues ?? []) add('issue', issue, row.n);
      } else {
        total += row.n;
        add('service_type', row.service_type, row.n);
        add('source', row.source, row.n);
        add('local_authority', row.local_authority, row.n);
        add('status', row.status, row.n);
        add('outcome', row.outcome, row.n);
        // Split by whether any issue is in scope, so declineCategory sees each kind of row.
        add('decline_reason', declineCategory(row.status, row.eligible, true), row.no_scope);
        add('decline_reason', declineCategory(row.status, row.eligible, false), row.n - row.no_scope);
      }
    }
    for (const row of people) {
      add('age_band', row.age_band, row.n);
      add('gender', row.gender, row.n);
      add('ethnicity', row.ethnicity, row.n);
      add('disability', row.disability, row.n);
    }
    return [{ dimension: 'total', key: 'total', count: total }, ...sums.values()];
  }

  /**
   * Waiting from received to first contact, in elapsed days, per service and overall (the row
   * whose serviceType is null): median and 90th percentile (continuous), how many within their
   * service's target, and how many of the period's referrals still wait (and are already past it).
   */
  async waiting(period: ReportPeriod): Promise<WaitingRow[]> {
    const rows = (await this.manager.query(
      `WITH w AS (
         SELECT r.service_type, t.target_days,
                CASE WHEN r.first_contact_at IS NOT NULL
                     THEN greatest(extract(epoch FROM r.first_contact_at - r.received_at), 0) / 86400.0 END AS days,
                r.first_contact_at IS NULL AND r.status IN ${WAITING_STATUSES} AS waiting,
                extract(epoch FROM now() - r.received_at) / 86400.0 AS waited
           FROM referrals r LEFT JOIN waiting_time_targets t ON t.service_type = r.service_type
          WHERE ${RECEIVED_IN_PERIOD}
            AND (r.first_contact_at IS NOT NULL OR r.status IN ${WAITING_STATUSES})
       )
       SELECT GROUPING(service_type) AS g, service_type,
              count(days)::int AS contacted,
              percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY days) AS percentiles,
              count(*) FILTER (WHERE days <= target_days)::int AS within,
              count(*) FILTER (WHERE waiting)::int AS waiting,
              count(*) FILTER (WHERE waiting AND waited > target_days)::int AS beyond
         FROM w
        GROUP BY GROUPING SETS ((service_type), ())`,
      [period.from, period.to],
    )) as {
      g: number;
      service_type: string | null;
      contacted: number;
      percentiles: (number | null)[] | null;
      within: number;
      waiting: number;
      beyond: number;
    }[];
    return rows.map((r) => ({
      serviceType: r.g === 1 ? null : r.service_type,
      contacted: r.contacted,
      median: numOrNull(r.percentiles?.[0]),
      p90: numOrNull(r.percentiles?.[1]),
      within: r.within,
      waiting: r.waiting,
      beyond: r.beyond,
    }));
  }

  /**
   * Referrals of the period signposted to each directory entry (by id: the entry's name now), or
   * to somewhere typed in (serviceId null); and the total row, referrals signposted anywhere.
   */
  async signposting(period: ReportPeriod): Promise<SignpostRow[]> {
    const rows = (await this.manager.query(
      `SELECT GROUPING(s.service_id, ss.name) AS g, s.service_id, ss.name,
              count(DISTINCT s.referral_id)::int AS n
         FROM referral_signposts s
         JOIN referrals r ON r.id = s.referral_id
         LEFT JOIN signposting_services ss ON ss.id = s.service_id
        WHERE ${RECEIVED_IN_PERIOD}
        GROUP BY GROUPING SETS ((s.service_id, ss.name), ())`,
      [period.from, period.to],
    )) as { g: number; service_id: string | null; name: string | null; n: number }[];
    return rows.map((r) => ({ serviceId: r.service_id, name: r.name, referrals: r.n, total: r.g !== 0 }));
  }

  /**
   * Per advocate (every active advocate, and anyone else holding cases): open cases now and their
   * cases closed in the period, read through the open and closed indexes rather than every
   * referral. The period's referrals allocated to each come from referralCounts.
   */
  async caseload(period: ReportPeriod): Promise<CaseloadRow[]> {
    const rows = (await this.manager.query(
      `WITH held AS (
         SELECT r.allocated_advocate_id AS advocate_id,
                count(*) FILTER (WHERE r.status IN ${OPEN_STATUSES})::int AS open,
                count(*) FILTER (WHERE r.status = 'CLOSED')::int AS closed
           FROM referrals r
          WHERE r.allocated_advocate_id IS NOT NULL
            AND (r.status IN ${OPEN_STATUSES}
                 OR (r.status = 'CLOSED' AND r.closed_at >= ${londonDayStartSql('$1')}
                     AND r.closed_at < ${londonDayEndSql('$2')}))
          GROUP BY r.allocated_advocate_id
       )
       SELECT u.id, u.display_name, coalesce(h.open, 0) AS open, coalesce(h.closed, 0) AS closed
         FROM users u LEFT JOIN held h ON h.advocate_id = u.id
        WHERE (u.active AND 'ADVOCATE' = ANY (u.roles)) OR h.advocate_id IS NOT NULL
        ORDER BY u.display_name, u.id`,
      [period.from, period.to],
    )) as { id: string; display_name: string; open: number; closed: number }[];
    return rows.map((r) => ({ id: r.id, name: r.display_name, open: r.open, closed: r.closed }));
  }

  /** Every ward, with its visits dated in the period that were held or cancelled. */
  async wardVisits(period: ReportPeriod): Promise<WardRow[]> {
    const rows = (await this.manager.query(
      `SELECT w.id, w.name, h.name AS hospital,
              count(v.id) FILTER (WHERE v.status = 'HELD')::int AS held,
              count(v.id) FILTER (WHERE v.status = 'CANCELLED')::int AS cancelled,
              coalesce(sum(v.patients_seen) FILTER (WHERE v.status = 'HELD'), 0)::bigint AS patients_seen,
              coalesce(sum(v.new_referrals) FILTER (WHERE v.status = 'HELD'), 0)::bigint AS new_referrals,
              coalesce(sum(v.minutes_spent) FILTER (WHERE v.status = 'HELD'), 0)::bigint AS minutes
         FROM wards w
         JOIN hospitals h ON h.id = w.hospital_id
         LEFT JOIN visits v ON v.ward_id = w.id AND v.date BETWEEN $1::date AND $2::date
              AND v.status IN ('HELD', 'CANCELLED')
        GROUP BY w.id, w.name, h.name
        ORDER BY h.name, w.name, w.id`,
      [period.from, period.to],
    )) as {
      id: string;
      name: string;
      hospital: string;
      held: number;
      cancelled: number;
      patients_seen: unknown;
      new_referrals: unknown;
      minutes: unknown;
    }[];
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      hospital: r.hospital,
      held: r.held,
      cancelled: r.cancelled,
      patientsSeen: num(r.patients_seen),
      newReferrals: num(r.new_referrals),
      minutes: num(r.minutes),
    }));
  }

  /**
   * Minutes recorded in the period: case notes by kind (from their day sums, activity_minutes,
   * which triggers keep exact; migration ActivityMinutes), and held ward visits (as Time does).
   */
  async activityTime(period: ReportPeriod): Promise<ActivityRow[]> {
    const rows = (await this.manager.query(
      `SELECT a.kind AS activity, sum(a.entries)::int AS entries, sum(a.minutes)::bigint AS minutes
         FROM activity_minutes a
        WHERE a.day BETWEEN $1::date AND $2::date
        GROUP BY a.kind
       HAVING sum(a.entries) > 0
       UNION ALL
       SELECT 'WARD_VISIT', count(*)::int, coalesce(sum(v.minutes_spent), 0)::bigint
         FROM visits v
        WHERE v.status = 'HELD' AND v.date BETWEEN $1::date AND $2::date`,
      [period.from, period.to],
    )) as { activity: string; entries: number; minutes: unknown }[];
    return rows.map((r) => ({ activity: r.activity, entries: r.entries, minutes: num(r.minutes) }));
  }
}
