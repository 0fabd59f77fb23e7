import { VISIT_STATUS_LABELS } from '@beacon/domain';
import type { ConflictSpec } from '../../../lib/conflicts';
import { formatLongDate, formatMinutes, formatTimeRange } from '../../../lib/format';
import type { Visit } from '../../../lib/visits';

/**
 * A ward visit changed by someone else while a person was logging, moving or cancelling it: where
 * it stands, when it is, and what its log says. The API does not say who changed a visit; when it
 * was logged, it says when.
 */
export const VISIT_CONFLICT: ConflictSpec<Visit> = {
  noun: 'visit',
  fields: [
    { label: 'Status', value: (v) => VISIT_STATUS_LABELS[v.status] },
    { label: 'When', value: (v) => `${formatLongDate(v.date)}, ${formatTimeRange(v.startsAt, v.endsAt)}` },
    { label: 'Advocate', value: (v) => v.advocateName },
    { label: 'Patients seen', value: (v) => (v.status === 'HELD' ? String(v.patientsSeen) : null) },
    { label: 'New referrals', value: (v) => (v.status === 'HELD' ? String(v.newReferrals) : null) },
    { label: 'Time spent', value: (v) => (v.status === 'PLANNED' ? null : formatMinutes(v.minutesSpent)) },
    { label: 'Reason', value: (v) => v.cancelReason },
    { label: 'Note', value: (v) => v.note },
  ],
  events: (before, after) =>
    after.loggedAt && after.loggedAt !== before.loggedAt
      ? [
          {
            what: after.status === 'HELD' ? 'Logged as held' : 'Logged as cancelled',
            by: null,
            at: after.loggedAt,
          },
        ]
      : [],
};

/** Why a planned visit's move or cancellation can no longer be made: it was logged meanwhile. */
export function planChangeBlocked(
  latest: Pick<Visit, 'status'>,
  change: 'moved' | 'cancelled',
): string | null {
  return latest.status === 'PLANNED'
    ? null
    : `It can no longer be ${change} ahead: the visit is now ${VISIT_STATUS_LABELS[latest.status].toLowerCase()}.`;
}
