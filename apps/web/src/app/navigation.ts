import { can, type Role } from '@beacon/domain';
import { paths } from '../config/paths';

export interface NavItem {
  label: string;
  href: string;
  /** Whether this page is for someone holding these roles. */
  allows: (roles: readonly Role[]) => boolean;
}

/**
 * The pages of the main navigation, in the order a multi-role person sees them. Admin pages follow
 * the policy table; caseload and referrals are role pages until their policy actions arrive with
 * the referrals feature.
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
    allows: (roles) => roles.includes('MANAGER'),
  },
  users: { label: 'Users', href: paths.admin.users.getHref(), allows: (roles) => can(roles, 'users.list') },
  audit: { label: 'Audit', href: paths.admin.audit.getHref(), allows: (roles) => can(roles, 'audit.list') },
} satisfies Record<string, NavItem>;

export function navFor(roles: readonly Role[]): NavItem[] {
  return Object.values(NAV_ITEMS).filter((item) => item.allows(roles));
}
