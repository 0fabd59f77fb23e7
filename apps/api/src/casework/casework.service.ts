import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  MEETING_KIND_LABELS,
  NOTE_KIND_LABELS,
  RECORDS_ACCESS_BASIS_LABELS,
  REFERRAL_ACTION_LABELS,
  STATUS_LABELS,
  daysBetween,
  visitInterval,
  isReferralAction,
  nextActions,
  type MeetingKind,
  type NoteKind,
} from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { versionedUpdate } from '../database/versioned-update';
import { AppException, badRequest, notFound, staleVersion } from '../common/app.exception';
import { seesAllCases } from '../common/case-access';
import { requireUser, type RequestContext } from '../common/request-context';
import { ReferralEventEntity } from '../referrals/entities/referral-event.entity';
import type { ReferralEntity } from '../referrals/entities/referral.entity';
import { displayNames, findVisibleReferral } from '../referrals/referral-access';
import { ReferralsService } from '../referrals/referrals.service';
import {
  AmendNoteInput,
  CreateMeetingInput,
  CreateNoteInput,
  CreateRecordsAccessInput,
  MeetingDto,
  MeetingListDto,
  NoteDto,
  NoteListDto,
  RecordsAccessDto,
  RecordsAccessListDto,
  TimelineDto,
  TimelineItemDto,
  WeeklyTimeListDto,
  WeeklyTimeQuery,
} from './dto/casework.dto';
import { CaseNoteEntity } from './entities/case-note.entity';
import { MeetingEntity } from './entities/meeting.entity';
import { NoteVersionEntity } from './entities/note-version.entity';
import { VisitEntity } from '../visits/entities/visit.entity';
import { RecordsAccessEntity } from './entities/records-access.entity';

type Names = ReadonlyMap<string, string>;
const person = (names: Names, id: string) => ({ id, displayName: names.get(id) ?? 'Unknown user' });

/** Notes of these kinds record contact with the person (DOMAIN.md: first contact ends the wait). */
export const CONTACT_NOTE_KINDS: readonly NoteKind[] = ['CONTACT', 'VISIT', 'MEETING'];
/** Meetings with the person themselves. */
export const CONTACT_MEETING_KINDS: readonly MeetingKind[] = ['CLIENT_MEETING'];
const OPEN_STATUSES = ['ALLOCATED', 'ACTIVE'];

/**
 * The work on a case: meetings, versioned case notes, records access (IMHA), the case timeline
 * and time. Everything follows the referral's ownership (404 otherwise) and is audited.
 */
