import { createBrowserRouter, RouterProvider } from 'react-router';
import { paths } from '../config/paths';
import { NAV_ITEMS, PAGE_ACCESS } from './navigation';
import { AppLayout, RequireAccess } from './routes/app-layout';
import { HomeRedirect } from './routes/home';
import { RouteError } from './routes/route-error';
import { Splash } from '../components/splash';

/** Every page's code is its own chunk, fetched when first visited. */
const router = createBrowserRouter([
  {
    path: paths.signIn.path,
    lazy: () => import('../features/auth/routes/sign-in').then((m) => ({ Component: m.SignInRoute })),
    ErrorBoundary: RouteError,
    HydrateFallback: Splash,
  },
  {
    Component: AppLayout,
    ErrorBoundary: RouteError,
    HydrateFallback: Splash,
    children: [
      { index: true, Component: HomeRedirect },
      {
        element: <RequireAccess allows={NAV_ITEMS.caseload.allows} />,
        children: [
          {
            path: paths.caseload.path,
            // The caseload page with the advocate's reminders in it (features do not import each other).
            lazy: () =>
              Promise.all([
                import('../features/caseload/routes/caseload'),
                import('../features/reminders/components/reminders-panel'),
              ]).then(([caseload, reminders]) => ({
                Component: () => <caseload.CaseloadRoute reminders={<reminders.RemindersPanel />} />,
              })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.referrals.allows} />,
        children: [
          {
            path: paths.referrals.path,
            lazy: () =>
              import('../features/referrals/routes/referrals').then((m) => ({ Component: m.ReferralsRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={PAGE_ACCESS.newReferral} />,
        children: [
          {
            path: paths.newReferral.path,
            lazy: () =>
              import('../features/referrals/routes/new-referral').then((m) => ({
                Component: m.NewReferralRoute,
              })),
          },
        ],
      },
      {
        element: <RequireAccess allows={PAGE_ACCESS.referral} />,
        children: [
          {
            path: paths.referral.path,
            lazy: () =>
              import('../features/referrals/routes/referral').then((m) => ({ Component: m.ReferralRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.calendar.allows} />,
        children: [
          {
            path: paths.calendar.path,
            lazy: () =>
              import('../features/calendar/routes/calendar').then((m) => ({ Component: m.CalendarRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={PAGE_ACCESS.visit} />,
        children: [
          {
            path: paths.visit.path,
            lazy: () => import('../features/visits/routes/visit').then((m) => ({ Component: m.VisitRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.coverage.allows} />,
        children: [
          {
            path: paths.coverage.path,
            lazy: () =>
              import('../features/coverage/routes/coverage').then((m) => ({ Component: m.CoverageRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.schedules.allows} />,
        children: [
          {
            path: paths.schedules.path,
            lazy: () =>
              import('../features/schedules/routes/schedules').then((m) => ({ Component: m.SchedulesRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.hospitals.allows} />,
        children: [
          {
            path: paths.hospitals.path,
            lazy: () =>
              import('../features/hospitals/routes/hospitals').then((m) => ({ Component: m.HospitalsRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.time.allows} />,
        children: [
          {
            path: paths.time.path,
            lazy: () => import('../features/time/routes/time').then((m) => ({ Component: m.TimeRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.reports.allows} />,
        children: [
          {
            path: paths.reports.path,
            lazy: () =>
              import('../features/reports/routes/reports').then((m) => ({ Component: m.ReportsRoute })),
          },
          {
            path: paths.reportPrint.path,
            lazy: () =>
              import('../features/reports/routes/report-print').then((m) => ({
                Component: m.ReportPrintRoute,
              })),
          },
        ],
      },
      {
        element: <RequireAccess allows={PAGE_ACCESS.account} />,
        children: [
          {
            path: paths.account.path,
            lazy: () =>
              import('../features/account/routes/account').then((m) => ({ Component: m.AccountRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.users.allows} />,
        children: [
          {
            path: paths.admin.users.path,
            lazy: () => import('../features/users/routes/users').then((m) => ({ Component: m.UsersRoute })),
          },
          {
            path: paths.admin.newUser.path,
            lazy: () =>
              import('../features/users/routes/new-user').then((m) => ({ Component: m.NewUserRoute })),
          },
          {
            path: paths.admin.user.path,
            lazy: () => import('../features/users/routes/user').then((m) => ({ Component: m.UserRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.audit.allows} />,
        children: [
          {
            path: paths.admin.audit.path,
            lazy: () => import('../features/audit/routes/audit').then((m) => ({ Component: m.AuditRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.subjectAccess.allows} />,
        children: [
          {
            path: paths.admin.subjectAccess.path,
            lazy: () =>
              import('../features/subject-access/routes/subject-access').then((m) => ({
                Component: m.SubjectAccessRoute,
              })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.retention.allows} />,
        children: [
          {
            path: paths.admin.retention.path,
            lazy: () =>
              import('../features/retention/routes/retention').then((m) => ({ Component: m.RetentionRoute })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.signposting.allows} />,
        children: [
          {
            path: paths.admin.signposting.path,
            lazy: () =>
              import('../features/signposting/routes/signposting').then((m) => ({
                Component: m.SignpostingRoute,
              })),
          },
        ],
      },
      {
        element: <RequireAccess allows={NAV_ITEMS.jobs.allows} />,
        children: [
          {
            path: paths.admin.jobs.path,
            lazy: () => import('../features/jobs/routes/jobs').then((m) => ({ Component: m.JobsRoute })),
          },
        ],
      },
      { path: '*', lazy: () => import('./routes/not-found').then((m) => ({ Component: m.NotFoundRoute })) },
    ],
  },
]);

export function AppRouter() {
  return <RouterProvider router={router} />;
}
