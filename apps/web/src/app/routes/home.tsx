import { Navigate } from 'react-router';
import { EmptyState } from '../../components/status';
import { PageHeading } from '../../components/page-heading';
import { useUser } from '../../lib/use-session';
import { navFor } from '../navigation';

/** "/" opens the first page the person's roles give them. */
export function HomeRedirect() {
  const user = useUser();
  const first = navFor(user.roles)[0];
  if (first) return <Navigate to={first.href} replace />;
  return (
    <section className="page page--narrow">
      <PageHeading>Welcome</PageHeading>
      <EmptyState title="Your account has no pages yet.">
        <p>Ask an admin to give your account a role.</p>
      </EmptyState>
    </section>
  );
}
