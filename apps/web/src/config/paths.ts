function withQuery(path: string, search?: URLSearchParams): string {
  const query = search?.toString();
  return query ? `${path}?${query}` : path;
}

/** Every route of the SPA, typed: components link with `getHref`, the router matches `path`. */
export const paths = {
  home: { path: '/', getHref: () => '/' },
  signIn: {
    path: '/sign-in',
    getHref: (next?: string | null) =>
      `/sign-in${next && next !== '/' ? `?next=${encodeURIComponent(next)}` : ''}`,
  },
  caseload: { path: '/caseload', getHref: () => '/caseload' },
  referrals: {
    path: '/referrals',
    getHref: (search?: URLSearchParams | string) => {
      const query = search?.toString();
      return query ? `/referrals?${query}` : '/referrals';
    },
  },
  newReferral: {
    path: '/referrals/new',
    /** From a logged ward visit: the form starts as a ward-visit referral naming that visit. */
    getHref: (fromVisit?: { visitId: string; date: string }) =>
      fromVisit
        ? `/referrals/new?${new URLSearchParams({ source: 'WARD_VISIT', visitId: fromVisit.visitId, visitDate: fromVisit.date })}`
        : '/referrals/new',
  },
  referral: {
    path: '/referrals/:referralId',
    getHref: (id: string) => `/referrals/${encodeURIComponent(id)}`,
  },
  calendar: { path: '/calendar', getHref: (search?: URLSearchParams) => withQuery('/calendar', search) },
  visit: {
    path: '/visits/:visitId',
    /** The visit's day helps find it (there is no single-visit endpoint). */
    getHref: (id: string, date?: string) =>
      `/visits/${encodeURIComponent(id)}${date ? `?date=${encodeURIComponent(date)}` : ''}`,
  },
  coverage: { path: '/coverage', getHref: (search?: URLSearchParams) => withQuery('/coverage', search) },
  schedules: { path: '/schedules', getHref: () => '/schedules' },
  hospitals: { path: '/hospitals', getHref: () => '/hospitals' },
  time: { path: '/time', getHref: (search?: URLSearchParams) => withQuery('/time', search) },
  reports: { path: '/reports', getHref: (search?: URLSearchParams) => withQuery('/reports', search) },
  /** The commissioners' report for one period, laid out to print. */
  reportPrint: {
    path: '/reports/print',
    getHref: (period: { from: string; to: string }) =>
      withQuery('/reports/print', new URLSearchParams(period)),
  },
  account: { path: '/account', getHref: () => '/account' },
  admin: {
    users: { path: '/admin/users', getHref: () => '/admin/users' },
    newUser: { path: '/admin/users/new', getHref: () => '/admin/users/new' },
    user: { path: '/admin/users/:userId', getHref: (id: string) => `/admin/users/${encodeURIComponent(id)}` },
    audit: { path: '/admin/audit', getHref: () => '/admin/audit' },
    subjectAccess: { path: '/admin/subject-access', getHref: () => '/admin/subject-access' },
    retention: { path: '/admin/retention', getHref: () => '/admin/retention' },
    signposting: { path: '/admin/signposting', getHref: () => '/admin/signposting' },
    jobs: { path: '/admin/jobs', getHref: () => '/admin/jobs' },
  },
} as const;

/** A `next` value that stays inside the app (never `//elsewhere` or `https://…`). */
export function safeNext(next: string | null | undefined): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}
