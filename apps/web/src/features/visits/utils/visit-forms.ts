import type { FieldError, Schemas } from '@beacon/api-client';
import { isIsoDate, isWallTime, type VisitLogStatus } from '@beacon/domain';
import type { Visit } from '../../../lib/visits';

/**
 * The visit forms as typed (numbers as the text in their boxes) and what they send. Checks here
 * spare a round trip; the API checks the same again.
 */

export type LogVisitBody = Schemas['LogVisitInput'];
export type MoveVisitBody = Schemas['MoveVisitInput'];

export interface VisitLogDraft {
  status: VisitLogStatus | '';
  patientsSeen: string;
  newReferrals: string;
  minutesSpent: string;
  note: string;
  reason: string;
}

export const LOG_LIMITS = { people: 200, minutes: 1440, note: 5000, reason: 1000 } as const;

/** A planned visit starts as held for its planned length; a logged one from what was logged. */
export function initialLogDraft(visit: Visit): VisitLogDraft {
  if (visit.status === 'PLANNED') {
    return {
      status: '',
      patientsSeen: '0',
      newReferrals: '0',
      minutesSpent: String(visit.durationMinutes),
      note: '',
      reason: '',
    };
  }
  return {
    status: visit.status,
    patientsSeen: String(visit.patientsSeen),
    newReferrals: String(visit.newReferrals),
    minutesSpent: String(visit.minutesSpent),
    note: visit.note ?? '',
    reason: visit.cancelReason ?? '',
  };
}

function wholeNumber(value: string): number | null {
  const trimmed = value.trim();
  return /^\d{1,5}$/.test(trimmed) ? Number(trimmed) : null;
}

/**
 * What stops a log before it is sent, named as the API names its fields. A visit can be logged as
 * held only on or after its day (`today`, London); a cancelled one needs its reason.
 */
export function validateLog(draft: VisitLogDraft, visit: Pick<Visit, 'date'>, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!draft.status) {
    add('status', 'is required: say whether the visit was held or cancelled');
    return errors;
  }
  if (draft.status === 'HELD' && visit.date > today) {
    add('status', 'can be “held” only on or after the day of the visit');
  }
  const minutes = wholeNumber(draft.minutesSpent);
  if (minutes === null || minutes > LOG_LIMITS.minutes) {
    add('minutesSpent', `must be a whole number of minutes from 0 to ${LOG_LIMITS.minutes}`);
  }
  if (draft.status === 'HELD') {
    const seen = wholeNumber(draft.patientsSeen);
    const referrals = wholeNumber(draft.newReferrals);
    if (seen === null || seen > LOG_LIMITS.people) {
      add('patientsSeen', `must be a whole number from 0 to ${LOG_LIMITS.people}`);
    }
    if (referrals === null || referrals > LOG_LIMITS.people) {
      add('newReferrals', `must be a whole number from 0 to ${LOG_LIMITS.people}`);
    } else if (seen !== null && referrals > seen) {
      add('newReferrals', 'must not be more than the patients seen');
    }
    if (draft.note.length > LOG_LIMITS.note) add('note', `must be at most ${LOG_LIMITS.note} characters`);
  } else {
    if (!draft.reason.trim()) add('reason', 'is required when the visit was cancelled');
    if (draft.reason.length > LOG_LIMITS.reason) {
      add('reason', `must be at most ${LOG_LIMITS.reason} characters`);
    }
  }
  return errors;
}

/** The body of POST /api/visits/:id/log for a draft that passed validateLog. */
export function toLogBody(draft: VisitLogDraft, version: number): LogVisitBody {
  const minutesSpent = Number(draft.minutesSpent.trim());
  const note = draft.note.trim();
  if (draft.status === 'CANCELLED') {
    return {
      status: 'CANCELLED',
      patientsSeen: 0,
      newReferrals: 0,
      minutesSpent,
      reason: draft.reason.trim(),
      ...(note ? { note } : {}),
      version,
    };
  }
  return {
    status: 'HELD',
    patientsSeen: Number(draft.patientsSeen.trim()),
    newReferrals: Number(draft.newReferrals.trim()),
    minutesSpent,
    ...(note ? { note } : {}),
    version,
  };
}

export interface MoveDraft {
  date: string;
  startTime: string;
  durationMinutes: string;
}

export function validateMove(draft: MoveDraft): FieldError[] {
  const errors: FieldError[] = [];
  if (!isIsoDate(draft.date)) errors.push({ field: 'date', message: 'is required' });
  if (!isWallTime(draft.startTime)) errors.push({ field: 'startTime', message: 'is required, as HH:mm' });
  const duration = wholeNumber(draft.durationMinutes);
  if (duration === null || duration < 5 || duration > 720) {
    errors.push({ field: 'durationMinutes', message: 'must be from 5 to 720 minutes' });
  }
  return errors;
}

export function toMoveBody(
  draft: MoveDraft,
  visit: Pick<Visit, 'version' | 'durationMinutes'>,
): MoveVisitBody {
  const durationMinutes = Number(draft.durationMinutes.trim());
  return {
    date: draft.date,
    startTime: draft.startTime,
    ...(durationMinutes !== visit.durationMinutes ? { durationMinutes } : {}),
    version: visit.version,
  };
}

/** "3 patients seen, 1 new referral": what a held visit's log says. */
export function heldSummary(visit: Pick<Visit, 'patientsSeen' | 'newReferrals'>): string {
  const seen = visit.patientsSeen === 1 ? '1 patient seen' : `${visit.patientsSeen} patients seen`;
  const referrals = visit.newReferrals === 1 ? '1 new referral' : `${visit.newReferrals} new referrals`;
  return `${seen}, ${referrals}`;
}
