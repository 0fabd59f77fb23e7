import { NOTE_KINDS, NOTE_KIND_LABELS, type NoteKind } from './enums';

/**
 * Keys of report figures that are not enumerations of their own elsewhere: how a decline is
 * classed, and the activities time is recorded against. docs/reports.md defines each figure.
 */

/**
 * Why a referral was declined, derived from the recorded decision (the free-text reason is case
 * content and never reported): not eligible for the service, no issue within its scope, or
 * neither (the manager's judgement, e.g. a duplicate or the person did not want advocacy).
 */
export const DECLINE_CATEGORIES = ['NOT_ELIGIBLE', 'OUT_OF_SCOPE', 'OTHER'] as const;
export type DeclineCategory = (typeof DECLINE_CATEGORIES)[number];

export const DECLINE_CATEGORY_LABELS: Record<DeclineCategory, string> = {
  NOT_ELIGIBLE: 'Not eligible for the service',
  OUT_OF_SCOPE: 'No issue within the service’s scope',
  OTHER: 'Other reason',
};

export function isDeclineCategory(value: unknown): value is DeclineCategory {
  return typeof value === 'string' && (DECLINE_CATEGORIES as readonly string[]).includes(value);
}

/** The key under which signposting to somewhere typed in (not in the directory) is counted. */
export const SIGNPOST_ELSEWHERE = 'OTHER' as const;
export const SIGNPOST_ELSEWHERE_LABEL = 'Somewhere not in the directory';

/** What time is recorded against: a case note's kind, or a held ward visit. */
export const TIME_ACTIVITIES = [...NOTE_KINDS, 'WARD_VISIT'] as const;
export type TimeActivity = NoteKind | 'WARD_VISIT';

export const TIME_ACTIVITY_LABELS: Record<TimeActivity, string> = {
  CONTACT: `Case notes: ${NOTE_KIND_LABELS.CONTACT.toLowerCase()}`,
  VISIT: `Case notes: ${NOTE_KIND_LABELS.VISIT.toLowerCase()}`,
  MEETING: `Case notes: ${NOTE_KIND_LABELS.MEETING.toLowerCase()}`,
  ADMIN: `Case notes: ${NOTE_KIND_LABELS.ADMIN.toLowerCase()}`,
  OTHER: `Case notes: ${NOTE_KIND_LABELS.OTHER.toLowerCase()}`,
  WARD_VISIT: 'Ward visits held',
};
