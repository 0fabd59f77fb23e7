import type { Role } from '@beacon/domain';
import { Navigate, NavLink, Outlet, useLocation, useNavigation } from 'react-router';
import { Button } from '../../components/button';
import { IdleWarning } from '../../components/idle-warning';
import { NotAvailable } from '../../components/status';
import { paths } from '../../config/paths';
import { useSignOut } from '../../features/auth/api/sign-out';
import { useInactivity } from '../../lib/use-inactivity';
import { useSession, useUser } from '../../lib/use-session';
import { navFor } from '../navigation';
import { Splash } from '../../components/splash';

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
            <NavLink to={paths.account.getHref()} className="header__name">
              <span className="visually-hidden">Your account: </span>
              {user.displayName}
            </NavLink>
            <Button variant="secondary" onClick={() => signOut.mutate()} disabled={signOut.isPending}>
              Sign out
            </Button>
          </div>
        </div>
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
        <div
          className={navigation.state === 'loading' ? 'progress progress--active' : 'progress'}
          aria-hidden="true"
        />
      </header>
      <main id="main" className="main">
        <Outlet />
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
