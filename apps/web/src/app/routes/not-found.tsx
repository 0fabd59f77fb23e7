import { Link } from 'react-router';
import { PageHeading } from '../../components/page-heading';
import { EmptyState } from '../../components/status';
import { paths } from '../../config/paths';

export function NotFoundRoute() {
  return (
    <section className="page page--narrow">
      <PageHeading>Page not found</PageHeading>
      <EmptyState title="There is no page at this address.">
        <p>
          It may have moved, or the link may be incomplete.{' '}
          <Link to={paths.home.getHref()}>Go to your home page</Link>.
        </p>
      </EmptyState>
    </section>
  );
}
