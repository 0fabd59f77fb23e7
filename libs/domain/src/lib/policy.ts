import type { Role } from './roles';

/**
 * Who may do what: the one policy table. The API enforces it on every route (a route
 * without an entry here does not start), the SPA reads it only to hide controls the
 * API would refuse. Ownership (an advocate reaching only their own cases) is checked
 * in the queries on top of this table.
 */
export const POLICY = {
  'auth.me': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'auth.password': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'auth.sessions': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'auth.mfa': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'users.mfaReset': ['ADMIN'],
  'users.resetPassword': ['ADMIN'],
  'users.sessions': ['ADMIN'],
  'users.list': ['ADMIN'],
  'users.read': ['ADMIN'],
  'users.create': ['ADMIN'],
  'users.update': ['ADMIN'],
  'users.deactivate': ['ADMIN'],
  'users.reactivate': ['ADMIN'],
  'audit.list': ['ADMIN'],
  'audit.verify': ['ADMIN'],
  'audit.export': ['ADMIN'],
  'eligibility.check': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  // Case records: advocates reach only their own (allocated or created by them), checked in the queries.
  'clients.create': ['ADVOCATE', 'MANAGER'],
  'clients.list': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'clients.read': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'clients.update': ['ADVOCATE', 'MANAGER'],
  'clients.export': ['ADMIN'],
  'retention.review': ['ADMIN'],
  'retention.anonymise': ['ADMIN'],
  'referrals.create': ['ADVOCATE', 'MANAGER'],
  'referrals.list': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'referrals.counts': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'referrals.read': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'referrals.triage': ['MANAGER'],
  'referrals.allocate': ['MANAGER'],
  'referrals.firstContact': ['ADVOCATE', 'MANAGER'],
  'referrals.close': ['ADVOCATE', 'MANAGER'],
  'authorisations.create': ['ADVOCATE', 'MANAGER'],
  'authorisations.list': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'authorisations.withdraw': ['ADVOCATE', 'MANAGER'],
  'advocates.list': ['MANAGER'],
  'signposting.list': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'signposting.manage': ['ADMIN'],
  'hospitals.list': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'hospitals.manage': ['MANAGER', 'ADMIN'],
  'schedules.list': ['ADVOCATE', 'MANAGER'],
  'schedules.manage': ['MANAGER'],
  // Visits: advocates reach their own, managers every advocate's (checked in the queries).
  'visits.list': ['ADVOCATE', 'MANAGER'],
  'visits.log': ['ADVOCATE', 'MANAGER'],
  'visits.reschedule': ['ADVOCATE', 'MANAGER'],
  'visits.coverage': ['MANAGER'],
  'calendar.read': ['ADVOCATE', 'MANAGER'],
  'calendar.feed': ['ADVOCATE', 'MANAGER'],
  // Casework on a referral follows the referral's ownership.
  'meetings.create': ['ADVOCATE', 'MANAGER'],
  'meetings.list': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'notes.create': ['ADVOCATE', 'MANAGER'],
  'notes.list': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'notes.amend': ['ADVOCATE', 'MANAGER'],
  'recordsAccess.create': ['ADVOCATE', 'MANAGER'],
  'recordsAccess.list': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'timeline.read': ['ADVOCATE', 'MANAGER', 'ADMIN'],
  'time.read': ['ADVOCATE', 'MANAGER'],
  // Reminders are an advocate's own (visits today, meetings tomorrow, cases without contact).
  'reminders.list': ['ADVOCATE'],
  'reminders.dismiss': ['ADVOCATE'],
  // Background jobs: their status, and running one now.
  'jobs.list': ['ADMIN'],
  'jobs.run': ['ADMIN'],
  // Reports: figures in aggregate, no case content (no break glass for admins).
  'reports.read': ['MANAGER', 'ADMIN'],
  'reports.export': ['MANAGER', 'ADMIN'],
  'reports.targets': ['MANAGER', 'ADMIN'],
  'reports.targetsManage': ['ADMIN'],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof POLICY;

/**
 * Reads of case content. An admin who is not also a manager or an advocate does no casework,
 * so opening case content is "break glass": the request must give a reason (the
 * `X-Access-Reason` header), which the audit trail keeps with the read.
 */
export const CASE_CONTENT_READS = [
  'clients.list',
  'clients.read',
  'clients.export',
  'referrals.list',
  'referrals.read',
  'authorisations.list',
  'meetings.list',
  'notes.list',
  'recordsAccess.list',
  'timeline.read',
] as const satisfies readonly Action[];

/** Whether `roles` must give a reason to take `action` (ADMIN without a casework role). */
export function needsAccessReason(roles: readonly Role[], action: Action): boolean {
  return (
    roles.includes('ADMIN') &&
    !roles.includes('MANAGER') &&
    !roles.includes('ADVOCATE') &&
    (CASE_CONTENT_READS as readonly Action[]).includes(action)
  );
}

export const ACTIONS = Object.keys(POLICY) as Action[];

export function isAction(value: unknown): value is Action {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(POLICY, value);
}

/** True when any of the user's roles is allowed to take the action. */
export function can(roles: readonly Role[], action: Action): boolean {
  const allowed: readonly Role[] = POLICY[action];
  return roles.some((role) => allowed.includes(role));
}
