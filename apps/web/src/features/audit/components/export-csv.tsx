import { londonDate } from '@beacon/domain';
import { Button } from '../../../components/button';
import { LiveRegion, Notice } from '../../../components/notice';
import { errorText } from '../../../lib/problems';
import { useExportAuditCsv } from '../api/export-audit-csv';
import type { AuditFilters } from '../api/get-audit-events';
import { auditExportFilename, auditExportQuery } from '../utils/export';
import type { AuditFilterValues } from './audit-filters';

/** Downloads the events the current filters select, as CSV. */
export function ExportCsv({ values, filters }: { values: AuditFilterValues; filters: AuditFilters }) {
  const exportCsv = useExportAuditCsv();
  return (
    <div className="export-csv">
      <Button
        onClick={() =>
          exportCsv.mutate({
            filters: auditExportQuery(filters),
            filename: auditExportFilename(values, londonDate()),
          })
        }
        disabled={exportCsv.isPending}
      >
        {exportCsv.isPending ? 'Exporting…' : 'Export CSV'}
      </Button>
      <LiveRegion politeness={exportCsv.isError ? 'assertive' : 'polite'}>
        {exportCsv.isError ? (
          <Notice tone="error" title="The CSV could not be exported">
            <p>{errorText(exportCsv.error)}</p>
          </Notice>
        ) : exportCsv.isSuccess ? (
          <p className="muted export-csv__done">
            Downloaded <code>{exportCsv.data}</code> (the events these filters select, oldest first).
          </p>
        ) : null}
      </LiveRegion>
    </div>
  );
}
