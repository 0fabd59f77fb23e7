import { can } from '@beacon/domain';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { errorText } from '../../../lib/problems';
import { LiveRegion, Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { EmptyState, Loading } from '../../../components/status';
import { paths } from '../../../config/paths';
import { useUser } from '../../../lib/use-session';
import { useUsers } from '../api/get-users';
import { UsersFilters, useUserFilters } from '../components/users-filters';
import { UsersTable } from '../components/users-table';

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
        <Notice tone="error" title="The accounts could not be loaded">
          <p>{errorText(users.error)}</p>
          <Button onClick={() => users.refetch()}>Try again</Button>
        </Notice>
      ) : items.length === 0 ? (
        <EmptyState title={filtered ? 'No accounts match these filters.' : 'There are no accounts yet.'} />
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
            <Notice tone="error">
              <p>{errorText(users.error)}</p>
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
