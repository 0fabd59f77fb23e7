import type { ReportPeriod } from '@beacon/domain';
import { lazy, Suspense } from 'react';
import { Link } from 'react-router';
import { Loading } from '../../../components/status';
import { TableWrap } from '../../../components/table-wrap';
import { FiguresTable } from './figures-table';
import { paths } from '../../../config/paths';
import type { ReportSummary } from '../api/get-report-summary';
import { advocatePeriodHref, openCasesHref, referralsHref } from '../utils/drill-down';
import { formatDays, formatHours, formatShare, plural } from '../utils/figures';
import { periodParams } from '../utils/period';

const BarChart = lazy(() => import('./bar-chart'));

function Chart(props: Parameters<typeof BarChart>[0]) {
  return (
    <Suspense fallback={<Loading label="Loading chart…" />}>
      <BarChart {...props} />
    </Suspense>
  );
}

interface SectionProps {
  summary: ReportSummary;
  period: ReportPeriod;
  drill: boolean;
  tableOpen?: boolean;
}

/** Waiting from received to first contact, per service against its target. */
export function WaitingTimesSection({ summary, period, drill }: SectionProps) {
  const { overall, byService } = summary.waitingTimes;
  return (
    <section className="report-section" aria-labelledby="waiting-title">
      <h2 id="waiting-title" className="section-title">
        Waiting for first contact
      </h2>
      <p className="muted report-section__note">
        Days from a referral being received to the advocate’s first contact, for the period’s referrals
        contacted so far; the share contacted within each service’s target. “Still waiting” is as of today.
      </p>
      {overall.contacted > 0 && (
        <Chart
          label="Share contacted within target, by service"
          max={1}
          bars={byService.map((w) => ({
            key: w.serviceType,
            label: `${w.label} (target ${plural(w.targetDays, 'day')})`,
            value: w.shareWithinTarget ?? 0,
            valueText:
              w.shareWithinTarget === null
                ? 'none contacted'
                : `${formatShare(w.shareWithinTarget)} within target`,
            href: drill && w.contacted > 0 ? referralsHref(period, 'serviceType', w.serviceType) : undefined,
          }))}
        />
      )}
      <TableWrap>
        <table className="table table--numbers">
          <caption className="visually-hidden">Waiting for first contact, by service</caption>
          <thead>
            <tr>
              <th scope="col">Service</th>
              <th scope="col">Target</th>
              <th scope="col">Contacted</th>
              <th scope="col">Median</th>
              <th scope="col">90th percentile</th>
              <th scope="col">Within target</th>
              <th scope="col">Still waiting (past target)</th>
            </tr>
          </thead>
          <tbody>
            {byService.map((w) => (
              <tr key={w.serviceType}>
                <th scope="row">{w.label}</th>
                <td>{formatDays(w.targetDays)}</td>
                <td>{w.contacted}</td>
                <td>{formatDays(w.medianDays)}</td>
                <td>{formatDays(w.p90Days)}</td>
                <td>
                  {formatShare(w.shareWithinTarget)} ({w.withinTarget})
                </td>
                <td>
                  {w.stillWaiting} ({w.stillWaitingBeyondTarget})
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">All services</th>
              <td />
              <td>{overall.contacted}</td>
              <td>{formatDays(overall.medianDays)}</td>
              <td>{formatDays(overall.p90Days)}</td>
              <td>
                {formatShare(overall.shareWithinTarget)} ({overall.withinTarget})
              </td>
              <td>
                {overall.stillWaiting} ({overall.stillWaitingBeyondTarget})
              </td>
            </tr>
          </tfoot>
        </table>
      </TableWrap>
    </section>
  );
}

/** Each advocate's open cases now, and the period's referrals and closures. */
export function CaseloadSection({ summary, period, drill, tableOpen }: SectionProps) {
  const rows = summary.caseload;
  return (
    <section className="report-section" aria-labelledby="caseload-title">
      <h2 id="caseload-title" className="section-title">
        Caseload per advocate
      </h2>
      {rows.length === 0 ? (
        <p className="muted">No advocates yet.</p>
      ) : (
        <>
          {rows.some((a) => a.open > 0) && (
            <Chart
              label="Open cases per advocate"
              bars={rows.map((a) => ({
                key: a.advocateId,
                label: a.advocateName,
                value: a.open,
                valueText: plural(a.open, 'open case'),
                href: drill && a.open > 0 ? openCasesHref(a.advocateId) : undefined,
              }))}
            />
          )}
          <FiguresTable
            summary="Caseload per advocate as a table"
            caption="Caseload per advocate"
            columns={['Advocate', 'Open now', 'Referrals of the period allocated', 'Closed in the period']}
            open={tableOpen}
          >
            {rows.map((a) => (
              <tr key={a.advocateId}>
                <th scope="row">{a.advocateName}</th>
                <td>{drill && a.open ? <Link to={openCasesHref(a.advocateId)}>{a.open}</Link> : a.open}</td>
                <td>
                  {drill && a.receivedInPeriod ? (
                    <Link to={advocatePeriodHref(period, a.advocateId)}>{a.receivedInPeriod}</Link>
                  ) : (
                    a.receivedInPeriod
                  )}
                </td>
                <td>{a.closedInPeriod}</td>
              </tr>
            ))}
          </FiguresTable>
        </>
      )}
    </section>
  );
}

/** Ward visits held and patients seen, per ward; a ward opens Ward coverage for the same days. */
export function WardVisitsSection({ summary, period, drill, tableOpen }: SectionProps) {
  const rows = summary.visits;
  const coverage = paths.coverage.getHref(periodParams(period));
  return (
    <section className="report-section" aria-labelledby="visits-title">
      <h2 id="visits-title" className="section-title">
        Ward visits
      </h2>
      <p className="muted report-section__note">
        Visits dated in the period that were logged as held or cancelled.{' '}
        {drill && <Link to={coverage}>Ward coverage for these dates</Link>}
      </p>
      {rows.length === 0 ? (
        <p className="muted">No wards yet.</p>
      ) : (
        <>
          {rows.some((w) => w.held > 0) && (
            <Chart
              label="Patients seen per ward"
              bars={rows.map((w) => ({
                key: w.wardId,
                label: `${w.wardName}, ${w.hospitalName}`,
                value: w.patientsSeen,
                valueText: `${plural(w.patientsSeen, 'patient')} seen on ${plural(w.held, 'visit')}`,
              }))}
            />
          )}
          <FiguresTable
            summary="Ward visits as a table"
            caption="Ward visits per ward"
            columns={['Ward', 'Held', 'Cancelled', 'Patients seen', 'New referrals', 'Time']}
            open={tableOpen}
          >
            {rows.map((w) => (
              <tr key={w.wardId}>
                <th scope="row">
                  {w.wardName}
                  <span className="cell-note">{w.hospitalName}</span>
                </th>
                <td>{w.held}</td>
                <td>{w.cancelled}</td>
                <td>{w.patientsSeen}</td>
                <td>{w.newReferrals}</td>
                <td>{formatHours(w.minutesSpent)}</td>
              </tr>
            ))}
          </FiguresTable>
        </>
      )}
    </section>
  );
}

/** Time recorded per activity; opens the Time page for the same days. */
export function TimeSection({ summary, period, drill, tableOpen }: SectionProps) {
  const rows = summary.time;
  const total = rows.reduce((n, a) => n + a.minutes, 0);
  return (
    <section className="report-section" aria-labelledby="time-title">
      <h2 id="time-title" className="section-title">
        Time spent per activity
      </h2>
      <p className="muted report-section__note">
        Minutes recorded on case notes (by the kind of note) and on held ward visits.{' '}
        {drill && (
          <Link to={paths.time.getHref(periodParams(period))}>Time per advocate for these dates</Link>
        )}
      </p>
      {total === 0 ? (
        <p className="muted">No time recorded in this period.</p>
      ) : (
        <>
          <Chart
            label="Time spent per activity"
            bars={rows.map((a) => ({
              key: a.activity,
              label: a.label,
              value: a.minutes,
              valueText: formatHours(a.minutes),
            }))}
          />
          <FiguresTable
            summary="Time spent as a table"
            caption="Time spent per activity"
            columns={['Activity', 'Entries', 'Hours']}
            open={tableOpen}
          >
            {rows.map((a) => (
              <tr key={a.activity}>
                <th scope="row">{a.label}</th>
                <td>{a.entries}</td>
                <td>{formatHours(a.minutes)}</td>
              </tr>
            ))}
          </FiguresTable>
        </>
      )}
    </section>
  );
}
