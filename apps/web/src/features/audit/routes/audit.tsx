import { Button } from '../../../components/button';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { isProblem } from '@beacon/api-client';
import { useAuditEvents } from '../api/get-audit-events';
import { AuditFiltersForm, useAuditFilters } from '../components/audit-filters';
import { AuditTable } from '../components/audit-table';
import { ExportCsv } from '../components/export-csv';
import { PersonFilter } from '../components/person-filter';
import { VerifyChain } from '../components/verify-chain';
import { QueryError } from '../../../components/query-error';

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
          <QueryError title="The audit log could not be loaded" query={events} />
        )
      ) : items.length === 0 ? (
        <EmptyState title="No audit events match these filters.">
          <p>Widen the dates or clear a filter to see more.</p>
        </EmptyState>
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
            <QueryError
              title="More audit events could not be loaded"
              query={events}
              onRetry={() => events.fetchNextPage()}
            />
          )}
        </>
      )}
    </section>
  );
}
