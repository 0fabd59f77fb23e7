import type { Role } from '@beacon/domain';
import { lazy, Suspense } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { Button } from '../../components/button';
import { IdleWarning } from '../../components/idle-warning';
import { Loading, NotAvailable } from '../../components/status';
import { paths } from '../../config/paths';
import { TwoStepReminder } from '../../features/account/components/two-step-reminder';
import { useSignOut } from '../../features/auth/api/sign-out';
import { twoStepStanding } from '../../lib/two-step';
import { useInactivity } from '../../lib/use-inactivity';
import { useSession, useUser } from '../../lib/use-session';
import { navFor } from '../navigation';
import { Splash } from '../../components/splash';

/** Fetched only by those who must set up two-step verification before anything else. */
const SetUpTwoStep = lazy(() =>
  import('../../features/account/routes/set-up-two-step').then((m) => ({ default: m.SetUpTwoStepRoute })),
);

/** The signed-in shell: header, role navigation and the page. Signed-out visitors go to sign-in, then come back. */
export function AppLayout() {
  const state = useSession();
  const location = useLocation();
  if (state.status === 'restoring') return <Splash />;
  if (state.status === 'signed-out') {
    const next = state.reason === 'signed-out' ? null : `${location.pathname}${location.search}`;
    return <Navigate to={paths.signIn.getHref(next)} replace />;
  }
  return <Shell />;
}

function Shell() {
  const user = useUser();
  const navigation = useNavigation();
  const signOut = useSignOut();
  const idle = useInactivity();
  // Until a manager or admin whose time is up sets up two-step verification, that is the only
  // page (the API refuses everything else), whatever the address; it then opens as usual.
  const twoStep = twoStepStanding(user);
  const enrolling = twoStep.kind === 'due';
  const items = navFor(user.roles);

  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <header className="header">
        <div className="header__bar">
          <NavLink to={paths.home.getHref()} className="brand" aria-label="Beacon home">
            <span className="brand__mark" aria-hidden="true" />
            Beacon
          </NavLink>
          <div className="header__user">
            {enrolling ? (
              <span className="header__name header__name--plain">{user.displayName}</span>
            ) : (
              <NavLink to={paths.account.getHref()} className="header__name">
                <span className="visually-hidden">Your account: </span>
                {user.displayName}
              </NavLink>
            )}
            <Button variant="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              Sign out
            </Button>
          </div>
        </div>
        {!enrolling && (
          <nav aria-label="Main" className="nav">
            <ul className="nav__list">
              {items.map((item) => (
                <li key={item.href}>
                  <NavLink to={item.href} className="nav__link">
                    {item.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
        <div
          className={navigation.state === 'loading' ? 'progress progress--active' : 'progress'}
          aria-hidden="true"
        />
      </header>
      <main id="main" className="main">
        {enrolling ? (
          <Suspense fallback={<Loading label="Loading…" />}>
            <SetUpTwoStep />
          </Suspense>
        ) : (
          <>
            {twoStep.kind === 'reminder' && <TwoStepReminder by={twoStep.by} />}
            <Outlet />
          </>
        )}
      </main>
      <IdleWarning
        deadline={idle.state.phase === 'warning' ? idle.state.deadline : null}
        onStay={idle.stay}
        onSignOut={() => signOut.mutate()}
      />
    </div>
  );
}

/** A group of routes for some roles only; anyone else gets a calm "not available" page. */
export function RequireAccess({ allows }: { allows: (roles: readonly Role[]) => boolean }) {
  const user = useUser();
  return allows(user.roles) ? <Outlet /> : <NotAvailable />;
}
