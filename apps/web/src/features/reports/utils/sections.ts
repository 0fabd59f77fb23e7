import { monthLabel, type ReportPeriod } from '@beacon/domain';
import type { ReportCount, ReportSummary } from '../api/get-report-summary';
import type { BreakdownRow } from '../components/breakdown';
import { monthHref, referralsHref, type DrillFilter } from './drill-down';

export interface SectionSpec {
  id: string;
  title: string;
  description?: string;
  rows: BreakdownRow[];
  total?: number;
  kind?: 'rows' | 'columns';
  hideZeros?: boolean;
}

const SHORT_MONTH = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** "Apr" for "2026-04". */
function shortMonth(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return SHORT_MONTH.format(new Date(Date.UTC(year, month - 1, 15)));
}

/** A breakdown's rows; with `drill`, each links to the referrals it counts. */
function breakdownRows(
  items: ReportCount[],
  period: ReportPeriod,
  filter: DrillFilter,
  drill: boolean,
): BreakdownRow[] {
  return items.map((item) => ({
    key: item.key,
    label: item.label,
    count: item.count,
    href: drill ? referralsHref(period, filter, item.key) : undefined,
  }));
}

/**
 * The referral breakdowns of a report, in the order they are shown and printed. `drill` adds to
 * each bar the link to its referrals (only for those who may open the Referrals page).
 */
export function referralSections(s: ReportSummary, period: ReportPeriod, drill: boolean): SectionSpec[] {
  const rows = (items: ReportCount[], filter: DrillFilter) => breakdownRows(items, period, filter, drill);
  return [
    { id: 'by-service', title: 'Referrals by service', rows: rows(s.byService, 'serviceType') },
    {
      id: 'by-month',
      title: 'Referrals by month received',
      kind: 'columns',
      rows: s.byMonth.map((m, i) => ({
        key: m.key,
        label: monthLabel(m.key),
        shortLabel: shortMonth(m.key),
        // The year under the first month and under each January.
        subLabel: i === 0 || m.key.endsWith('-01') ? m.key.slice(0, 4) : undefined,
        count: m.count,
        href: drill ? monthHref(period, m.key) : undefined,
      })),
    },
    { id: 'by-source', title: 'Referrals by source', rows: rows(s.bySource, 'source') },
    {
      id: 'by-area',
      title: 'Referrals by local authority',
      rows: rows(s.byLocalAuthority, 'localAuthority'),
    },
    {
      id: 'by-status',
      title: 'Where those referrals are now',
      description: 'Their status today.',
      rows: rows(s.byStatus, 'status'),
    },
    {
      id: 'by-outcome',
      title: 'Outcomes of those closed',
      rows: rows(s.byOutcome, 'outcome'),
      total: s.totals.closed,
    },
    {
      id: 'by-issue',
      title: 'Issues raised',
      description:
        'A referral counts once under each issue it names, so these add up to more than the referrals.',
      rows: rows(s.byIssue, 'issue'),
      hideZeros: true,
      total: s.totals.received,
    },
    {
      id: 'declined',
      title: 'Declined, and why',
      description:
        'Classed from the decision recorded: not eligible, nothing within scope, or another reason.',
      rows: rows(s.declined.byReason, 'declineReason'),
    },
    {
      id: 'signposting',
      title: 'Where people were signposted',
      description: `${s.declined.signposted} of the period’s referrals were signposted somewhere (declined, or for issues outside the service’s scope). A referral counts once per destination.`,
      rows: rows(s.declined.signposting, 'signpost'),
      total: s.declined.signposted,
    },
  ];
}

/** The equality-monitoring breakdowns (referrals, by the person's answers). */
export function demographicSections(s: ReportSummary, period: ReportPeriod, drill: boolean): SectionSpec[] {
  const rows = (items: ReportCount[], filter: DrillFilter) => breakdownRows(items, period, filter, drill);
  return [
    {
      id: 'age-band',
      title: 'Age band',
      description:
        'On the day of the referral, from the date of birth where recorded, else the band the person gave.',
      rows: rows(s.demographics.ageBand, 'ageBand'),
    },
    { id: 'gender', title: 'Gender', rows: rows(s.demographics.gender, 'gender') },
    { id: 'ethnicity', title: 'Ethnic group', rows: rows(s.demographics.ethnicity, 'ethnicity') },
    { id: 'disability', title: 'Disability', rows: rows(s.demographics.disability, 'disability') },
  ];
}
