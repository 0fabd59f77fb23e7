import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { MEETING_KIND_LABELS, addDays, londonDate, type MeetingKind } from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { MeetingEntity } from '../casework/entities/meeting.entity';
import { notFound } from '../common/app.exception';
import { seesAllCases } from '../common/case-access';
import { requireUser, type RequestContext } from '../common/request-context';
import { displayNames } from '../referrals/referral-access';
import { CalendarDto, CalendarFeedDto, CalendarItemDto, CalendarQuery } from './dto/calendar.dto';
import { CalendarFeedEntity } from './entities/calendar-feed.entity';
import { icalendar } from './ical';
import { VisitsService, checkRange, mapVisit } from './visits.service';

const hash = (token: string) => createHash('sha256').update(token).digest('hex');
/** How far a feed reaches: a month back, three months ahead. */
const FEED_PAST_DAYS = 31;
const FEED_FUTURE_DAYS = 92;
const DEFAULT_MEETING_MINUTES = 60;

interface MeetingRow {
  id: string;
  kind: MeetingKind;
  starts_at: Date;
  duration_minutes: number | null;
  referral_id: string;
  reference: string;
  advocate_id: string | null;
  first_name: string;
  last_name: string;
}

/**
 * An advocate's week and month of visits and meetings, a manager's view across advocates, and a
 * per-user iCalendar feed at a secret URL. The feed carries ward and time only: no client data.
 */
