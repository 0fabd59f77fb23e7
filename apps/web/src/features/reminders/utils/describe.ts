import { MEETING_KIND_LABELS, daysBetween, isMeetingKind } from '@beacon/domain';
import type { Reminder } from '../api/get-reminders';

export interface ReminderText {
  /** What to do, in a few words. */
  title: string;
  /** Which visit, meeting or case, and when. */
  detail: string;
}

const time = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
});

/** A reminder in words, from its fields (the API sends what it is about, not sentences). */
export function describeReminder(reminder: Reminder, today: string): ReminderText {
  const at = reminder.startsAt ? time.format(new Date(reminder.startsAt)) : null;
  const person = reminder.clientName ?? 'the person';
  const reference = reminder.referralReference ? ` (${reminder.referralReference})` : '';
  switch (reminder.kind) {
    case 'VISIT_TODAY':
      return {
        title: `Ward visit today${at ? ` at ${at}` : ''}`,
        detail: [reminder.wardName, reminder.hospitalName].filter(Boolean).join(', ') || 'Ward visit',
      };
    case 'MEETING_TOMORROW': {
      const kind =
        reminder.meetingKind && isMeetingKind(reminder.meetingKind)
          ? MEETING_KIND_LABELS[reminder.meetingKind]
          : 'Meeting';
      return { title: `${kind} tomorrow${at ? ` at ${at}` : ''}`, detail: `${person}${reference}` };
    }
    case 'NO_CONTACT_14_DAYS': {
      const days = reminder.lastContactOn ? daysBetween(reminder.lastContactOn, today) : 14;
      return { title: `No contact for ${days} days`, detail: `${person}${reference}` };
    }
  }
}
