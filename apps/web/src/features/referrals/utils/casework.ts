import type { FieldError, Schemas } from '@beacon/api-client';
import { isIsoDate, type MeetingKind, type NoteKind, type RecordsAccessBasis } from '@beacon/domain';
import { londonDateTimeToIso } from '../../../lib/format';

/**
 * The casework forms of a referral page (case notes, amendments, meetings, records access) as
 * typed, what each sends, and the checks that spare a round trip. The API checks them again.
 */

export type CreateNoteBody = Schemas['CreateNoteInput'];
export type AmendNoteBody = Schemas['AmendNoteInput'];
export type CreateMeetingBody = Schemas['CreateMeetingInput'];
export type CreateRecordsAccessBody = Schemas['CreateRecordsAccessInput'];
export type Note = Schemas['NoteDto'];
export type TimelineItem = Schemas['TimelineItemDto'];

/** The longest note body the API takes, in characters. */
export const NOTE_MAX = 20_000;

/** Characters as people (and the API) count them: an emoji is one, not two. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** "19,988 characters left", "12 characters too many": the live count under a note. */
export function characterCountText(text: string, max = NOTE_MAX): string {
  const left = max - characterCount(text);
  const n = Math.abs(left).toLocaleString('en-GB');
  if (left >= 0)
    return `${n} ${Math.abs(left) === 1 ? 'character' : 'characters'} left of ${max.toLocaleString('en-GB')}`;
  return `${n} ${Math.abs(left) === 1 ? 'character' : 'characters'} too many (the limit is ${max.toLocaleString('en-GB')})`;
}

function minutesIn(value: string, max: number): number | null | undefined {
  const trimmed = value.trim();
  if (trimmed === '') return undefined;
  if (!/^\d{1,5}$/.test(trimmed) || Number(trimmed) > max) return null;
  return Number(trimmed);
}

// ---------------------------------------------------------------------------------------
// Case notes

export interface NoteDraftValues {
  kind: NoteKind | '';
  minutes: string;
  body: string;
}

export const EMPTY_NOTE: NoteDraftValues = { kind: '', minutes: '', body: '' };

export function validateNote(draft: NoteDraftValues): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.kind) errors.push({ field: 'kind', message: 'is required: choose what the note is about' });
  if (!draft.body.trim()) errors.push({ field: 'body', message: 'is required' });
  else if (characterCount(draft.body) > NOTE_MAX) {
    errors.push({ field: 'body', message: `must be at most ${NOTE_MAX.toLocaleString('en-GB')} characters` });
  }
  if (minutesIn(draft.minutes, 1440) === null) {
    errors.push({ field: 'minutesSpent', message: 'must be a whole number of minutes from 0 to 1440' });
  }
  return errors;
}

/** The body of POST /api/referrals/:id/notes for a draft that passed validateNote. */
export function toCreateNoteBody(draft: NoteDraftValues): CreateNoteBody {
  const minutesSpent = minutesIn(draft.minutes, 1440);
  return {
    kind: draft.kind as NoteKind,
    body: draft.body.trim(),
    ...(typeof minutesSpent === 'number' ? { minutesSpent } : {}),
  };
}

export interface AmendDraft {
  body: string;
  reason: string;
}

export function validateAmend(draft: AmendDraft, current: string): FieldError[] {
  const errors: FieldError[] = [];
  if (!draft.body.trim()) errors.push({ field: 'body', message: 'is required' });
  else if (characterCount(draft.body) > NOTE_MAX) {
    errors.push({ field: 'body', message: `must be at most ${NOTE_MAX.toLocaleString('en-GB')} characters` });
  } else if (draft.body.trim() === current.trim()) {
    errors.push({ field: 'body', message: 'is the same as now: change the note, or cancel' });
  }
  if (!draft.reason.trim())
    errors.push({ field: 'reason', message: 'is required: say why the note changes' });
  else if (characterCount(draft.reason) > 1000)
    errors.push({ field: 'reason', message: 'must be at most 1,000 characters' });
  return errors;
}

/** The body of POST /api/notes/:id/amend: the version the person read, so a newer one is never overwritten. */
export function toAmendBody(draft: AmendDraft, version: number): AmendNoteBody {
  return { body: draft.body.trim(), reason: draft.reason.trim(), version };
}

// ---------------------------------------------------------------------------------------
// Meetings

