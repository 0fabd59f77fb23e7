import { can } from '@beacon/domain';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { LiveRegion } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { useUser } from '../../../lib/use-session';
import { useUsers } from '../api/get-users';
import { UsersFilters, useUserFilters } from '../components/users-filters';
import { UsersTable } from '../components/users-table';
import { QueryError } from '../../../components/query-error';

export function UsersRoute() {
  const me = useUser();
  const [filters, setFilters] = useUserFilters();
  const users = useUsers(filters);
  const items = users.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Boolean(filters.q || filters.role || filters.active !== undefined);

  return (
    <section className="page">
      <div className="page-header">
        <PageHeading>Users</PageHeading>
        {can(me.roles, 'users.create') && (
          <Link className="button button--primary" to={paths.admin.newUser.getHref()}>
            New user
          </Link>
        )}
      </div>
      <UsersFilters filters={filters} onChange={setFilters} />
      <LiveRegion>
        {users.isSuccess && (
          <p className="muted result-count">
            {items.length === 1 ? '1 account' : `${items.length} accounts`}
            {users.hasNextPage ? ' shown, more to load' : filtered ? ' match' : ''}
          </p>
        )}
      </LiveRegion>
      {users.isPending ? (
        <Loading label="Loading accounts…" />
      ) : users.isError && !users.data ? (
        <QueryError title="The accounts could not be loaded" query={users} />
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? 'No accounts match these filters.' : 'There are no accounts yet.'}>
          <p>
            {filtered
              ? 'Change or clear the filters to see more.'
              : 'Add the people who use Beacon with “New user”.'}
          </p>
        </EmptyState>
      ) : (
        <>
          <UsersTable users={items} />
          {users.hasNextPage && (
            <div className="actions actions--center">
              <Button onClick={() => users.fetchNextPage()} disabled={users.isFetchingNextPage}>
                {users.isFetchingNextPage ? 'Loading…' : 'Load more'}
              </Button>
            </div>
          )}
          {users.isFetchNextPageError && (
            <QueryError
              title="More accounts could not be loaded"
              query={users}
              onRetry={() => users.fetchNextPage()}
            />
          )}
        </>
      )}
    </section>
  );
}
