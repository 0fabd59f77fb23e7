import type { Schemas } from '@beacon/api-client';
import { isFinalStatus, londonDate, type ReferralStatus, type ServiceType } from '@beacon/domain';

/** What every referral list and page shows of a referral. */
export type ReferralSummary = Schemas['ReferralSummaryDto'];

/** "Ann Bell": how staff name a person on screen. */
export function personName(person: { firstName: string; lastName: string }): string {
  return `${person.firstName} ${person.lastName}`.trim();
}

/**
 * Past its target date for first contact: nobody has made contact yet, the referral is still
 * open, and the due date (a London calendar day) is before `today`.
 */
export function isOverdue(
  referral: Pick<ReferralSummary, 'dueDate' | 'firstContactAt' | 'status'>,
  today: string = londonDate(),
): boolean {
  return (
    referral.dueDate !== null &&
    referral.firstContactAt === null &&
    !isFinalStatus(referral.status as ReferralStatus) &&
    referral.dueDate < today
  );
}

/** "0 days", "1 day", "12 days". */
export function daysText(days: number): string {
  return days === 1 ? '1 day' : `${days} days`;
}

/** Short service names for tables, where the full names would crowd the columns. */
export const SERVICE_SHORT_LABELS: Record<ServiceType, string> = {
  IMHA: 'IMHA',
  CARERS: 'Carers',
  CARE_ACT: 'Care Act',
  COMMUNITY: 'Community',
};