export interface MeetingDraft {
  kind: MeetingKind | '';
  /** London wall-clock "YYYY-MM-DDTHH:mm". */
  startsAt: string;
  durationMinutes: string;
  location: string;
  inPrivate: boolean;
  /** One name or role a line. */
  attendees: string;
  outcome: string;
}

export const EMPTY_MEETING: MeetingDraft = {
  kind: '',
  startsAt: '',
  durationMinutes: '60',
  location: '',
  inPrivate: false,
  attendees: '',
  outcome: '',
};

/** Attendees typed one a line (or separated by commas), blank lines dropped. */
export function attendeeList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((name) => name.trim())
    .filter(Boolean);
}

export function validateMeeting(draft: MeetingDraft): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!draft.kind) add('kind', 'is required: choose the kind of meeting');
  if (!londonDateTimeToIso(draft.startsAt)) add('startsAt', 'needs a date and a time');
  const duration = minutesIn(draft.durationMinutes, 1440);
  if (duration === null || duration === 0)
    add('durationMinutes', 'must be a whole number of minutes from 1 to 1440');
  if (!draft.location.trim()) add('location', 'is required');
  else if (draft.location.trim().length > 200) add('location', 'must be at most 200 characters');
  const attendees = attendeeList(draft.attendees);
  if (attendees.length > 30) add('attendees', 'can name at most 30 people');
  if (attendees.some((name) => name.length > 200)) add('attendees', 'must each be at most 200 characters');
  if (draft.outcome.length > 5000) add('outcome', 'must be at most 5,000 characters');
  return errors;
}

/** The body of POST /api/referrals/:id/meetings for a draft that passed validateMeeting. */
export function toCreateMeetingBody(draft: MeetingDraft): CreateMeetingBody {
  const durationMinutes = minutesIn(draft.durationMinutes, 1440);
  const outcome = draft.outcome.trim();
  return {
    kind: draft.kind as MeetingKind,
    startsAt: londonDateTimeToIso(draft.startsAt) as string,
    ...(typeof durationMinutes === 'number' ? { durationMinutes } : {}),
    location: draft.location.trim(),
    inPrivate: draft.inPrivate,
    attendees: attendeeList(draft.attendees),
    ...(outcome ? { outcome } : {}),
  };
}

// ---------------------------------------------------------------------------------------
// Records access (IMHA)

export interface RecordsAccessDraft {
  recordsDescription: string;
  basis: RecordsAccessBasis | '';
  heldBy: string;
  accessedOn: string;
}

export function validateRecordsAccess(draft: RecordsAccessDraft, today: string): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string) => errors.push({ field, message });
  if (!draft.recordsDescription.trim()) add('recordsDescription', 'is required: say which records');
  else if (draft.recordsDescription.trim().length > 2000)
    add('recordsDescription', 'must be at most 2,000 characters');
  if (!draft.basis) add('basis', 'is required: choose the basis');
  if (!draft.heldBy.trim()) add('heldBy', 'is required');
  if (!isIsoDate(draft.accessedOn)) add('accessedOn', 'is required');
  else if (draft.accessedOn > today) add('accessedOn', 'must not be in the future');
  return errors;
}

export function toCreateRecordsAccessBody(draft: RecordsAccessDraft): CreateRecordsAccessBody {
  return {
    recordsDescription: draft.recordsDescription.trim(),
    basis: draft.basis as RecordsAccessBasis,
    heldBy: draft.heldBy.trim(),
    accessedOn: draft.accessedOn,
  };
}

// ---------------------------------------------------------------------------------------
// The timeline

export interface TimelineEntry {
  item: TimelineItem;
  /** For a note: the note itself, with every version (when the notes have loaded). */
  note?: Note;
}

/** The case file newest first, each note entry carrying its versions. */
export function timelineEntries(
  items: readonly TimelineItem[],
  notes: readonly Note[] = [],
): TimelineEntry[] {
  const byId = new Map(notes.map((note) => [note.id, note]));
  return [...items]
    .sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id))
    .map((item) => ({ item, note: item.type === 'NOTE' ? byId.get(item.id) : undefined }));
}

/** The author of a note or a manager may amend it (the API answers 403 to anyone else). */
export function mayAmend(
  note: Pick<Note, 'createdBy'>,
  user: { id: string; roles: readonly string[] },
): boolean {
  return note.createdBy.id === user.id || user.roles.includes('MANAGER');
}
