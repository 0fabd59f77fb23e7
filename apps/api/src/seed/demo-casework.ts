import type { EntityManager } from 'typeorm';
import {
  addDays,
  londonDate,
  londonInstant,
  WEEKDAYS,
  type MeetingKind,
  type NoteKind,
} from '@beacon/domain';
import type { AuditService } from '../audit/audit.service';
import { CaseNoteEntity } from '../casework/entities/case-note.entity';
import { MeetingEntity } from '../casework/entities/meeting.entity';
import { NoteVersionEntity } from '../casework/entities/note-version.entity';
import { RecordsAccessEntity } from '../casework/entities/records-access.entity';
import { HospitalEntity } from '../hospitals/entities/hospital.entity';
import { WardEntity } from '../hospitals/entities/ward.entity';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { VisitScheduleEntity } from '../visits/entities/visit-schedule.entity';
import { VisitEntity } from '../visits/entities/visit.entity';
import type { VisitsService } from '../visits/visits.service';

/**
 * Demo casework: the area's mental-health units and wards, weekly visit schedules for both
 * demo advocates with eight weeks of logged visits behind them (one cancelled, one missed),
 * and notes, meetings and a records access on the active and closed cases.
 */
const HOSPITALS: { name: string; address: string; wards: [string, string][] }[] = [
  {
    name: 'Bradgate Mental Health Unit',
    address: 'Glenfield Hospital, Groby Road, Leicester',
    wards: [
      ['Ashby Ward', 'Acute adult'],
      ['Belvoir Unit', 'Psychiatric intensive care'],
      ['Watermead Ward', 'Acute adult'],
    ],
  },
  {
    name: 'Evington Centre',
    address: 'Leicester General Hospital, Gwendolen Road, Leicester',
    wards: [['Coleman Ward', 'Older people']],
  },
  {
    name: 'Herschel Prins Centre',
    address: 'Glenfield Hospital, Groby Road, Leicester',
    wards: [['Phoenix Ward', 'Low secure']],
  },
  {
    name: 'Stewart House',
    address: 'Narborough, Leicestershire',
    wards: [['Willows Ward', 'Rehabilitation']],
  },
];

const SCHEDULES: {
  ward: string;
  who: 'sam' | 'jordan';
  weekday: (typeof WEEKDAYS)[number];
  time: string;
  minutes: number;
}[] = [
  { ward: 'Ashby Ward', who: 'sam', weekday: 'TUESDAY', time: '10:00', minutes: 90 },
  { ward: 'Watermead Ward', who: 'sam', weekday: 'THURSDAY', time: '14:00', minutes: 60 },
  { ward: 'Belvoir Unit', who: 'jordan', weekday: 'MONDAY', time: '10:30', minutes: 90 },
  { ward: 'Coleman Ward', who: 'jordan', weekday: 'WEDNESDAY', time: '11:00', minutes: 60 },
  { ward: 'Phoenix Ward', who: 'jordan', weekday: 'FRIDAY', time: '10:00', minutes: 120 },
];

