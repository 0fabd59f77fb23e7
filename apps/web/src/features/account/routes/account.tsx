import { PageHeading } from '../../../components/page-heading';
import { roleList } from '../../../lib/roles';
import { useUser } from '../../../lib/use-session';
import { ChangePasswordForm } from '../components/change-password-form';
import { MySessions } from '../components/my-sessions';

/** Every signed-in person's own page: their password and where they are signed in. */
export function AccountRoute() {
  const user = useUser();
  return (
    <section className="page page--medium">
      <PageHeading>Your account</PageHeading>
      <dl className="summary-list">
        <div>
          <dt>Name</dt>
          <dd>{user.displayName}</dd>
        </div>
        <div>
          <dt>Email</dt>
          <dd className="break">{user.email}</dd>
        </div>
        <div>
          <dt>Roles</dt>
          <dd>{roleList(user.roles)}</dd>
        </div>
      </dl>
      <p className="muted account__note">To change your name, email or roles, ask an admin in your team.</p>
      <ChangePasswordForm email={user.email} />
      <MySessions />
    </section>
  );
}
