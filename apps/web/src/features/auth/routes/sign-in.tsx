import { Navigate, useSearchParams } from 'react-router';
import { PageHeading } from '../../../components/page-heading';
import { Splash } from '../../../components/splash';
import { paths, safeNext } from '../../../config/paths';
import { IDLE_TIMEOUT_MS } from '../../../lib/idle';
import { useSession } from '../../../lib/use-session';
import { SignInForm } from '../components/sign-in-form';

const NOTICES = {
  expired: 'Your session has ended. Please sign in again.',
  idle: `You were signed out because Beacon was not used for ${IDLE_TIMEOUT_MS / 60_000} minutes. Please sign in again.`,
  'signed-out': 'You have signed out.',
  initial: undefined,
} as const;

export function SignInRoute() {
  const state = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next')) ?? paths.home.getHref();

  if (state.status === 'restoring') return <Splash />;
  // Also the way on after signing in: the session changes and this page hands over to where they were going.
  if (state.status === 'signed-in') return <Navigate to={next} replace />;

  return (
    <main id="main" className="sign-in">
      <div className="sign-in__panel">
        <p className="brand brand--large">
          <span className="brand__mark" aria-hidden="true" />
          Beacon
        </p>
        <PageHeading title="Sign in">Sign in to Beacon</PageHeading>
        <SignInForm notice={NOTICES[state.reason]} />
      </div>
      <p className="sign-in__footer muted">
        Forgotten your password, or locked out? Ask an admin in your team to help.
      </p>
    </main>
  );
}
