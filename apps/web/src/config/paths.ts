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
  newReferral: { path: '/referrals/new', getHref: () => '/referrals/new' },
  referral: {
    path: '/referrals/:referralId',
    getHref: (id: string) => `/referrals/${encodeURIComponent(id)}`,
  },
  admin: {
    users: { path: '/admin/users', getHref: () => '/admin/users' },
    newUser: { path: '/admin/users/new', getHref: () => '/admin/users/new' },
    user: { path: '/admin/users/:userId', getHref: (id: string) => `/admin/users/${encodeURIComponent(id)}` },
    audit: { path: '/admin/audit', getHref: () => '/admin/audit' },
    signposting: { path: '/admin/signposting', getHref: () => '/admin/signposting' },
  },
} as const;

/** A `next` value that stays inside the app (never `//elsewhere` or `https://…`). */
export function safeNext(next: string | null | undefined): string | null {
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : null;
}
