import { useRouteError } from 'react-router';
import { Button } from '../../components/button';
import { PageHeading } from '../../components/page-heading';
import { errorText } from '../../lib/problems';
import { EmptyState } from '../../components/status';

/** When a page fails to load (often a new release replacing old files): say so plainly and offer a reload. */
export function RouteError() {
  const error = useRouteError();
  console.error(error);
  return (
    <main id="main" className="main">
      <section className="page page--narrow">
        <PageHeading>Something went wrong</PageHeading>
        <EmptyState title="This page could not be shown.">
          <p>
            {error instanceof TypeError
              ? 'Beacon may have been updated. Reloading usually fixes this.'
              : errorText(error)}
          </p>
          <Button variant="primary" onClick={() => window.location.reload()}>
            Reload the page
          </Button>
        </EmptyState>
      </section>
    </main>
  );
}
