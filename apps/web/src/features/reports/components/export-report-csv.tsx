import type { ReportPeriod } from '@beacon/domain';
import { Button } from '../../../components/button';
import { LiveRegion, Notice } from '../../../components/notice';
import { errorText } from '../../../lib/problems';
import { useExportReportCsv } from '../api/export-report-csv';

/** Downloads the period's figures as CSV (one tidy table: section, key, label, measure, value). */
export function ExportReportCsv({ period }: { period: ReportPeriod }) {
  const exportCsv = useExportReportCsv();
  return (
    <div className="export-csv">
      <Button onClick={() => exportCsv.mutate(period)} disabled={exportCsv.isPending}>
        {exportCsv.isPending ? 'Downloading…' : 'Download CSV'}
      </Button>
      <LiveRegion politeness={exportCsv.isError ? 'assertive' : 'polite'}>
        {exportCsv.isError ? (
          <Notice tone="error" title="The CSV could not be downloaded">
            <p>{errorText(exportCsv.error)}</p>
          </Notice>
        ) : exportCsv.isSuccess ? (
          <p className="muted export-csv__done">
            Downloaded <code>{exportCsv.data}</code>.
          </p>
        ) : null}
      </LiveRegion>
    </div>
  );
}
