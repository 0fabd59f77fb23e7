import { listValue, type ConflictSpec } from '../../../lib/conflicts';
import { roleList } from '../../../lib/roles';
import type { User } from '../api/get-users';

/**
 * An account changed by someone else while an admin was changing it: what it is called, what it
 * may do, whether it signs in. The API says when an account last changed, not who changed it.
 */
export const USER_CONFLICT: ConflictSpec<User> = {
  noun: 'account',
  fields: [
    { label: 'Display name', value: (u) => u.displayName },
    { label: 'Roles', value: (u) => listValue([roleList(u.roles)].filter(Boolean), 'None') },
    { label: 'Status', value: (u) => (u.active ? 'Active: can sign in' : 'Deactivated: cannot sign in') },
    { label: 'Two-step verification', value: (u) => (u.mfaEnabled ? 'On' : 'Off') },
  ],
  events: (before, after) =>
    after.updatedAt !== before.updatedAt ? [{ what: 'Changed', by: null, at: after.updatedAt }] : [],
};

/** Why deactivating or reactivating no longer applies to the account as it is now, or null. */
export function statusChangeBlocked(
  latest: Pick<User, 'active'>,
  change: 'deactivate' | 'reactivate',
): string | null {
  if (change === 'deactivate' && !latest.active) return 'The account is already deactivated: nothing to do.';
  if (change === 'reactivate' && latest.active) return 'The account is already active: nothing to do.';
  return null;
}
