import { csvCell } from '../audit/audit.service';
import type { ReportCountDto, ReportSummaryDto, WaitingFiguresDto } from './dto/report.dto';

/**
 * The summary as one tidy table, every row `section,key,label,measure,value`: filter on section
 * for one breakdown, or pivot the whole file. Keys are the API's (enum values, YYYY-MM, ids),
 * labels what people read. Cells go through csvCell (quoted, formulas defused). The file starts
 * with a UTF-8 byte order mark so that spreadsheet programs read the labels' dashes and quotes.
 */
export const CSV_HEADER = ['section', 'key', 'label', 'measure', 'value'] as const;

type Row = [section: string, key: string, label: string, measure: string, value: string | number | null];

const counts = (section: string, items: ReportCountDto[], measure = 'referrals'): Row[] =>
  items.map((c) => [section, c.key, c.label, measure, c.count]);

function waiting(key: string, label: string, w: WaitingFiguresDto, targetDays?: number): Row[] {
  const rows: Row[] = [
    ['waiting_times', key, label, 'contacted', w.contacted],
    ['waiting_times', key, label, 'median_days', w.medianDays],
    ['waiting_times', key, label, 'p90_days', w.p90Days],
    ['waiting_times', key, label, 'within_target', w.withinTarget],
    ['waiting_times', key, label, 'share_within_target', w.shareWithinTarget],
    ['waiting_times', key, label, 'still_waiting', w.stillWaiting],
    ['waiting_times', key, label, 'still_waiting_beyond_target', w.stillWaitingBeyondTarget],
  ];
  if (targetDays !== undefined) rows.push(['waiting_times', key, label, 'target_days', targetDays]);
  return rows;
}

export function summaryRows(s: ReportSummaryDto): Row[] {
  const t = s.totals;
  return [
    ['period', 'from', 'First day (inclusive)', 'date', s.period.from],
    ['period', 'to', 'Last day (inclusive)', 'date', s.period.to],
    ['period', 'label', 'Period', 'text', s.period.label],
    ['period', 'time_zone', 'Calendar days in', 'text', s.period.timeZone],
    ['period', 'generated_at', 'Made at', 'date-time', s.generatedAt],
    ['totals', 'received', 'Referrals received', 'referrals', t.received],
    ['totals', 'declined', 'Of those, declined', 'referrals', t.declined],
    ['totals', 'contacted', 'Of those, first contact made', 'referrals', t.contacted],
    [
      'totals',
      'awaiting_contact',
      'Of those, still waiting for first contact',
      'referrals',
      t.awaitingContact,
    ],
    ['totals', 'closed', 'Of those, closed', 'referrals', t.closed],
    ['totals', 'open_caseload', 'Open cases now (all advocates)', 'referrals', t.openCaseload],
    ['totals', 'visits_held', 'Ward visits held', 'visits', t.visitsHeld],
    ['totals', 'patients_seen', 'Patients seen on ward visits', 'patients', t.patientsSeen],
    ['totals', 'minutes_recorded', 'Time recorded', 'minutes', t.minutesRecorded],
    ...counts('by_service', s.byService),
    ...counts('by_source', s.bySource),
    ...counts('by_local_authority', s.byLocalAuthority),
    ...counts('by_status', s.byStatus),
    ...counts('by_outcome', s.byOutcome),
    ...counts('by_issue', s.byIssue),
    ...counts('by_month', s.byMonth),
    ...counts('declined_by_reason', s.declined.byReason),
    ...counts('signposting', s.declined.signposting),
    ['signposting', 'ANY', 'Signposted anywhere', 'referrals', s.declined.signposted],
    ...waiting('ALL', 'All services', s.waitingTimes.overall),
    ...s.waitingTimes.byService.flatMap((w) => waiting(w.serviceType, w.label, w, w.targetDays)),
    ...s.caseload.flatMap((a): Row[] => [
      ['caseload', a.advocateId, a.advocateName, 'open', a.open],
      ['caseload', a.advocateId, a.advocateName, 'received_in_period', a.receivedInPeriod],
      ['caseload', a.advocateId, a.advocateName, 'closed_in_period', a.closedInPeriod],
    ]),
    ...s.visits.flatMap((w): Row[] => {
      const label = `${w.wardName}, ${w.hospitalName}`;
      return [
        ['ward_visits', w.wardId, label, 'held', w.held],
        ['ward_visits', w.wardId, label, 'cancelled', w.cancelled],
        ['ward_visits', w.wardId, label, 'patients_seen', w.patientsSeen],
        ['ward_visits', w.wardId, label, 'new_referrals', w.newReferrals],
        ['ward_visits', w.wardId, label, 'minutes', w.minutesSpent],
      ];
    }),
    ...s.time.flatMap((a): Row[] => [
      ['time', a.activity, a.label, 'entries', a.entries],
      ['time', a.activity, a.label, 'minutes', a.minutes],
    ]),
    ...counts('age_band', s.demographics.ageBand),
    ...counts('gender', s.demographics.gender),
    ...counts('ethnicity', s.demographics.ethnicity),
    ...counts('disability', s.demographics.disability),
  ];
}

export function summaryCsv(s: ReportSummaryDto): string {
  const lines = [CSV_HEADER.join(','), ...summaryRows(s).map((row) => row.map(csvCell).join(','))];
  return `\ufeff${lines.join('\r\n')}\r\n`;
}

/** `beacon-report-2026-04-01-to-2027-03-31.csv` (dates only: safe in a header as they are). */
export const csvFileName = (from: string, to: string) => `beacon-report-${from}-to-${to}.csv`;
