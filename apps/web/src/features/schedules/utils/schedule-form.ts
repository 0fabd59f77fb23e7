import type { FieldError } from '@beacon/api-client';
import { WEEKDAY_LABELS, isIsoDate, isWallTime, londonInstant, type Weekday } from '@beacon/domain';
import { formatTimeRange } from '../../../lib/format';
import type { CreateScheduleBody } from '../api/create-schedule';
import type { Schedule } from '../api/get-schedules';

export interface ScheduleDraft {
  wardId: string;
  advocateId: string;
  weekday: Weekday | '';
  startTime: string;
  durationMinutes: string;
  startsOn: string;
  endsOn: string;
}

export function emptySchedule(today: string): ScheduleDraft {
  return {
    wardId: '',
    advocateId: '',
    weekday: '',
    startTime: '10:00',
    durationMinutes: '60',
    startsOn: today,
    endsOn: '',
  };
}

export function validateSchedule(draft: ScheduleDraft): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!draft.wardId) add('wardId', 'is required: choose a ward');
  if (!draft.advocateId) add('advocateId', 'is required: choose an advocate');
  if (!draft.weekday) add('weekday', 'is required');
  if (!isWallTime(draft.startTime)) add('startTime', 'is required, as HH:mm');
  const duration = /^\d{1,4}$/.test(draft.durationMinutes.trim()) ? Number(draft.durationMinutes) : NaN;
  if (!(duration >= 5 && duration <= 720)) add('durationMinutes', 'must be from 5 to 720 minutes');
  if (!isIsoDate(draft.startsOn)) add('startsOn', 'is required');
  if (draft.endsOn && !isIsoDate(draft.endsOn)) add('endsOn', 'is not a date');
  else if (draft.endsOn && isIsoDate(draft.startsOn) && draft.endsOn < draft.startsOn) {
    add('endsOn', 'must be on or after the first day');
  }
  return errors;
}

/** The body of POST /api/visit-schedules for a draft that passed validateSchedule. */
export function toCreateScheduleBody(draft: ScheduleDraft): CreateScheduleBody {
  return {
    wardId: draft.wardId,
    advocateId: draft.advocateId,
    weekday: draft.weekday as Weekday,
    startTime: draft.startTime,
    durationMinutes: Number(draft.durationMinutes.trim()),
    startsOn: draft.startsOn,
    ...(draft.endsOn ? { endsOn: draft.endsOn } : {}),
  };
}

/** Where a schedule stands on `today`: not started yet, running, or ended. */
export function scheduleState(schedule: Pick<Schedule, 'startsOn' | 'endsOn'>, today: string) {
  if (schedule.endsOn !== null && schedule.endsOn < today) return 'ended' as const;
  if (schedule.startsOn > today) return 'future' as const;
  return 'active' as const;
}

/** "Every Tuesday, 10:00–11:30" (UK time: the wall-clock time stays when the clocks change). */
export function scheduleText(schedule: Pick<Schedule, 'weekday' | 'startTime' | 'durationMinutes'>): string {
  // Any date will do for the wall-clock times; one in winter keeps the arithmetic plain.
  const start = londonInstant('2026-01-05', schedule.startTime);
  const end = new Date(start.getTime() + schedule.durationMinutes * 60_000);
  return `Every ${WEEKDAY_LABELS[schedule.weekday]}, ${formatTimeRange(start.toISOString(), end.toISOString())}`;
}

/** The last day to offer when ending a schedule: today, unless it starts later. */
export function defaultEndsOn(schedule: Pick<Schedule, 'startsOn'>, today: string): string {
  return schedule.startsOn > today ? schedule.startsOn : today;
}
