import { can, needsAccessReason, type Role } from '@beacon/domain';
import { paths } from '../config/paths';

export interface NavItem {
  label: string;
  href: string;
  /** Whether this page is for someone holding these roles. */
  allows: (roles: readonly Role[]) => boolean;
  /** Whether it is in the main navigation (default: whenever it is allowed). */
  listed?: (roles: readonly Role[]) => boolean;
}

/**
 * The pages of the main navigation, in the order a multi-role person sees them, each following the
 * policy table. "My caseload" is the advocate's own page: no policy action is theirs alone (managers
 * may record first contact too), so it follows the role.
 */
export const NAV_ITEMS = {
  caseload: {
    label: 'My caseload',
    href: paths.caseload.getHref(),
    allows: (roles) => roles.includes('ADVOCATE'),
  },
  referrals: {
    label: 'Referrals',
    href: paths.referrals.getHref(),
    allows: (roles) => can(roles, 'referrals.triage'),
  },
  calendar: {
    label: 'Calendar',
    href: paths.calendar.getHref(),
    allows: (roles) => can(roles, 'calendar.read'),
  },
  coverage: {
    label: 'Ward coverage',
    href: paths.coverage.getHref(),
    allows: (roles) => can(roles, 'visits.coverage'),
  },
  schedules: {
    label: 'Schedules',
    href: paths.schedules.getHref(),
    allows: (roles) => can(roles, 'schedules.manage'),
  },
  time: { label: 'Time', href: paths.time.getHref(), allows: (roles) => can(roles, 'time.read') },
  users: { label: 'Users', href: paths.admin.users.getHref(), allows: (roles) => can(roles, 'users.list') },
  audit: { label: 'Audit', href: paths.admin.audit.getHref(), allows: (roles) => can(roles, 'audit.list') },
  subjectAccess: {
    label: 'Subject access',
    href: paths.admin.subjectAccess.getHref(),
    allows: (roles) => can(roles, 'clients.export'),
  },
  retention: {
    label: 'Retention',
    href: paths.admin.retention.getHref(),
    allows: (roles) => can(roles, 'retention.review'),
  },
  signposting: {
    label: 'Signposting',
    href: paths.admin.signposting.getHref(),
    allows: (roles) => can(roles, 'signposting.manage'),
  },
  hospitals: {
    label: 'Hospitals',
    href: paths.hospitals.getHref(),
    allows: (roles) => can(roles, 'hospitals.manage'),
    // Managers reach hospitals and wards from Schedules, where they are used; a tab of their own
    // is for those (admins) who look after the reference data without scheduling visits.
    listed: (roles) => !can(roles, 'schedules.manage'),
  },
  jobs: { label: 'Jobs', href: paths.admin.jobs.getHref(), allows: (roles) => can(roles, 'jobs.list') },
  // Last: after a manager's daily pages, and after an admin's own (their home stays Users).
  reports: {
    label: 'Reports',
    href: paths.reports.getHref(),
    allows: (roles) => can(roles, 'reports.read'),
  },
} satisfies Record<string, NavItem>;

/** Pages outside the main navigation, and who they are for. */
export const PAGE_ACCESS = {
  /** Managers, and advocates taking a referral on a ward visit. */
  newReferral: (roles: readonly Role[]) => can(roles, 'referrals.create'),
  /**
   * Whoever may read referrals; which ones is the API's to say (an advocate's own, else "not
   * found"). Not admins who do no casework: they open case content only through Subject access
   * or the audit trail, where they give a reason (break glass).
   */
  referral: (roles: readonly Role[]) =>
    can(roles, 'referrals.read') && !needsAccessReason(roles, 'referrals.read'),
  /** A ward visit: advocates their own, managers anyone's (the API says which). */
  visit: (roles: readonly Role[]) => can(roles, 'visits.list'),
  /** Everyone's own account: their password and where they are signed in. */
  account: (roles: readonly Role[]) => can(roles, 'auth.password') && can(roles, 'auth.sessions'),
};

export function navFor(roles: readonly Role[]): NavItem[] {
  return (Object.values(NAV_ITEMS) as NavItem[]).filter(
    (item) => item.allows(roles) && (item.listed ?? (() => true))(roles),
  );
}
