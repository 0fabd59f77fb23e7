import {
  PRIORITY_LABELS,
  STATUS_LABELS,
  londonDate,
  type Priority,
  type ReferralStatus,
} from '@beacon/domain';
import { formatDate } from '../lib/format';
import { isOverdue, type ReferralSummary } from '../lib/referrals';

const STATUS_TONES: Record<ReferralStatus, string> = {
  RECEIVED: 'tag--info',
  AWAITING_ALLOCATION: 'tag--warning',
  DECLINED: 'tag--muted',
  ALLOCATED: 'tag--info',
  ACTIVE: 'tag--ok',
  CLOSED: 'tag--muted',
};

/** Tags carry their meaning in words; colour only repeats it. */
export function StatusTag({ status }: { status: ReferralStatus }) {
  return <span className={`tag ${STATUS_TONES[status]}`}>{STATUS_LABELS[status]}</span>;
}

export function PriorityTag({ priority }: { priority: Priority }) {
  return priority === 'URGENT' ? (
    <span className="tag tag--danger">{PRIORITY_LABELS.URGENT}</span>
  ) : (
    <span className="tag tag--muted">{PRIORITY_LABELS.ROUTINE}</span>
  );
}

export function EligibilityTag({ eligible }: { eligible: boolean }) {
  return eligible ? (
    <span className="tag tag--ok">Eligible</span>
  ) : (
    <span className="tag tag--danger">Not eligible</span>
  );
}

/** The target date for first contact, marked "Overdue" once it has passed with nobody contacted. */
export function DueDate({
  referral,
  today = londonDate(),
}: {
  referral: Pick<ReferralSummary, 'dueDate' | 'firstContactAt' | 'status'>;
  today?: string;
}) {
  if (!referral.dueDate) return <span className="muted">None</span>;
  if (isOverdue(referral, today)) {
    return (
      <span className="overdue">
        {formatDate(referral.dueDate)} <span className="tag tag--danger">Overdue</span>
      </span>
    );
  }
  return <span className="nowrap">{formatDate(referral.dueDate)}</span>;
}
