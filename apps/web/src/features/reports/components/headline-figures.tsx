import type { ReportPeriod } from '@beacon/domain';
import { Link } from 'react-router';
import type { ReportSummary } from '../api/get-report-summary';
import { referralsHref } from '../utils/drill-down';
import { formatDays, formatHours, formatShare } from '../utils/figures';

/** The figures commissioners ask for first, each defined in docs/reports.md. */
export function HeadlineFigures({
  summary,
  period,
  drill,
}: {
  summary: ReportSummary;
  period: ReportPeriod;
  drill: boolean;
}) {
  const { totals, waitingTimes } = summary;
  const w = waitingTimes.overall;
  const figures: { label: string; value: string; note?: string; href?: string }[] = [
    {
      label: 'Referrals received',
      value: totals.received.toLocaleString('en-GB'),
      href: drill ? referralsHref(period) : undefined,
    },
    {
      label: 'Declined',
      value: totals.declined.toLocaleString('en-GB'),
      href: drill ? referralsHref(period, 'status', 'DECLINED') : undefined,
    },
    { label: 'First contact made', value: w.contacted.toLocaleString('en-GB') },
    { label: 'Median wait for first contact', value: formatDays(w.medianDays) },
    { label: '90% contacted within', value: formatDays(w.p90Days) },
    {
      label: 'Contacted within target',
      value: formatShare(w.shareWithinTarget),
      note: `${w.withinTarget} of ${w.contacted}`,
    },
    {
      label: 'Still waiting for first contact',
      value: w.stillWaiting.toLocaleString('en-GB'),
      note: `${w.stillWaitingBeyondTarget} past target`,
    },
    { label: 'Open cases now', value: totals.openCaseload.toLocaleString('en-GB') },
    { label: 'Ward visits held', value: totals.visitsHeld.toLocaleString('en-GB') },
    { label: 'Patients seen on visits', value: totals.patientsSeen.toLocaleString('en-GB') },
    { label: 'Time recorded', value: formatHours(totals.minutesRecorded) },
  ];
  return (
    <dl className="report-figures">
      {figures.map((figure) => (
        <div key={figure.label} className="report-figure">
          <dt className="report-figure__label">{figure.label}</dt>
          <dd className="report-figure__value">
            {figure.href ? (
              <Link to={figure.href} aria-label={`${figure.label}: ${figure.value}. Show them`}>
                {figure.value}
              </Link>
            ) : (
              figure.value
            )}
            {figure.note && <span className="report-figure__note">{figure.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