@Injectable()
export class CalendarService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly visits: VisitsService,
  ) {}

  async calendar(ctx: RequestContext, query: CalendarQuery): Promise<CalendarDto> {
    const user = requireUser(ctx);
    checkRange(query.from, query.to);
    const advocateId = seesAllCases(user) ? query.advocateId : user.id;
    return this.dataSource.transaction(async (manager) => {
      await this.visits.plan(manager, query.from, query.to, { advocateId });
      const visits = await this.visits.visitsIn(manager, query.from, query.to, { advocateId });
      const meetings = await this.meetingsIn(manager, query.from, query.to, advocateId);
      const names = await displayNames(manager, [
        ...visits.map((v) => v.advocateId),
        ...meetings.map((m) => m.advocate_id),
      ]);
      const items: CalendarItemDto[] = [
        ...visits.map((v) => {
          const dto = mapVisit(v, names);
          return {
            type: 'VISIT' as const,
            id: v.id,
            title: `Ward visit: ${dto.wardName}, ${dto.hospitalName}`,
            startsAt: dto.startsAt,
            endsAt: dto.endsAt,
            advocateId: v.advocateId,
            advocateName: dto.advocateName,
            status: v.status,
            referralId: null,
            reference: null,
            meetingKind: null,
            wardName: dto.wardName,
            hospitalName: dto.hospitalName,
          };
        }),
        ...meetings.map((m) => ({
          type: 'MEETING' as const,
          id: m.id,
          title: `${MEETING_KIND_LABELS[m.kind]}: ${m.first_name} ${m.last_name}`,
          startsAt: m.starts_at.toISOString(),
          endsAt: new Date(
            m.starts_at.getTime() + (m.duration_minutes ?? DEFAULT_MEETING_MINUTES) * 60_000,
          ).toISOString(),
          advocateId: m.advocate_id,
          advocateName: m.advocate_id ? (names.get(m.advocate_id) ?? null) : null,
          status: null,
          referralId: m.referral_id,
          reference: m.reference,
          meetingKind: m.kind,
          wardName: null,
          hospitalName: null,
        })),
      ].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      if (meetings.length) {
        await this.audit.record(manager, ctx, {
          action: 'calendar.read',
          entityType: 'meeting',
          details: { shown: meetings.map((m) => m.id) },
        });
      }
      return { items };
    });
  }

  /** Meetings on cases allocated to the advocate (or everyone's), whose London date is in range. */
  private async meetingsIn(manager: EntityManager, from: string, to: string, advocateId: string | undefined) {
    return (await manager.query(
      `SELECT m.id, m.kind, m.starts_at, m.duration_minutes, m.referral_id, r.reference,
              r.allocated_advocate_id AS advocate_id, c.first_name, c.last_name
         FROM meetings m
         JOIN referrals r ON r.id = m.referral_id
         JOIN clients c ON c.id = r.client_id
        WHERE m.starts_at >= ($1::date)::timestamp AT TIME ZONE 'Europe/London'
          AND m.starts_at < ($2::date + 1)::timestamp AT TIME ZONE 'Europe/London'
          AND ($3::uuid IS NULL OR r.allocated_advocate_id = $3 OR m.created_by = $3)
        ORDER BY m.starts_at`,
      [from, to, advocateId ?? null],
    )) as MeetingRow[];
  }

  async feedStatus(ctx: RequestContext): Promise<CalendarFeedDto> {
    const feed = await this.dataSource
      .getRepository(CalendarFeedEntity)
      .findOneBy({ userId: requireUser(ctx).id });
    return { active: !!feed, url: null, createdAt: feed?.createdAt.toISOString() ?? null };
  }

  /** A new secret URL (any earlier one stops working at once). */
  async createFeed(ctx: RequestContext, baseUrl: string): Promise<CalendarFeedDto> {
    const user = requireUser(ctx);
    const token = randomBytes(32).toString('base64url');
    return this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CalendarFeedEntity).delete({ userId: user.id });
      const feed = await manager
        .getRepository(CalendarFeedEntity)
        .save({ userId: user.id, tokenHash: hash(token) });
      await this.audit.record(manager, ctx, {
        action: 'calendar-feed.create',
        entityType: 'user',
        entityId: user.id,
      });
      return {
        active: true,
        url: `${baseUrl}/api/calendar/feeds/${token}.ics`,
        createdAt: feed.createdAt.toISOString(),
      };
    });
  }

  async revokeFeed(ctx: RequestContext): Promise<void> {
    const user = requireUser(ctx);
    await this.dataSource.transaction(async (manager) => {
      await manager.getRepository(CalendarFeedEntity).delete({ userId: user.id });
      await this.audit.record(manager, ctx, {
        action: 'calendar-feed.revoke',
        entityType: 'user',
        entityId: user.id,
      });
    });
  }

  /** The feed for a secret token: visits (ward, hospital, time) and meetings (kind and time only). */
  async feed(token: string): Promise<string> {
    const feed = /^[A-Za-z0-9_-]{43}$/.test(token)
      ? await this.dataSource.getRepository(CalendarFeedEntity).findOneBy({ tokenHash: hash(token) })
      : null;
    if (!feed) throw notFound('calendar feed');
    const [user] = (await this.dataSource.query('SELECT display_name, active FROM users WHERE id = $1', [
      feed.userId,
    ])) as { display_name: string; active: boolean }[];
    if (!user?.active) throw notFound('calendar feed');
    const today = londonDate();
    const from = addDays(today, -FEED_PAST_DAYS);
    const to = addDays(today, FEED_FUTURE_DAYS);
    return this.dataSource.transaction(async (manager) => {
      await this.visits.plan(manager, from, to, { advocateId: feed.userId });
      const visits = await this.visits.visitsIn(manager, from, to, { advocateId: feed.userId });
      const meetings = await manager
        .getRepository(MeetingEntity)
        .createQueryBuilder('m')
        .innerJoin('m.referral', 'r')
        .where('(r.allocatedAdvocateId = :me OR m.createdBy = :me)', { me: feed.userId })
        .andWhere(`m.startsAt >= (:from::date)::timestamp AT TIME ZONE 'Europe/London'`, { from })
        .andWhere(`m.startsAt < (:to::date + 1)::timestamp AT TIME ZONE 'Europe/London'`, { to })
        .getMany();
      const names = new Map([[feed.userId, user.display_name]]);
      return icalendar(`Beacon: ${user.display_name}`, [
        ...visits.map((v) => {
          const dto = mapVisit(v, names);
          return {
            uid: `visit-${v.id}@beacon`,
            start: new Date(dto.startsAt),
            end: new Date(dto.endsAt),
            summary: `Ward visit: ${dto.wardName}`,
            location: dto.hospitalName,
            status: v.status === 'CANCELLED' ? ('CANCELLED' as const) : ('CONFIRMED' as const),
          };
        }),
        ...meetings.map((m) => ({
          uid: `meeting-${m.id}@beacon`,
          start: m.startsAt,
          end: new Date(m.startsAt.getTime() + (m.durationMinutes ?? DEFAULT_MEETING_MINUTES) * 60_000),
          summary: `Advocacy: ${MEETING_KIND_LABELS[m.kind]}`,
        })),
      ]);
    });
  }
}
