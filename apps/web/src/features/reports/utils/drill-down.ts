import { monthWithin, type ReportPeriod } from '@beacon/domain';
import { paths } from '../../../config/paths';

/**
 * The referral-list filters a report's bars drill down with, named as GET /api/referrals and the
 * Referrals page name them. Every list is the period's referrals (received on those London
 * days) with one more condition: the same definition the figure was counted with.
 */
export type DrillFilter =
  | 'serviceType'
  | 'source'
  | 'localAuthority'
  | 'status'
  | 'outcome'
  | 'issue'
  | 'declineReason'
  | 'signpost'
  | 'ageBand'
  | 'gender'
  | 'ethnicity'
  | 'disability';

/** The Referrals page's "All referrals" with the period and, if given, one breakdown's key. */
export function referralsHref(period: ReportPeriod, filter?: DrillFilter, key?: string): string {
  const query = new URLSearchParams({ view: 'all', receivedFrom: period.from, receivedTo: period.to });
  if (filter && key) query.set(filter, key);
  return paths.referrals.getHref(query);
}

/** A month's bar: the part of that month inside the period. */
export function monthHref(period: ReportPeriod, month: string): string {
  return referralsHref(monthWithin(month, period));
}

/** An advocate's open cases now (allocated or active, whenever received). */
export function openCasesHref(advocateId: string): string {
  return paths.referrals.getHref(
    new URLSearchParams({ view: 'all', advocateId, status: 'ALLOCATED,ACTIVE' }),
  );
}

/** The period's referrals now allocated to an advocate. */
export function advocatePeriodHref(period: ReportPeriod, advocateId: string): string {
  const query = new URLSearchParams({
    view: 'all',
    receivedFrom: period.from,
    receivedTo: period.to,
    advocateId,
  });
  return paths.referrals.getHref(query);
}
