import { AuditEventEntity } from '../audit/entities/audit-event.entity';
import { LoginAttemptEntity } from '../auth/entities/login-attempt.entity';
import { MfaRecoveryCodeEntity } from '../auth/entities/mfa-recovery-code.entity';
import { RefreshTokenEntity } from '../auth/entities/refresh-token.entity';
import { AuthorisationEntity } from '../authorisations/entities/authorisation.entity';
import { CaseNoteEntity } from '../casework/entities/case-note.entity';
import { MeetingEntity } from '../casework/entities/meeting.entity';
import { NoteVersionEntity } from '../casework/entities/note-version.entity';
import { RecordsAccessEntity } from '../casework/entities/records-access.entity';
import { ClientEntity } from '../clients/entities/client.entity';
import { HospitalEntity } from '../hospitals/entities/hospital.entity';
import { IdempotencyKeyEntity } from '../idempotency/entities/idempotency-key.entity';
import { WardEntity } from '../hospitals/entities/ward.entity';
import { ReferenceCounterEntity } from '../referrals/entities/reference-counter.entity';
import { ReferralEventEntity } from '../referrals/entities/referral-event.entity';
import { ReferralEntity } from '../referrals/entities/referral.entity';
import { WaitingTimeTargetEntity } from '../reports/entities/waiting-time-target.entity';
import { ReferralSignpostEntity } from '../signposting/entities/referral-signpost.entity';
import { SignpostingServiceEntity } from '../signposting/entities/signposting-service.entity';
import { UserEntity } from '../users/entities/user.entity';
import { CalendarFeedEntity } from '../visits/entities/calendar-feed.entity';
import { VisitScheduleEntity } from '../visits/entities/visit-schedule.entity';
import { VisitEntity } from '../visits/entities/visit.entity';
import { JobRunEntity } from '../jobs/entities/job-run.entity';
import { ReminderEntity } from '../reminders/entities/reminder.entity';

/** Every entity, listed once: the app, the migration tools and the tests use this list. */
export const ENTITIES = [
  UserEntity,
  RefreshTokenEntity,
  LoginAttemptEntity,
  MfaRecoveryCodeEntity,
  AuditEventEntity,
  ClientEntity,
  ReferralEntity,
  ReferralEventEntity,
  ReferenceCounterEntity,
  AuthorisationEntity,
  SignpostingServiceEntity,
  ReferralSignpostEntity,
  HospitalEntity,
  WardEntity,
  VisitScheduleEntity,
  VisitEntity,
  CalendarFeedEntity,
  MeetingEntity,
  CaseNoteEntity,
  NoteVersionEntity,
  RecordsAccessEntity,
  IdempotencyKeyEntity,
  WaitingTimeTargetEntity,
  ReminderEntity,
  JobRunEntity,
];
