import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { addDays, londonInstant, type MeetingKind } from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { notFound } from '../common/app.exception';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage } from '../common/pagination';
import { requireUser, type RequestContext } from '../common/request-context';
import type { ReminderKind } from './entities/reminder.entity';
import { NO_CONTACT_DAYS } from './reminder-rules';
import { ReminderCountDto, ReminderDto, ReminderListDto, ReminderQuery } from './dto/reminder.dto';

const isCursor = (v: unknown[]): v is [string, string] =>
  v.length === 2 &&
  typeof v[0] === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(v[0]) &&
  typeof v[1] === 'string' &&
  /^[0-9a-f-]{36}$/i.test(v[1]);

/**
 * The advocate's own reminders, not dismissed. Ownership is checked again on reading, as
 * everywhere: a case reallocated since the last refresh (or a visit given to someone else) is
 * not shown, and answers 404 like a reminder that does not exist.
 */
const OWN = `x.advocate_id = $1 AND x.dismissed_at IS NULL
  AND (x.referral_id IS NULL OR r.allocated_advocate_id = $1 OR r.created_by = $1)
  AND (x.visit_id IS NULL OR v.advocate_id = $1)`;
const JOINS = `FROM reminders x
  LEFT JOIN referrals r ON r.id = x.referral_id
  LEFT JOIN visits v ON v.id = x.visit_id`;

interface Row {
  id: string;
  kind: ReminderKind;
  due_on: string;
  created_at: Date;
  referral_id: string | null;
  reference: string | null;
  first_name: string | null;
  last_name: string | null;
  visit_id: string | null;
  ward: string | null;
  hospital: string | null;
  visit_date: string | null;
  visit_time: string | null;
  meeting_id: string | null;
  meeting_kind: MeetingKind | null;
  meeting_starts: Date | null;
}

function mapReminder(row: Row): ReminderDto {
  return {
    id: row.id,
    kind: row.kind,
    dueOn: row.due_on,
    createdAt: row.created_at.toISOString(),
    referralId: row.referral_id,
    referralReference: row.reference,
    clientName: row.first_name === null ? null : `${row.first_name} ${row.last_name}`,
    visitId: row.visit_id,
    wardName: row.ward,
    hospitalName: row.hospital,
    meetingId: row.meeting_id,
    meetingKind: row.meeting_kind,
    startsAt: row.meeting_starts
      ? row.meeting_starts.toISOString()
      : row.visit_date && row.visit_time
        ? londonInstant(row.visit_date, row.visit_time).toISOString()
        : null,
    lastContactOn: row.kind === 'NO_CONTACT_14_DAYS' ? addDays(row.due_on, -NO_CONTACT_DAYS) : null,
  };
}

@Injectable()
export class RemindersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  /** Oldest due first (keyset on due day and id). Audited when it shows cases. */
  async list(ctx: RequestContext, query: ReminderQuery): Promise<ReminderListDto> {
    const user = requireUser(ctx);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, isCursor);
    const params: unknown[] = [user.id, limit + 1];
    if (cursor) params.push(cursor[0], cursor[1]);
    const rows = (await this.dataSource.query(
      `SELECT x.id, x.kind, x.due_on::text AS due_on, x.created_at, x.referral_id, r.reference,
              c.first_name, c.last_name, x.visit_id, w.name AS ward, h.name AS hospital,
              v.date::text AS visit_date, v.start_time AS visit_time,
              x.meeting_id, m.kind AS meeting_kind, m.starts_at AS meeting_starts
         ${JOINS}
         LEFT JOIN clients c ON c.id = r.client_id
         LEFT JOIN wards w ON w.id = v.ward_id
         LEFT JOIN hospitals h ON h.id = w.hospital_id
         LEFT JOIN meetings m ON m.id = x.meeting_id
        WHERE ${OWN} ${cursor ? 'AND (x.due_on, x.id) > ($3::date, $4::uuid)' : ''}
        ORDER BY x.due_on, x.id
        LIMIT $2`,
      params,
    )) as Row[];
    const page = toPage(rows, limit, mapReminder, (row) => [row.due_on, row.id]);
    const shown = [...new Set(page.items.flatMap((item) => (item.referralId ? [item.referralId] : [])))];
    if (shown.length)
      await this.audit.recordAlone(ctx, {
        action: 'reminder.list',
        entityType: 'reminder',
        details: { referrals: shown },
      });
    return page;
  }

  /** For the count in the navigation: no case content, so no audit event. */
  async count(ctx: RequestContext): Promise<ReminderCountDto> {
    const user = requireUser(ctx);
    const [{ open }] = (await this.dataSource.query(`SELECT count(*)::int AS open ${JOINS} WHERE ${OWN}`, [
      user.id,
    ])) as { open: number }[];
    return { open };
  }

  /** Dismisses one of the advocate's own reminders (again: no change); anyone else's answers 404. */
  async dismiss(ctx: RequestContext, id: string): Promise<void> {
    const user = requireUser(ctx);
    await this.dataSource.transaction(async (manager) => {
      const [found] = (await manager.query(
        `SELECT x.id, x.kind, x.referral_id, x.dismissed_at ${JOINS}
          WHERE x.id = $2 AND x.advocate_id = $1
            AND (x.referral_id IS NULL OR r.allocated_advocate_id = $1 OR r.created_by = $1)
            AND (x.visit_id IS NULL OR v.advocate_id = $1)
          FOR UPDATE OF x`,
        [user.id, id],
      )) as { id: string; kind: ReminderKind; referral_id: string | null; dismissed_at: Date | null }[];
      if (!found) throw notFound('reminder');
      if (found.dismissed_at) return;
      await manager.query('UPDATE reminders SET dismissed_at = now() WHERE id = $1', [id]);
      await this.audit.record(manager, ctx, {
        action: 'reminder.dismiss',
        entityType: 'reminder',
        entityId: id,
        details: { kind: found.kind, referralId: found.referral_id },
      });
    });
  }
}
