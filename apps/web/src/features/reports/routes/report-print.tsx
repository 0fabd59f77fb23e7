import { londonDate } from '@beacon/domain';
import { useMemo, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Button } from '../../../components/button';
import { PageHeading } from '../../../components/page-heading';
import { QueryError } from '../../../components/query-error';
import { Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useReportSummary } from '../api/get-report-summary';
import { ReportBody } from '../components/report-body';
import { periodFromParams, periodParams, titleOf } from '../utils/period';

/**
 * The commissioners' report: the same figures laid out for paper (tables open beside each chart,
 * no navigation when printed), the period in its title and in the document title the browser
 * prints in its header.
 */
export function ReportPrintRoute() {
  const [today] = useState(() => londonDate());
  const [params] = useSearchParams();
  const search = params.toString();
  const period = useMemo(() => periodFromParams(new URLSearchParams(search), today), [search, today]);
  const summary = useReportSummary(period);
  const title = `Commissioners’ report: ${titleOf(period)}`;
  return (
    <article className="page report-print">
      <div className="report-print__toolbar no-print">
        <Link to={paths.reports.getHref(periodParams(period))}>Back to Reports</Link>
        <Button variant="primary" onClick={() => window.print()} disabled={!summary.isSuccess}>
          Print
        </Button>
      </div>
      <PageHeading title={title}>{title}</PageHeading>
      <p className="report-print__meta">
        Referrals received from {formatDate(period.from)} to {formatDate(period.to)} inclusive (UK calendar
        days).
        {summary.data && <> Made {formatDateTime(summary.data.generatedAt)} from Beacon’s records.</>}
      </p>
      {summary.isPending ? (
        <Loading label="Loading the report…" />
      ) : summary.isError && !summary.data ? (
        <QueryError title="The report could not be loaded" query={summary} />
      ) : summary.data ? (
        <ReportBody summary={summary.data} period={period} drill={false} print />
      ) : null}
      <p className="report-print__footer muted">
        Every figure is defined in Beacon’s reports guide (docs/reports.md). Counts under about five can
        identify people: check before publishing.
      </p>
    </article>
  );
}
