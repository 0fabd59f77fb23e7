import { can, londonDate } from '@beacon/domain';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { LiveRegion } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { useUser } from '../../../lib/use-session';
import { useReportSummary } from '../api/get-report-summary';
import { ExportReportCsv } from '../components/export-report-csv';
import { PeriodPicker } from '../components/period-picker';
import { ReportBody } from '../components/report-body';
import { TargetsPanel } from '../components/targets-panel';
import { plural } from '../utils/figures';
import { periodFromParams, periodParams, titleOf } from '../utils/period';

/**
 * Reports for managers and admins: every figure of a period (a month, quarter, financial year or
 * any dates) as charts and tables; a bar opens the referrals it counts. The period lives in the
 * address, so a report can be bookmarked and shared.
 */
export function ReportsRoute() {
  const me = useUser();
  const [today] = useState(() => londonDate());
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const period = useMemo(() => periodFromParams(new URLSearchParams(search), today), [search, today]);
  const summary = useReportSummary(period);
  // Bars open the Referrals page, which is for those who triage (managers).
  const drill = can(me.roles, 'referrals.triage');
  const data = summary.data;
  const empty =
    data && data.totals.received === 0 && data.totals.visitsHeld === 0 && data.totals.minutesRecorded === 0;

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>Reports</PageHeading>
        <div className="actions actions--tight">
          <Link className="button button--secondary" to={paths.reportPrint.getHref(period)}>
            Commissioners’ report
          </Link>
          <ExportReportCsv period={period} />
        </div>
      </div>
      <p className="lead">
        Referrals received in the period and what became of them, waiting times, caseloads, ward visits and
        time. Days are UK (Europe/London) calendar days, first and last included.
      </p>
      <PeriodPicker
        key={search}
        value={period}
        today={today}
        onChange={(next) => setParams(periodParams(next))}
      />
      <h2 className="report-period">{titleOf(period)}</h2>
      <LiveRegion>
        {summary.isSuccess && (
          <p className="muted">
            {titleOf(period)}: {plural(summary.data.totals.received, 'referral')} received. Figures as of{' '}
            {formatDateTime(summary.data.generatedAt)}.
            {drill && ' Choose a bar or a number to see the referrals it counts.'}
          </p>
        )}
      </LiveRegion>
      {summary.isPending ? (
        <Loading label="Loading the report…" />
      ) : summary.isError && !data ? (
        <QueryError title="The report could not be loaded" query={summary} />
      ) : data && empty ? (
        <EmptyState title="Nothing was recorded in this period.">
          <p>No referrals were received, no ward visits held and no time recorded. Choose another period.</p>
        </EmptyState>
      ) : data ? (
        <ReportBody summary={data} period={period} drill={drill} />
      ) : null}
      <TargetsPanel />
    </section>
  );
}
