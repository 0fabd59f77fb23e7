import { useEffect } from 'react';
import { useLocation } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { roleList } from '../../../lib/roles';
import { TWO_STEP_SECTION_ID } from '../../../lib/two-step';
import { useUser } from '../../../lib/use-session';
import { ChangePasswordForm } from '../components/change-password-form';
import { MySessions } from '../components/my-sessions';
import { TwoStepSection } from '../components/two-step-section';

/** Every signed-in person's own page: their password, two-step verification and where they are signed in. */
export function AccountRoute() {
  const user = useUser();
  const { hash } = useLocation();

  // A link to a section (the two-step verification reminder's) takes focus there, after the heading's.
  useEffect(() => {
    if (hash !== `#${TWO_STEP_SECTION_ID}`) return;
    const section = document.getElementById(TWO_STEP_SECTION_ID);
    section?.focus({ preventScroll: true });
    section?.scrollIntoView({ block: 'start' });
  }, [hash]);

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
      <TwoStepSection email={user.email} />
      <MySessions />
    </section>
  );
}
