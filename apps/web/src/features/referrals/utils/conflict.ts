import type { Schemas } from '@beacon/api-client';
import { CLOSURE_OUTCOME_LABELS, PRIORITY_LABELS, STATUS_LABELS } from '@beacon/domain';
import { listValue, type ConflictSpec } from '../../../lib/conflicts';
import { formatDateTime } from '../../../lib/format';
import type { Referral } from '../api/get-referral';
import { eventLabel } from './history';

type ReferralAction = Schemas['ReferralAction'];
type Note = Schemas['NoteDto'];

/**
 * A referral changed by someone else while a person was deciding on it: the details a triage,
 * allocation, first contact or closure decision turns on, and what happened in between as the
 * referral's own history tells it (who, when).
 */
export const REFERRAL_CONFLICT: ConflictSpec<Referral> = {
  noun: 'referral',
  fields: [
    { label: 'Status', value: (r) => STATUS_LABELS[r.status] },
    { label: 'Allocated advocate', value: (r) => r.allocatedAdvocate?.displayName ?? 'Not allocated' },
    { label: 'Priority', value: (r) => PRIORITY_LABELS[r.priority] },
    {
      label: 'First contact',
      value: (r) => (r.firstContactAt ? formatDateTime(r.firstContactAt) : 'Not yet'),
    },
    {
      label: 'Signposting',
      value: (r) =>
        listValue(
          r.signposting.map((s) => s.name),
          'None',
        ),
    },
    { label: 'Reason for declining', value: (r) => r.declineReason },
    { label: 'Outcome', value: (r) => (r.outcome ? CLOSURE_OUTCOME_LABELS[r.outcome] : null) },
    { label: 'Reason for closing', value: (r) => r.closureReason },
  ],
  events: (before, after) => {
    const known = new Set(before.history.map((event) => event.id));
    return after.history
      .filter((event) => !known.has(event.id))
      .map((event) => ({
        what: event.advocate ? `${eventLabel(event)} to ${event.advocate.displayName}` : eventLabel(event),
        by: event.actor.displayName,
        at: event.at,
      }));
  },
};

const ACTION_WORDS: Record<ReferralAction, string> = {
  TRIAGE_ACCEPT: 'accepted',
  TRIAGE_DECLINE: 'declined',
  ALLOCATE: 'allocated',
  RECORD_FIRST_CONTACT: 'given a first contact',
  CLOSE: 'closed',
};

/**
 * Why `action` can no longer be taken on the referral as it is now (it moved on), or null. An
 * allocation to the advocate allocated now is already in place.
 */
export function referralActionBlocked(
  action: ReferralAction,
  latest: Pick<Referral, 'status' | 'nextActions' | 'allocatedAdvocateId' | 'allocatedAdvocate'>,
  advocateId?: string,
): string | null {
  if (!latest.nextActions.includes(action)) {
    return `It can no longer be ${ACTION_WORDS[action]}: the referral is now ${STATUS_LABELS[latest.status].toLowerCase()}.`;
  }
  if (action === 'ALLOCATE' && advocateId && latest.allocatedAdvocateId === advocateId) {
    return `${latest.allocatedAdvocate?.displayName ?? 'That advocate'} is allocated now: your change is already in place.`;
  }
  return null;
}

/** A note amended by someone else while a person was amending it: its text, and each version in between. */
export const NOTE_CONFLICT: ConflictSpec<Note> = {
  noun: 'note',
  fields: [{ label: 'Note', value: (note) => note.body }],
  events: (before, after) =>
    after.versions
      .filter((version) => version.version > before.version)
      .map((version) => ({
        what: `Version ${version.version} saved${version.reason ? ` (reason: ${version.reason})` : ''}`,
        by: version.createdBy.displayName,
        at: version.createdAt,
      })),
};
