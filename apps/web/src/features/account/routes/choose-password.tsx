import { useState } from 'react';
import { Button } from '../../../components/button';
import { LiveRegion, Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { Loading } from '../../../components/status';
import { reloadUser } from '../../../lib/api';
import { errorText } from '../../../lib/problems';
import { useUser } from '../../../lib/use-session';
import { ChangePasswordForm } from '../components/change-password-form';

/**
 * What someone signed in with a password an admin gave (a new account, a reset) sees in place of
 * every page: the API refuses everything else until they choose their own. Once it is changed the
 * session learns it, and the app carries on: to setting up two-step verification when their role
 * needs it now, else to the page they were going to.
 */
export function ChoosePasswordRoute() {
  const user = useUser();
  // The temporary password no longer works once changed: the form does not come back after that.
  const [changed, setChanged] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function finish() {
    setChanged(true);
    setFinishing(true);
    setFailure(null);
    try {
      const me = await reloadUser();
      // Still held as temporary (changed again elsewhere, say): ask once more.
      if (me.passwordChangeRequired) setChanged(false);
      setFinishing(false);
    } catch (error) {
      setFailure(error);
      setFinishing(false);
    }
  }

  return (
    <section className="page page--narrow choose-password">
      <PageHeading>Choose your own password</PageHeading>
      <p className="lead">Your password was set by an admin. Choose a password only you know.</p>
      <p>
        Enter the temporary password you were given, then a new password of your own. Use the new one from now
        on; the temporary one stops working. If you cannot do it now, sign out and come back later.
      </p>
      <LiveRegion politeness="assertive">
        {failure ? (
          <Notice tone="error" title="Your password is saved, but Beacon could not carry on">
            <p>{errorText(failure)}</p>
            <Button variant="primary" onClick={finish}>
              Try again
            </Button>
          </Notice>
        ) : null}
      </LiveRegion>
      {!changed && <ChangePasswordForm email={user.email} temporary onChanged={() => void finish()} />}
      {finishing && <Loading label="Opening Beacon…" />}
    </section>
  );
}
