import { advocatePeriodHref, monthHref, openCasesHref, referralsHref } from './drill-down';
import { formatDays, formatHours, formatShare, plural, shareOf } from './figures';
import { choiceOf, choicePeriod, defaultPeriod, periodFromParams } from './period';
import { demographicSections, referralSections } from './sections';
import type { ReportSummary } from '../api/get-report-summary';

const TODAY = '2026-11-29';
const Q1 = { from: '2026-04-01', to: '2026-06-30' };

describe('the period picker', () => {
  it('offers this and last month, quarter and financial year, seen from today', () => {
    expect(choicePeriod('this-month', TODAY)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(choicePeriod('last-month', TODAY)).toEqual({ from: '2026-10-01', to: '2026-10-31' });
    expect(choicePeriod('this-quarter', TODAY)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(choicePeriod('last-quarter', TODAY)).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(choicePeriod('this-year', TODAY)).toEqual({ from: '2026-04-01', to: '2027-03-31' });
    expect(choicePeriod('last-year', TODAY)).toEqual({ from: '2025-04-01', to: '2026-03-31' });
    expect(defaultPeriod(TODAY)).toEqual({ from: '2026-10-01', to: '2026-12-31' });
  });

  it('names the choice a period is, or custom', () => {
    expect(choiceOf({ from: '2026-07-01', to: '2026-09-30' }, TODAY)).toBe('last-quarter');
    expect(choiceOf(Q1, TODAY)).toBe('custom'); // a quarter, but neither this one nor the last
    expect(choiceOf({ from: '2026-11-02', to: '2026-11-30' }, TODAY)).toBe('custom');
  });

  it('reads the period from the address, falling back to the quarter for what the API would refuse', () => {
    expect(periodFromParams(new URLSearchParams('from=2026-04-01&to=2026-06-30'), TODAY)).toEqual(Q1);
    for (const bad of [
      'from=2026-04-01',
      'from=2026-06-30&to=2026-04-01',
      'from=2025-01-01&to=2026-06-30',
      'from=x&to=y',
    ])
      expect(periodFromParams(new URLSearchParams(bad), TODAY)).toEqual(defaultPeriod(TODAY));
  });
});

describe('drill-down links', () => {
  it('open All referrals for the period, with the bar’s own filter', () => {
    expect(referralsHref(Q1, 'source', 'SELF')).toBe(
      '/referrals?view=all&receivedFrom=2026-04-01&receivedTo=2026-06-30&source=SELF',
    );
    expect(referralsHref(Q1)).toBe('/referrals?view=all&receivedFrom=2026-04-01&receivedTo=2026-06-30');
    expect(monthHref({ from: '2026-04-15', to: '2026-06-30' }, '2026-04')).toBe(
      '/referrals?view=all&receivedFrom=2026-04-15&receivedTo=2026-04-30',
    );
    expect(openCasesHref('a1')).toBe('/referrals?view=all&advocateId=a1&status=ALLOCATED%2CACTIVE');
    expect(advocatePeriodHref(Q1, 'a1')).toBe(
      '/referrals?view=all&receivedFrom=2026-04-01&receivedTo=2026-06-30&advocateId=a1',
    );
  });
});

describe('figures', () => {
  it('format as the report shows them', () => {
    expect(formatShare(0.667)).toBe('67%');
    expect(formatShare(null)).toBe('–');
    expect(formatDays(1)).toBe('1 day');
    expect(formatDays(7.6)).toBe('7.6 days');
    expect(formatDays(null)).toBe('–');
    expect(formatHours(90)).toBe('1.5 h');
    expect(formatHours(0)).toBe('0 h');
    expect(shareOf(1, 4)).toBe('25%');
    expect(shareOf(0, 0)).toBe('–');
    expect(plural(1, 'referral')).toBe('1 referral');
    expect(plural(1200, 'referral')).toBe('1,200 referrals');
  });
});

describe('report sections', () => {
  const count = (key: string, n: number) => ({ key, label: key, count: n });
  const summary = {
    totals: { received: 3, closed: 1 },
    byService: [count('IMHA', 2), count('CARERS', 1)],
    bySource: [count('SELF', 3)],
    byLocalAuthority: [count('RUTLAND', 3)],
    byStatus: [count('CLOSED', 1)],
    byOutcome: [count('DIED', 1)],
    byIssue: [count('TREATMENT', 3)],
    byMonth: [count('2026-12', 1), count('2027-01', 2)],
    declined: { byReason: [count('OTHER', 0)], signposting: [count('OTHER', 1)], signposted: 1 },
    demographics: {
      ageBand: [count('NOT_RECORDED', 3)],
      gender: [count('MAN', 3)],
      ethnicity: [count('WHITE', 3)],
      disability: [count('NO', 3)],
    },
  } as unknown as ReportSummary;
  const period = { from: '2026-12-01', to: '2027-01-31' };

  it('link every bar to its referrals for those who may open them, and to nothing otherwise', () => {
    const sections = referralSections(summary, period, true);
    expect(sections.map((s) => s.id)).toEqual([
      'by-service',
      'by-month',
      'by-source',
      'by-area',
      'by-status',
      'by-outcome',
      'by-issue',
      'declined',
      'signposting',
    ]);
    expect(sections[0].rows[0].href).toBe(
      '/referrals?view=all&receivedFrom=2026-12-01&receivedTo=2027-01-31&serviceType=IMHA',
    );
    expect(sections[1].rows.map((r) => [r.shortLabel, r.subLabel, r.href])).toEqual([
      ['Dec', '2026', '/referrals?view=all&receivedFrom=2026-12-01&receivedTo=2026-12-31'],
      ['Jan', '2027', '/referrals?view=all&receivedFrom=2027-01-01&receivedTo=2027-01-31'],
    ]);
    expect(sections.find((s) => s.id === 'signposting')?.rows[0].href).toContain('signpost=OTHER');
    expect(sections.find((s) => s.id === 'by-outcome')?.total).toBe(1);
    for (const section of referralSections(summary, period, false))
      for (const row of section.rows) expect(row.href).toBeUndefined();
    expect(demographicSections(summary, period, true)[0].rows[0].href).toContain('ageBand=NOT_RECORDED');
  });
});
