import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, londonDate } from '@beacon/domain';
import { CONTACT_MEETING_KINDS, CONTACT_NOTE_KINDS } from '../casework/casework.service';
import { VisitsService } from '../visits/visits.service';
import { REMINDER_KINDS, type ReminderKind } from './entities/reminder.entity';

/** Days without contact on an active case before its advocate is reminded. */
export const NO_CONTACT_DAYS = 14;

const REFRESH_LOCK = 726_010; // transaction-scoped advisory lock: one refresh at a time across replicas

export type ReminderCounts = Record<ReminderKind, number>;

export interface RefreshResult {
  /** The Europe/London day the rules were applied for. */
  today: string;
  created: ReminderCounts;
  removed: ReminderCounts;
  /** Reminders due after the refresh, dismissed or not. */
  due: ReminderCounts;
}

const zero = (): ReminderCounts => Object.fromEntries(REMINDER_KINDS.map((k) => [k, 0])) as ReminderCounts;

/**
 * Every reminder due at `now`, one row per advocate and occasion (the columns of `reminders`).
 * $1 today, $2 tomorrow (Europe/London dates), $3 now, $4 contact note kinds, $5 contact meeting kinds.
 *
 * - VISIT_TODAY: a ward visit of theirs planned for today and not yet logged (held or cancelled).
 * - MEETING_TOMORROW: a meeting starting tomorrow (London time) on an allocated or active case
 *   allocated to them.
 * - NO_CONTACT_14_DAYS: an active case allocated to them whose last contact (the first contact, a
 *   contact, visit or meeting note, or a meeting with the client that has started: what counts as
 *   contact in casework) fell 14 or more London days before today.
 * Only active users holding the advocate role get reminders.
 */
const DUE = `
  advocates AS (SELECT id FROM users WHERE active AND 'ADVOCATE' = ANY (roles)),
  contact AS (
    SELECT r.id, r.allocated_advocate_id AS advocate_id,
           (GREATEST(
              r.first_contact_at,
              (SELECT max(n.created_at) FROM case_notes n WHERE n.referral_id = r.id AND n.kind = ANY ($4::text[])),
              (SELECT max(m.starts_at) FROM meetings m
                WHERE m.referral_id = r.id AND m.kind = ANY ($5::text[]) AND m.starts_at <= $3::timestamptz)
            ) AT TIME ZONE 'Europe/London')::date AS last_day
      FROM referrals r JOIN advocates a ON a.id = r.allocated_advocate_id
     WHERE r.status = 'ACTIVE'
  ),
  due AS (
    SELECT v.advocate_id, 'VISIT_TODAY'::text AS kind, v.date AS due_on, NULL::uuid AS referral_id,
           v.id AS visit_id, NULL::uuid AS meeting_id, 'visit:' || v.id AS dedupe_key
      FROM visits v JOIN advocates a ON a.id = v.advocate_id
     WHERE v.date = $1::date AND v.status = 'PLANNED' AND v.logged_at IS NULL
    UNION ALL
    SELECT r.allocated_advocate_id, 'MEETING_TOMORROW', $2::date, r.id, NULL, m.id,
           'meeting:' || m.id || ':' || $2::text
      FROM meetings m
      JOIN referrals r ON r.id = m.referral_id
      JOIN advocates a ON a.id = r.allocated_advocate_id
     WHERE m.starts_at >= ($2::date::timestamp AT TIME ZONE 'Europe/London')
       AND m.starts_at < (($2::date + 1)::timestamp AT TIME ZONE 'Europe/London')
       AND r.status IN ('ALLOCATED', 'ACTIVE')
    UNION ALL
    SELECT c.advocate_id, 'NO_CONTACT_14_DAYS', c.last_day + ${NO_CONTACT_DAYS}, c.id, NULL, NULL,
           'no-contact:' || c.id || ':' || c.last_day::text
      FROM contact c
     WHERE c.last_day <= $1::date - ${NO_CONTACT_DAYS}
  )`;

/**
 * Brings the reminders table in line with the casework data (the reminders job). Idempotent:
 * a reminder already there (dismissed or not) is left as it is, so running it twice changes
 * nothing; those no longer due go.
 */
@Injectable()
export class ReminderRules {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly visits: VisitsService,
  ) {}

  async refresh(now = new Date()): Promise<RefreshResult> {
    const today = londonDate(now);
    const tomorrow = addDays(today, 1);
    return this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [REFRESH_LOCK]);
      // Planned visits exist as rows only for the days someone has looked at (ADR 0009).
      await this.visits.plan(manager, today, today, {});
      const rows = (await manager.query(
        `WITH ${DUE},
         added AS (
           INSERT INTO reminders (advocate_id, kind, due_on, referral_id, visit_id, meeting_id, dedupe_key)
           SELECT advocate_id, kind, due_on, referral_id, visit_id, meeting_id, dedupe_key FROM due
           ON CONFLICT (advocate_id, dedupe_key) DO NOTHING
           RETURNING kind
         ),
         gone AS (
           DELETE FROM reminders x
            WHERE NOT EXISTS (SELECT 1 FROM due d WHERE d.advocate_id = x.advocate_id AND d.dedupe_key = x.dedupe_key)
           RETURNING kind
         )
         SELECT 'created' AS what, kind, count(*)::int AS n FROM added GROUP BY kind
         UNION ALL SELECT 'removed', kind, count(*)::int FROM gone GROUP BY kind
         UNION ALL SELECT 'due', kind, count(*)::int FROM due GROUP BY kind`,
        [today, tomorrow, now.toISOString(), CONTACT_NOTE_KINDS, CONTACT_MEETING_KINDS],
      )) as { what: 'created' | 'removed' | 'due'; kind: ReminderKind; n: number }[];
      const result: RefreshResult = { today, created: zero(), removed: zero(), due: zero() };
      for (const row of rows) result[row.what][row.kind] = row.n;
      return result;
    });
  }
}
