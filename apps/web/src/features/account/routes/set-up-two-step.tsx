import { useState } from 'react';
import { Button } from '../../../components/button';
import { LiveRegion, Notice } from '../../../components/notice';
import { PageHeading } from '../../../components/page-heading';
import { Loading } from '../../../components/status';
import { reloadUser } from '../../../lib/api';
import { errorText } from '../../../lib/problems';
import { useUser } from '../../../lib/use-session';
import { SetupFlow } from '../components/setup-flow';

/**
 * What a manager or admin sees, in place of every page, when their role needs two-step
 * verification and their time to set it up is over: the API refuses everything else until then.
 * Once it is on and the recovery codes are saved, the session learns it and the page they were
 * going to (their home page after signing in) opens.
 */
export function SetUpTwoStepRoute() {
  const user = useUser();
  const [finishing, setFinishing] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);

  async function finish() {
    setFinishing(true);
    setFailure(null);
    try {
      await reloadUser();
    } catch (error) {
      setFailure(error);
      setFinishing(false);
    }
  }

  return (
    <section className="page page--narrow set-up-two-step">
      <PageHeading>Set up two-step verification</PageHeading>
      <p className="lead">
        Managers and admins can see every case in Beacon, so their accounts need more protection than a
        password. Before you carry on, set up two-step verification.
      </p>
      <p>
        Each time you sign in you will enter a code from an authenticator app on your phone as well as your
        password. It takes a few minutes, and you need your phone. If you cannot do it now, sign out and come
        back later.
      </p>
      <LiveRegion politeness="assertive">
        {failure ? (
          <Notice tone="error" title="Beacon could not carry on">
            <p>{errorText(failure)}</p>
            <Button variant="primary" onClick={finish}>
              Try again
            </Button>
          </Notice>
        ) : null}
      </LiveRegion>
      {/* Stays until the session has moved on: the recovery codes must not vanish on a failure. */}
      <SetupFlow account={user.email} level={2} onDone={finishing ? () => undefined : finish} />
      {finishing && <Loading label="Opening Beacon…" />}
    </section>
  );
}