@Injectable()
export class CaseworkService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly referrals: ReferralsService,
  ) {}

  // ---------------------------------------------------------------------------------------
  // Meetings

  async createMeeting(
    ctx: RequestContext,
    referralId: string,
    input: CreateMeetingInput,
  ): Promise<MeetingDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      const referral = await findVisibleReferral(manager, user, referralId, { lock: true });
      if (!OPEN_STATUSES.includes(referral.status)) {
        throw new AppException(
          409,
          'case-not-open',
          'Meetings are recorded on allocated or active cases only.',
        );
      }
      const startsAt = new Date(input.startsAt);
      if (startsAt < referral.receivedAt) {
        throw badRequest([{ field: 'startsAt', message: 'must not be before the referral was received' }]);
      }
      const repo = manager.getRepository(MeetingEntity);
      const meeting = await repo.save(
        repo.create({
          referralId,
          kind: input.kind,
          startsAt,
          durationMinutes: input.durationMinutes ?? null,
          location: input.location,
          inPrivate: input.inPrivate,
          attendees: input.attendees.map((a) => a.trim()),
          outcome: input.outcome || null,
          createdBy: user.id,
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'meeting.create',
        entityType: 'meeting',
        entityId: meeting.id,
        details: { referralId, kind: input.kind },
      });
      if (CONTACT_MEETING_KINDS.includes(input.kind) && startsAt.getTime() <= Date.now()) {
        await this.firstContact(manager, ctx, referral, startsAt);
      }
      return mapMeeting(meeting, await displayNames(manager, [meeting.createdBy]));
    });
  }

  async listMeetings(ctx: RequestContext, referralId: string): Promise<MeetingListDto> {
    const user = requireUser(ctx);
    const manager = this.dataSource.manager;
    await findVisibleReferral(manager, user, referralId);
    const rows = await manager
      .getRepository(MeetingEntity)
      .find({ where: { referralId }, order: { startsAt: 'ASC' } });
    await this.audit.recordAlone(ctx, {
      action: 'meeting.list',
      entityType: 'referral',
      entityId: referralId,
      details: { shown: rows.map((m) => m.id) },
    });
    const names = await displayNames(
      manager,
      rows.map((m) => m.createdBy),
    );
    return { items: rows.map((m) => mapMeeting(m, names)) };
  }

  /**
   * The first contact with the person (a contact note, or a meeting with them that has
   * happened) moves an allocated referral to ACTIVE and stops its waiting time, when the
   * author may record it (the allocated advocate or a manager).
   */
  private async firstContact(
    manager: EntityManager,
    ctx: RequestContext,
    referral: ReferralEntity,
    at: Date,
  ) {
    const user = requireUser(ctx);
    const may = nextActions(referral.status, {
      roles: user.roles,
      eligible: referral.eligible,
      inScopeCount: referral.inScope.length,
      isAllocatedAdvocate: referral.allocatedAdvocateId === user.id,
    }).includes('RECORD_FIRST_CONTACT');
    if (!may || referral.firstContactAt) return;
    await this.referrals.applyTransition(manager, ctx, referral, 'RECORD_FIRST_CONTACT', async () => ({
      set: { firstContactAt: at },
      reason: 'First contact recorded with casework',
    }));
  }

  // ---------------------------------------------------------------------------------------
  // Notes

  async createNote(ctx: RequestContext, referralId: string, input: CreateNoteInput): Promise<NoteDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      // Notes on one case are written side by side. Only a note that may be the first contact
      // locks the referral, so two such notes at once record one first contact; it locks before
      // inserting, since the note's foreign key takes a share lock on the referral (taking the
      // lock after that deadlocks with a second such note).
      let referral = await findVisibleReferral(manager, user, referralId);
      const mayBeFirstContact = CONTACT_NOTE_KINDS.includes(input.kind) && !referral.firstContactAt;
      if (mayBeFirstContact) referral = await findVisibleReferral(manager, user, referralId, { lock: true });
      const now = new Date();
      const noteRepo = manager.getRepository(CaseNoteEntity);
      const note = await noteRepo.save(
        noteRepo.create({
          referralId,
          kind: input.kind,
          minutesSpent: input.minutesSpent ?? null,
          createdBy: user.id,
          createdAt: now,
          version: 1,
        }),
      );
      await manager.getRepository(NoteVersionEntity).insert({
        noteId: note.id,
        version: 1,
        body: input.body,
        reason: null,
        createdBy: user.id,
        createdAt: now,
      });
      if (mayBeFirstContact) await this.firstContact(manager, ctx, referral, now);
      const [answer] = await this.loadNotes(manager, [note]);
      // Last, so the audit chain's lock (audit_append) is held only until COMMIT, not across the
      // statements above: writes on any case wait for each other there.
      await this.audit.record(manager, ctx, {
        action: 'note.create',
        entityType: 'note',
        entityId: note.id,
        details: { referralId, kind: input.kind },
      });
      return answer;
    });
  }

  async listNotes(ctx: RequestContext, referralId: string): Promise<NoteListDto> {
    const user = requireUser(ctx);
    const manager = this.dataSource.manager;
    await findVisibleReferral(manager, user, referralId);
    const notes = await manager
      .getRepository(CaseNoteEntity)
      .find({ where: { referralId }, order: { createdAt: 'ASC' } });
    await this.audit.recordAlone(ctx, {
      action: 'note.list',
      entityType: 'referral',
      entityId: referralId,
      details: { shown: notes.map((n) => n.id) },
    });
    return { items: await this.loadNotes(manager, notes) };
  }

  /**
   * Adds a version to a note (the author or a manager); earlier versions stay readable.
   * A stale version answers 409 and adds nothing.
   */
  async amendNote(ctx: RequestContext, noteId: string, input: AmendNoteInput): Promise<NoteDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      const note = await manager
        .getRepository(CaseNoteEntity)
        .findOne({ where: { id: noteId }, lock: { mode: 'pessimistic_write' } });
      if (!note) throw notFound('note');
      await findVisibleReferral(manager, user, note.referralId).catch(() => {
        throw notFound('note');
      });
      if (note.createdBy !== user.id && !user.roles.includes('MANAGER')) {
        throw new AppException(403, 'forbidden', 'Only the author or a manager may amend a note.');
      }
      if (note.version !== input.version) throw staleVersion();
      const next = note.version + 1;
      await versionedUpdate(manager, CaseNoteEntity, noteId, input.version, {}, { touch: false });
      await manager.getRepository(NoteVersionEntity).insert({
        noteId,
        version: next,
        body: input.body,
        reason: input.reason,
        createdBy: user.id,
        createdAt: new Date(),
      });
      await this.audit.record(manager, ctx, {
        action: 'note.amend',
        entityType: 'note',
        entityId: noteId,
        details: { referralId: note.referralId, version: next },
      });
      return (await this.loadNotes(manager, [{ ...note, version: next }]))[0];
    });
  }

  private async loadNotes(manager: EntityManager, notes: CaseNoteEntity[]): Promise<NoteDto[]> {
    if (!notes.length) return [];
    const versions = await manager
      .getRepository(NoteVersionEntity)
      .find({ where: { noteId: In(notes.map((n) => n.id)) }, order: { version: 'ASC' } });
    const names = await displayNames(manager, [
      ...notes.map((n) => n.createdBy),
      ...versions.map((v) => v.createdBy),
    ]);
    return notes.map((n) => {
      const own = versions.filter((v) => v.noteId === n.id);
      return {
        id: n.id,
        referralId: n.referralId,
        kind: n.kind,
        minutesSpent: n.minutesSpent,
        body: own[own.length - 1]?.body ?? '',
        version: n.version,
        createdBy: person(names, n.createdBy),
        createdAt: n.createdAt.toISOString(),
        versions: own.map((v) => ({
          version: v.version,
          body: v.body,
          reason: v.reason,
          createdBy: person(names, v.createdBy),
          createdAt: v.createdAt.toISOString(),
        })),
      };
    });
  }

  // ---------------------------------------------------------------------------------------
  // Records access (IMHA)

  async createRecordsAccess(
    ctx: RequestContext,
    referralId: string,
    input: CreateRecordsAccessInput,
  ): Promise<RecordsAccessDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      const referral = await findVisibleReferral(manager, user, referralId);
      if (referral.serviceType !== 'IMHA') {
        throw new AppException(
          422,
          'not-imha',
          'Records access is an IMHA right (Mental Health Act s130B): it is recorded on IMHA referrals only.',
        );
      }
      if (input.accessedOn < referral.receivedAt.toISOString().slice(0, 10)) {
        throw badRequest([{ field: 'accessedOn', message: 'must not be before the referral was received' }]);
      }
      const repo = manager.getRepository(RecordsAccessEntity);
      const saved = await repo.save(repo.create({ ...input, referralId, recordedBy: user.id }));
      await this.audit.record(manager, ctx, {
        action: 'records-access.create',
        entityType: 'records_access',
        entityId: saved.id,
        details: { referralId, basis: input.basis },
      });
      return mapRecordsAccess(saved, await displayNames(manager, [user.id]));
    });
  }

  async listRecordsAccess(ctx: RequestContext, referralId: string): Promise<RecordsAccessListDto> {
    const user = requireUser(ctx);
    const manager = this.dataSource.manager;
    await findVisibleReferral(manager, user, referralId);
    const rows = await manager
      .getRepository(RecordsAccessEntity)
      .find({ where: { referralId }, order: { accessedOn: 'ASC', createdAt: 'ASC' } });
    await this.audit.recordAlone(ctx, {
      action: 'records-access.list',
      entityType: 'referral',
      entityId: referralId,
      details: { shown: rows.map((r) => r.id) },
    });
    const names = await displayNames(
      manager,
      rows.map((r) => r.recordedBy),
    );
    return { items: rows.map((r) => mapRecordsAccess(r, names)) };
  }

  // ---------------------------------------------------------------------------------------
  // Timeline and time

  /** The case as one chronological file: status history, notes, meetings and records access. */
  async timeline(ctx: RequestContext, referralId: string): Promise<TimelineDto> {
    const user = requireUser(ctx);
    const manager = this.dataSource.manager;
    const referral = await findVisibleReferral(manager, user, referralId);
    // One connection per transaction: queries run one after another, never concurrently.
    const events = await manager.getRepository(ReferralEventEntity).find({ where: { referralId } });
    const notes = await manager.getRepository(CaseNoteEntity).find({ where: { referralId } });
    const meetings = await manager.getRepository(MeetingEntity).find({ where: { referralId } });
    const access = await manager.getRepository(RecordsAccessEntity).find({ where: { referralId } });
    // The ward visit the person was met on (WARD_VISIT referrals).
    const visit = referral.visitId
      ? await manager
          .getRepository(VisitEntity)
          .findOne({ where: { id: referral.visitId }, relations: { ward: { hospital: true } } })
      : null;
    const noteDtos = await this.loadNotes(manager, notes);
    const names = await displayNames(manager, [
      ...events.map((e) => e.actorId),
      ...meetings.map((m) => m.createdBy),
      ...access.map((a) => a.recordedBy),
      visit?.advocateId,
      ...events.map((e) => (typeof e.details?.['advocateId'] === 'string' ? e.details['advocateId'] : null)),
    ]);
    const items: TimelineItemDto[] = [
      ...events.map((e) => {
        const advocateId = typeof e.details?.['advocateId'] === 'string' ? e.details['advocateId'] : null;
        const label = isReferralAction(e.action) ? REFERRAL_ACTION_LABELS[e.action] : 'Received';
        return {
          type: 'STATUS' as const,
          id: e.id,
          at: e.at.toISOString(),
          by: person(names, e.actorId),
          title: `${label}${advocateId ? ` to ${names.get(advocateId) ?? 'an advocate'}` : ''}: ${STATUS_LABELS[e.toStatus]}`,
          text: e.reason,
        };
      }),
      ...noteDtos.map((n) => ({
        type: 'NOTE' as const,
        id: n.id,
        at: n.createdAt,
        by: n.createdBy,
        title: `${NOTE_KIND_LABELS[n.kind]} note${n.version > 1 ? ` (amended, version ${n.version})` : ''}`,
        text: n.body,
      })),
      ...meetings.map((m) => ({
        type: 'MEETING' as const,
        id: m.id,
        at: m.startsAt.toISOString(),
        by: person(names, m.createdBy),
        title: `${MEETING_KIND_LABELS[m.kind]} at ${m.location}${m.inPrivate ? ' (in private)' : ''}`,
        text: m.outcome,
      })),
      ...access.map((a) => ({
        type: 'RECORDS_ACCESS' as const,
        id: a.id,
        at: `${a.accessedOn}T12:00:00.000Z`,
        by: person(names, a.recordedBy),
        title: `Records accessed (${RECORDS_ACCESS_BASIS_LABELS[a.basis]}), held by ${a.heldBy}`,
        text: a.recordsDescription,
      })),
      ...(visit
        ? [
            {
              type: 'VISIT' as const,
              id: visit.id,
              at: visitInterval(visit.date, visit.startTime, visit.durationMinutes).start.toISOString(),
              by: person(names, visit.advocateId),
              title:
                `Met on a ward visit: ${visit.ward?.name ?? 'ward'}, ${visit.ward?.hospital?.name ?? ''}`.replace(
                  /, $/,
                  '',
                ),
              text: null,
            },
          ]
        : []),
    ].sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
    await this.audit.recordAlone(ctx, {
      action: 'timeline.read',
      entityType: 'referral',
      entityId: referralId,
    });
    return { items };
  }

  /** Minutes per advocate per week (Monday, Europe/London): case notes plus ward visits. */
  async weeklyTime(ctx: RequestContext, query: WeeklyTimeQuery): Promise<WeeklyTimeListDto> {
    const user = requireUser(ctx);
    if (query.to < query.from) throw badRequest([{ field: 'to', message: 'must be on or after from' }]);
    if (daysBetween(query.from, query.to) > 366) {
      throw badRequest([{ field: 'to', message: 'must be at most 366 days after from' }]);
    }
    const advocateId = seesAllCases(user) ? (query.advocateId ?? null) : user.id;
    const rows = (await this.dataSource.query(
      `WITH entries AS (
         SELECT created_by AS advocate_id, (created_at AT TIME ZONE 'Europe/London')::date AS day,
                minutes_spent AS casework, 0 AS visits
           FROM case_notes WHERE minutes_spent IS NOT NULL
         UNION ALL
         SELECT advocate_id, date, 0, minutes_spent FROM visits WHERE status = 'HELD'
       )
       SELECT e.advocate_id, u.display_name,
              to_char(date_trunc('week', e.day), 'YYYY-MM-DD') AS week_starting,
              sum(e.casework)::int AS casework, sum(e.visits)::int AS visits
         FROM entries e JOIN users u ON u.id = e.advocate_id
        WHERE e.day BETWEEN $1 AND $2 AND ($3::uuid IS NULL OR e.advocate_id = $3)
        GROUP BY e.advocate_id, u.display_name, week_starting
        ORDER BY week_starting, u.display_name`,
      [query.from, query.to, advocateId],
    )) as {
      advocate_id: string;
      display_name: string;
      week_starting: string;
      casework: number;
      visits: number;
    }[];
    return {
      items: rows.map((r) => ({
        advocateId: r.advocate_id,
        advocateName: r.display_name,
        weekStarting:
          typeof r.week_starting === 'string'
            ? r.week_starting
            : new Date(r.week_starting).toISOString().slice(0, 10),
        caseworkMinutes: r.casework,
        visitMinutes: r.visits,
        totalMinutes: r.casework + r.visits,
      })),
    };
  }
}

function mapMeeting(m: MeetingEntity, names: Names): MeetingDto {
  return {
    id: m.id,
    referralId: m.referralId,
    kind: m.kind,
    startsAt: m.startsAt.toISOString(),
    durationMinutes: m.durationMinutes,
    location: m.location,
    inPrivate: m.inPrivate,
    attendees: m.attendees,
    outcome: m.outcome,
    createdBy: person(names, m.createdBy),
    createdAt: m.createdAt.toISOString(),
  };
}

function mapRecordsAccess(r: RecordsAccessEntity, names: Names): RecordsAccessDto {
  return {
    id: r.id,
    referralId: r.referralId,
    recordsDescription: r.recordsDescription,
    basis: r.basis,
    heldBy: r.heldBy,
    accessedOn: r.accessedOn,
    recordedBy: person(names, r.recordedBy),
    createdAt: r.createdAt.toISOString(),
  };
}
