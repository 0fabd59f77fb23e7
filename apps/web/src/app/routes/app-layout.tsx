import type { Role } from '@beacon/domain';
import { lazy, Suspense } from 'react';
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { Button } from '../../components/button';
import { IdleWarning } from '../../components/idle-warning';
import { Loading, NotAvailable } from '../../components/status';
import { paths } from '../../config/paths';
import { TwoStepReminder } from '../../features/account/components/two-step-reminder';
import { useSignOut } from '../../features/auth/api/sign-out';
import { FailedJobsCount } from '../../features/jobs/components/failed-jobs-count';
import { ReminderCount } from '../../features/reminders/components/reminder-count';
import { GlobalSearch } from '../../features/search/components/global-search';
import { canSearch } from '../../features/search/utils/search';
import { accountRestricted, accountStanding } from '../../lib/account-standing';
import { useInactivity } from '../../lib/use-inactivity';
import { useSession, useUser } from '../../lib/use-session';
import { NAV_ITEMS, navFor } from '../navigation';
import { Splash } from '../../components/splash';

/** Fetched only by those who must set up two-step verification before anything else. */
const SetUpTwoStep = lazy(() =>
  import('../../features/account/routes/set-up-two-step').then((m) => ({ default: m.SetUpTwoStepRoute })),
);

/** Fetched only by those signed in with a password an admin gave, who must choose their own first. */
const ChoosePassword = lazy(() =>
  import('../../features/account/routes/choose-password').then((m) => ({ default: m.ChoosePasswordRoute })),
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
  // Until someone with a password an admin gave chooses their own, and then until a manager or
  // admin whose time is up sets up two-step verification, that is the only page (the API refuses
  // everything else), whatever the address; it then opens as usual.
  const standing = accountStanding(user);
  const enrolling = accountRestricted(standing);
  const items = navFor(user.roles);

  return (
    <div className="shell">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          // Focus itself moves to main (not only the reading position), and the address stays as it is.
          event.preventDefault();
          document.getElementById('main')?.focus();
        }}
      >
        Skip to main content
      </a>
      <header className="header">
        <div className="header__bar">
          <NavLink to={paths.home.getHref()} className="brand" aria-label="Beacon home">
            <span className="brand__mark" aria-hidden="true" />
            Beacon
          </NavLink>
          <div className="header__user">
            {!enrolling && canSearch(user.roles) && <GlobalSearch />}
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
                <li key={item.href} className="nav__item">
                  <NavLink to={item.href} className="nav__link">
                    {item.label}
                  </NavLink>
                  {item.href === NAV_ITEMS.caseload.href && <ReminderCount />}
                  {item.href === NAV_ITEMS.jobs.href && <FailedJobsCount />}
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
      <main id="main" className="main" tabIndex={-1}>
        {enrolling ? (
          <Suspense fallback={<Loading label="Loading…" />}>
            {standing.kind === 'password-change' ? <ChoosePassword /> : <SetUpTwoStep />}
          </Suspense>
        ) : (
          <>
            {standing.kind === 'two-step-reminder' && <TwoStepReminder by={standing.by} />}
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