export async function seedDemoCasework(
  manager: EntityManager,
  audit: AuditService,
  visits: VisitsService,
  users: { manager: string; sam: string; jordan: string },
  now = new Date(),
): Promise<void> {
  const as = (actorId: string) => ({ actorId, ip: null, requestId: null });
  const today = londonDate(now);
  const wards = new Map<string, string>();
  for (const h of HOSPITALS) {
    const hospital = await manager.getRepository(HospitalEntity).save({ name: h.name, address: h.address });
    for (const [name, specialty] of h.wards) {
      const ward = await manager.getRepository(WardEntity).save({ hospitalId: hospital.id, name, specialty });
      wards.set(name, ward.id);
    }
  }

  const startsOn = addDays(today, -56);
  for (const s of SCHEDULES) {
    const wardId = wards.get(s.ward);
    if (!wardId) throw new Error(`demo schedule for unknown ward ${s.ward}`);
    const schedule = await manager.getRepository(VisitScheduleEntity).save({
      wardId,
      advocateId: users[s.who],
      weekday: s.weekday,
      startTime: s.time,
      durationMinutes: s.minutes,
      startsOn,
      endsOn: null,
      createdBy: users.manager,
    });
    await audit.record(manager, as(users.manager), {
      action: 'visit-schedule.create',
      entityType: 'visit_schedule',
      entityId: schedule.id,
      details: { source: 'demo-seed' },
    });
  }

  // Eight weeks behind and four ahead; log the past ones as a careful advocate would, with gaps.
  await visits.plan(manager, startsOn, addDays(today, 28), {});
  const past = await manager
    .getRepository(VisitEntity)
    .createQueryBuilder('v')
    .where('v.date < :today', { today })
    .orderBy('v.date')
    .getMany();
  for (const [i, v] of past.entries()) {
    if (i === past.length - 1) continue; // the most recent one is left unlogged: coverage shows it as missed
    const cancelled = i % 11 === 5;
    const seen = 2 + ((i * 7) % 6);
    const referrals = i % 3 === 0 ? 1 : 0;
    await manager.getRepository(VisitEntity).update(v.id, {
      status: cancelled ? 'CANCELLED' : 'HELD',
      patientsSeen: cancelled ? 0 : seen,
      newReferrals: cancelled ? 0 : Math.min(referrals, seen),
      minutesSpent: cancelled ? 0 : v.durationMinutes + 15,
      cancelReason: cancelled ? 'Ward closed to visitors (infection control)' : null,
      note: cancelled ? null : 'Posters checked; IMHA leaflets restocked.',
      loggedAt: new Date(Math.min(now.getTime(), Date.parse(`${v.date}T17:00:00Z`))),
      loggedBy: v.advocateId,
      version: 2,
    });
    await audit.record(manager, as(v.advocateId), {
      action: 'visit.log',
      entityType: 'visit',
      entityId: v.id,
      details: { status: cancelled ? 'CANCELLED' : 'HELD', source: 'demo-seed' },
    });
  }

  // Notes and meetings on the cases that have started.
  const cases = await manager
    .getRepository(ReferralEntity)
    .createQueryBuilder('r')
    .where(`r.status IN ('ACTIVE', 'CLOSED')`)
    .orderBy('r.receivedAt')
    .getMany();
  for (const [i, r] of cases.entries()) {
    const advocate = r.allocatedAdvocateId ?? users.sam;
    const contactAt = r.firstContactAt ?? r.receivedAt;
    await note(
      manager,
      audit,
      r,
      advocate,
      'CONTACT',
      contactAt,
      'First contact. Explained what an advocate does and agreed what they want help with.',
      30,
    );
    if (i % 3 === 0) {
      const later = new Date(Math.min(now.getTime() - 3_600_000, contactAt.getTime() + 2 * 86_400_000));
      const first = await note(
        manager,
        audit,
        r,
        advocate,
        'MEETING',
        later,
        'Met in private on the ward before the review.',
        45,
      );
      await manager.getRepository(CaseNoteEntity).update(first.id, { version: 2 });
      await manager.getRepository(NoteVersionEntity).insert({
        noteId: first.id,
        version: 2,
        body: 'Met in private on the ward before the CPA review; went through their questions about leave.',
        reason: 'Added what was discussed',
        createdBy: advocate,
        createdAt: new Date(later.getTime() + 3_600_000),
      });
    }
    if (r.status === 'ACTIVE') {
      const kind: MeetingKind = (['TRIBUNAL', 'CPA_REVIEW', 'WARD_ROUND', 'CARE_REVIEW'] as const)[i % 4];
      const day = addDays(today, 2 + (i % 9));
      const meeting = await manager.getRepository(MeetingEntity).save({
        referralId: r.id,
        kind,
        startsAt: londonInstant(day, i % 2 ? '14:00' : '10:00'),
        durationMinutes: 60,
        location: kind === 'TRIBUNAL' ? 'Tribunal room, Bradgate Unit' : 'Ward meeting room',
        inPrivate: false,
        attendees: ['Client', 'Responsible clinician', 'Advocate'],
        outcome: null,
        createdBy: advocate,
      });
      await audit.record(manager, as(advocate), {
        action: 'meeting.create',
        entityType: 'meeting',
        entityId: meeting.id,
        details: { referralId: r.id, source: 'demo-seed' },
      });
      if (r.serviceType === 'IMHA' && i % 2 === 0) {
        const access = await manager.getRepository(RecordsAccessEntity).save({
          referralId: r.id,
          recordsDescription: 'Medication chart and the last two ward-round entries',
          basis: 'CONSENT',
          heldBy: 'Leicestershire Partnership NHS Trust',
          accessedOn: londonDate(new Date(Math.min(now.getTime(), contactAt.getTime() + 86_400_000))),
          recordedBy: advocate,
        });
        await audit.record(manager, as(advocate), {
          action: 'records-access.create',
          entityType: 'records_access',
          entityId: access.id,
          details: { referralId: r.id, source: 'demo-seed' },
        });
      }
    }
  }
}

async function note(
  manager: EntityManager,
  audit: AuditService,
  r: ReferralEntity,
  author: string,
  kind: NoteKind,
  at: Date,
  body: string,
  minutes: number,
): Promise<CaseNoteEntity> {
  const saved = await manager
    .getRepository(CaseNoteEntity)
    .save({ referralId: r.id, kind, minutesSpent: minutes, createdBy: author, createdAt: at, version: 1 });
  await manager
    .getRepository(NoteVersionEntity)
    .insert({ noteId: saved.id, version: 1, body, reason: null, createdBy: author, createdAt: at });
  await audit.record(
    manager,
    { actorId: author, ip: null, requestId: null },
    {
      action: 'note.create',
      entityType: 'note',
      entityId: saved.id,
      details: { referralId: r.id, source: 'demo-seed' },
    },
  );
  return saved;
}
