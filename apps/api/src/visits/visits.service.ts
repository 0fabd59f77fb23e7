import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { daysBetween, londonDate, occurrenceDates, visitInterval } from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { versionedUpdate } from '../database/versioned-update';
import { AppException, badRequest, notFound, staleVersion } from '../common/app.exception';
import { seesAllCases } from '../common/case-access';
import type { FieldError } from '../common/problem';
import { requireUser, type CurrentUser, type RequestContext } from '../common/request-context';
import { WardEntity } from '../hospitals/entities/ward.entity';
import { displayNames } from '../referrals/referral-access';
import {
  CancelVisitInput,
  CoverageDto,
  CreateScheduleInput,
  EndScheduleInput,
  LogVisitInput,
  MoveVisitInput,
  ScheduleDto,
  ScheduleListDto,
  SchedulesQuery,
  VisitDto,
  VisitListDto,
  VisitsQuery,
} from './dto/visit.dto';
import { VisitScheduleEntity } from './entities/visit-schedule.entity';
import { VisitEntity } from './entities/visit.entity';

/** The longest range one request may expand (a quarter). */
export const MAX_VISIT_RANGE_DAYS = 93;

/** SQL: the visit's end (its wall time in England plus its length) has passed. Same rule as VisitDto.missed. */
const ENDED = `((v.date + v.start_time::time) AT TIME ZONE 'Europe/London') + make_interval(mins => v.duration_minutes) < now()`;

type Names = ReadonlyMap<string, string>;

export function checkRange(from: string, to: string): void {
  if (to < from) throw badRequest([{ field: 'to', message: 'must be on or after from' }]);
  if (daysBetween(from, to) > MAX_VISIT_RANGE_DAYS) {
    throw badRequest([{ field: 'to', message: `must be at most ${MAX_VISIT_RANGE_DAYS} days after from` }]);
  }
}

/** Advocates reach their own visits and schedules; managers everyone's. */
function advocateScope(user: CurrentUser, requested?: string): string | undefined {
  return seesAllCases(user) ? requested : user.id;
}

export function mapVisit(v: VisitEntity, names: Names, now = new Date()): VisitDto {
  const { start, end } = visitInterval(v.date, v.startTime, v.durationMinutes);
  return {
    id: v.id,
    scheduleId: v.scheduleId,
    wardId: v.wardId,
    wardName: v.ward?.name ?? '',
    hospitalName: v.ward?.hospital?.name ?? '',
    advocateId: v.advocateId,
    advocateName: names.get(v.advocateId) ?? 'Unknown user',
    date: v.date,
    startTime: v.startTime,
    durationMinutes: v.durationMinutes,
    startsAt: start.toISOString(),
    endsAt: end.toISOString(),
    status: v.status,
    moved: v.occurrenceDate !== null && v.occurrenceDate !== v.date,
    plannedDate: v.occurrenceDate,
    patientsSeen: v.patientsSeen,
    newReferrals: v.newReferrals,
    minutesSpent: v.minutesSpent,
    note: v.note,
    cancelReason: v.cancelReason,
    loggedAt: v.loggedAt?.toISOString() ?? null,
    missed: v.status === 'PLANNED' && end < now,
    version: v.version,
  };
}

function mapSchedule(s: VisitScheduleEntity, names: Names): ScheduleDto {
  return {
    id: s.id,
    wardId: s.wardId,
    wardName: s.ward?.name ?? '',
    hospitalName: s.ward?.hospital?.name ?? '',
    advocateId: s.advocateId,
    advocateName: names.get(s.advocateId) ?? 'Unknown user',
    weekday: s.weekday,
    startTime: s.startTime,
    durationMinutes: s.durationMinutes,
    startsOn: s.startsOn,
    endsOn: s.endsOn,
    version: s.version,
  };
}

