import { Button } from '../../../components/button';
import { Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { errorText } from '../../../lib/problems';
import { isProblem } from '@beacon/api-client';
import { useAuditEvents } from '../api/get-audit-events';
import { AuditFiltersForm, useAuditFilters } from '../components/audit-filters';
import { AuditTable } from '../components/audit-table';
import { ExportCsv } from '../components/export-csv';
import { PersonFilter } from '../components/person-filter';
import { VerifyChain } from '../components/verify-chain';

export function AuditRoute() {
  const [values, filters, apply] = useAuditFilters();
  const events = useAuditEvents(filters);
  const items = events.data?.pages.flatMap((page) => page.items) ?? [];
  const badFilters = isProblem(events.error, 400) ? events.error : null;

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>Audit</PageHeading>
        <VerifyChain />
      </div>
      <p className="muted">
        Every change and every read of a record, newest first. Times and dates are UK time; From and To are
        both included.
      </p>
      <PersonFilter clientId={values.clientId} onChange={(clientId) => apply({ ...values, clientId })} />
      <AuditFiltersForm
        key={new URLSearchParams(Object.entries(values)).toString()}
        values={values}
        error={badFilters}
        onApply={apply}
      />
      <div className="toolbar">
        <ExportCsv values={values} filters={filters} />
      </div>
      {events.isPending ? (
        <Loading label="Loading audit events…" />
      ) : events.isError && !events.data ? (
        badFilters ? null : (
          <Notice tone="error" title="The audit log could not be loaded">
            <p>{errorText(events.error)}</p>
            <Button onClick={() => events.refetch()}>Try again</Button>
          </Notice>
        )
      ) : items.length === 0 ? (
        <EmptyState title="No audit events match these filters." />
      ) : (
        <>
          <AuditTable events={items} />
          {events.hasNextPage && (
            <div className="actions actions--center">
              <Button onClick={() => events.fetchNextPage()} disabled={events.isFetchingNextPage}>
                {events.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
          {events.isFetchNextPageError && (
            <Notice tone="error">
              <p>{errorText(events.error)}</p>
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
