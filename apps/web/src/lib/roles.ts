import { ROLES, type Role } from '@beacon/domain';

export const ROLE_LABELS: Record<Role, string> = { ADVOCATE: 'Advocate', MANAGER: 'Manager', ADMIN: 'Admin' };

/** Roles in the policy table's order, as words people use. */
export function roleList(roles: readonly Role[]): string {
  return ROLES.filter((role) => roles.includes(role))
    .map((role) => ROLE_LABELS[role])
    .join(', ');
}