@Injectable()
export class VisitsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  // ---------------------------------------------------------------------------------------
  // Schedules

  async createSchedule(ctx: RequestContext, input: CreateScheduleInput): Promise<ScheduleDto> {
    if (input.endsOn && input.endsOn < input.startsOn) {
      throw badRequest([{ field: 'endsOn', message: 'must be on or after startsOn' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      const errors: FieldError[] = [];
      if (!(await manager.getRepository(WardEntity).existsBy({ id: input.wardId }))) {
        errors.push({ field: 'wardId', message: 'is not a ward on record' });
      }
      if (!(await this.isActiveAdvocate(manager, input.advocateId))) {
        errors.push({ field: 'advocateId', message: 'is not an active advocate' });
      }
      if (errors.length) throw badRequest(errors);
      const repo = manager.getRepository(VisitScheduleEntity);
      const saved = await repo.save(
        repo.create({ ...input, endsOn: input.endsOn ?? null, createdBy: requireUser(ctx).id }),
      );
      await this.audit.record(manager, ctx, {
        action: 'visit-schedule.create',
        entityType: 'visit_schedule',
        entityId: saved.id,
        details: { wardId: input.wardId, advocateId: input.advocateId },
      });
      return this.loadSchedule(manager, saved.id);
    });
  }

  async listSchedules(ctx: RequestContext, query: SchedulesQuery): Promise<ScheduleListDto> {
    const user = requireUser(ctx);
    const qb = this.dataSource
      .getRepository(VisitScheduleEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.ward', 'w')
      .innerJoinAndSelect('w.hospital', 'h')
      .orderBy('h.name')
      .addOrderBy('w.name')
      .addOrderBy('s.startsOn');
    const advocateId = advocateScope(user, query.advocateId);
    if (advocateId) qb.andWhere('s.advocateId = :advocateId', { advocateId });
    if (query.wardId) qb.andWhere('s.wardId = :wardId', { wardId: query.wardId });
    const rows = await qb.getMany();
    const names = await displayNames(
      this.dataSource.manager,
      rows.map((s) => s.advocateId),
    );
    return { items: rows.map((s) => mapSchedule(s, names)) };
  }

  /** Ends a schedule on a day: planned visits after it (not moved, not logged) are removed. */
  async endSchedule(ctx: RequestContext, id: string, input: EndScheduleInput): Promise<ScheduleDto> {
    return this.dataSource.transaction(async (manager) => {
      const schedule = await manager
        .getRepository(VisitScheduleEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!schedule) throw notFound('visit schedule');
      if (schedule.version !== input.version) throw staleVersion();
      if (input.endsOn < schedule.startsOn) {
        throw badRequest([{ field: 'endsOn', message: 'must be on or after the schedule’s start' }]);
      }
      await versionedUpdate(manager, VisitScheduleEntity, id, input.version, { endsOn: input.endsOn });
      const removed = await manager.query(
        `DELETE FROM visits WHERE schedule_id = $1 AND status = 'PLANNED' AND logged_at IS NULL
            AND date = occurrence_date AND occurrence_date > $2`,
        [id, input.endsOn],
      );
      await this.audit.record(manager, ctx, {
        action: 'visit-schedule.end',
        entityType: 'visit_schedule',
        entityId: id,
        details: {
          endsOn: input.endsOn,
          plannedVisitsRemoved: Array.isArray(removed) ? removed[1] : undefined,
        },
      });
      return this.loadSchedule(manager, id);
    });
  }

  private async loadSchedule(manager: EntityManager, id: string): Promise<ScheduleDto> {
    const schedule = await manager
      .getRepository(VisitScheduleEntity)
      .createQueryBuilder('s')
      .innerJoinAndSelect('s.ward', 'w')
      .innerJoinAndSelect('w.hospital', 'h')
      .where('s.id = :id', { id })
      .getOneOrFail();
    return mapSchedule(schedule, await displayNames(manager, [schedule.advocateId]));
  }

  private async isActiveAdvocate(manager: EntityManager, id: string): Promise<boolean> {
    const rows = (await manager.query(
      `SELECT 1 FROM users WHERE id = $1 AND active AND 'ADVOCATE' = ANY (roles)`,
      [id],
    )) as unknown[];
    return rows.length > 0;
  }

  // ---------------------------------------------------------------------------------------
  // Visits

  /**
   * Makes the planned visits of every schedule in the range exist as rows (once: a unique key
   * on schedule and planned date), so each has a stable id and version to log against.
   */
  async plan(
    manager: EntityManager,
    from: string,
    to: string,
    filter: { advocateId?: string; wardId?: string },
  ) {
    const qb = manager
      .getRepository(VisitScheduleEntity)
      .createQueryBuilder('s')
      .where('s.startsOn <= :to AND (s.endsOn IS NULL OR s.endsOn >= :from)', { from, to });
    if (filter.advocateId) qb.andWhere('s.advocateId = :advocateId', { advocateId: filter.advocateId });
    if (filter.wardId) qb.andWhere('s.wardId = :wardId', { wardId: filter.wardId });
    const schedules = await qb.getMany();
    const rows = schedules.flatMap((s) =>
      occurrenceDates(s, from, to).map((date) => ({
        scheduleId: s.id,
        occurrenceDate: date,
        wardId: s.wardId,
        advocateId: s.advocateId,
        date,
        startTime: s.startTime,
        durationMinutes: s.durationMinutes,
      })),
    );
    for (let i = 0; i < rows.length; i += 500) {
      await manager
        .createQueryBuilder()
        .insert()
        .into(VisitEntity)
        .values(rows.slice(i, i + 500))
        .orIgnore()
        .execute();
    }
  }

  async list(ctx: RequestContext, query: VisitsQuery): Promise<VisitListDto> {
    const user = requireUser(ctx);
    checkRange(query.from, query.to);
    const advocateId = advocateScope(user, query.advocateId);
    return this.dataSource.transaction(async (manager) => {
      await this.plan(manager, query.from, query.to, { advocateId, wardId: query.wardId });
      const visits = await this.visitsIn(manager, query.from, query.to, { advocateId, wardId: query.wardId });
      const names = await displayNames(
        manager,
        visits.map((v) => v.advocateId),
      );
      return { items: visits.map((v) => mapVisit(v, names)) };
    });
  }

  async visitsIn(
    manager: EntityManager,
    from: string,
    to: string,
    filter: { advocateId?: string; wardId?: string },
  ): Promise<VisitEntity[]> {
    const qb = manager
      .getRepository(VisitEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.ward', 'w')
      .innerJoinAndSelect('w.hospital', 'h')
      .where('v.date BETWEEN :from AND :to', { from, to })
      .orderBy('v.date')
      .addOrderBy('v.startTime')
      .addOrderBy('h.name')
      .addOrderBy('w.name');
    if (filter.advocateId) qb.andWhere('v.advocateId = :advocateId', { advocateId: filter.advocateId });
    if (filter.wardId) qb.andWhere('v.wardId = :wardId', { wardId: filter.wardId });
    return qb.getMany();
  }

  /** One visit (advocates: their own; 404 otherwise). */
  async get(ctx: RequestContext, id: string): Promise<VisitDto> {
    const user = requireUser(ctx);
    const qb = this.dataSource
      .getRepository(VisitEntity)
      .createQueryBuilder('v')
      .innerJoinAndSelect('v.ward', 'w')
      .innerJoinAndSelect('w.hospital', 'h')
      .where('v.id = :id', { id });
    if (!seesAllCases(user)) qb.andWhere('v.advocateId = :me', { me: user.id });
    const visit = await qb.getOne();
    if (!visit) throw notFound('visit');
    return mapVisit(visit, await displayNames(this.dataSource.manager, [visit.advocateId]));
  }

  async log(ctx: RequestContext, id: string, input: LogVisitInput): Promise<VisitDto> {
    const errors: FieldError[] = [];
    if (input.newReferrals > input.patientsSeen) {
      errors.push({ field: 'newReferrals', message: 'must not be more than patientsSeen' });
    }
    if (input.status === 'CANCELLED') {
      if (!input.reason)
        errors.push({ field: 'reason', message: 'is required when the visit was cancelled' });
      if (input.patientsSeen > 0)
        errors.push({ field: 'patientsSeen', message: 'must be 0 for a cancelled visit' });
    }
    if (errors.length) throw badRequest(errors);
    return this.change(ctx, id, input.version, 'visit.log', async (visit) => {
      if (input.status === 'HELD' && visit.date > londonDate()) {
        throw new AppException(
          422,
          'visit-in-future',
          'A visit can only be logged as held on or after its day.',
        );
      }
      return {
        status: input.status,
        patientsSeen: input.patientsSeen,
        newReferrals: input.newReferrals,
        minutesSpent: input.minutesSpent,
        note: input.note || null,
        cancelReason: input.status === 'CANCELLED' ? (input.reason ?? null) : null,
        loggedAt: new Date(),
        loggedBy: requireUser(ctx).id,
      };
    });
  }

  async move(ctx: RequestContext, id: string, input: MoveVisitInput): Promise<VisitDto> {
    return this.change(ctx, id, input.version, 'visit.move', async (visit) => {
      if (visit.status !== 'PLANNED') throw this.notPlanned();
      return {
        date: input.date,
        startTime: input.startTime,
        durationMinutes: input.durationMinutes ?? visit.durationMinutes,
      };
    });
  }

  async cancel(ctx: RequestContext, id: string, input: CancelVisitInput): Promise<VisitDto> {
    return this.change(ctx, id, input.version, 'visit.cancel', async (visit) => {
      if (visit.status !== 'PLANNED') throw this.notPlanned();
      return { status: 'CANCELLED', cancelReason: input.reason };
    });
  }

  private notPlanned() {
    return new AppException(
      409,
      'visit-not-planned',
      'Only a planned visit can be moved or cancelled ahead; this one is logged.',
    );
  }

  /** Load (own visits only for advocates: 404 otherwise), check version, update, audit. */
  private async change(
    ctx: RequestContext,
    id: string,
    version: number,
    action: string,
    build: (visit: VisitEntity) => Promise<Partial<VisitEntity>>,
  ): Promise<VisitDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      const qb = manager
        .getRepository(VisitEntity)
        .createQueryBuilder('v')
        .where('v.id = :id', { id })
        .setLock('pessimistic_write');
      if (!seesAllCases(user)) qb.andWhere('v.advocateId = :me', { me: user.id });
      const visit = await qb.getOne();
      if (!visit) throw notFound('visit');
      if (visit.version !== version) throw staleVersion();
      const set = await build(visit);
      await versionedUpdate(manager, VisitEntity, id, version, set);
      await this.audit.record(manager, ctx, {
        action,
        entityType: 'visit',
        entityId: id,
        details: { status: set.status ?? visit.status },
      });
      const after = await manager
        .getRepository(VisitEntity)
        .createQueryBuilder('v')
        .innerJoinAndSelect('v.ward', 'w')
        .innerJoinAndSelect('w.hospital', 'h')
        .where('v.id = :id', { id })
        .getOneOrFail();
      return mapVisit(after, await displayNames(manager, [after.advocateId]));
    });
  }

  /** Ward coverage for managers: every ward, with its scheduled, held, cancelled and missed visits. */
  async coverage(from: string, to: string): Promise<CoverageDto> {
    checkRange(from, to);
    return this.dataSource.transaction(async (manager) => {
      await this.plan(manager, from, to, {});
      const rows = (await manager.query(
        `SELECT w.id, w.name, h.name AS hospital,
                count(v.id)::int AS scheduled,
                count(v.id) FILTER (WHERE v.status = 'HELD')::int AS held,
                count(v.id) FILTER (WHERE v.status = 'CANCELLED')::int AS cancelled,
                count(v.id) FILTER (WHERE v.status = 'PLANNED' AND ${ENDED})::int AS missed,
                count(v.id) FILTER (WHERE v.status = 'PLANNED' AND NOT ${ENDED})::int AS upcoming,
                coalesce(sum(v.patients_seen), 0)::int AS patients_seen,
                coalesce(sum(v.new_referrals), 0)::int AS new_referrals
           FROM wards w
           JOIN hospitals h ON h.id = w.hospital_id
           LEFT JOIN visits v ON v.ward_id = w.id AND v.date BETWEEN $1 AND $2
          GROUP BY w.id, w.name, h.name
          ORDER BY h.name, w.name`,
        [from, to],
      )) as {
        id: string;
        name: string;
        hospital: string;
        scheduled: number;
        held: number;
        cancelled: number;
        missed: number;
        upcoming: number;
        patients_seen: number;
        new_referrals: number;
      }[];
      return {
        items: rows.map((r) => ({
          wardId: r.id,
          wardName: r.name,
          hospitalName: r.hospital,
          scheduled: r.scheduled,
          held: r.held,
          cancelled: r.cancelled,
          missed: r.missed,
          upcoming: r.upcoming,
          patientsSeen: r.patients_seen,
          newReferrals: r.new_referrals,
        })),
      };
    });
  }
}
