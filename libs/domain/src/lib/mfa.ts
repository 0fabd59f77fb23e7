import type { Action } from './policy';
import type { Role } from './roles';

/**
 * Two-step verification (TOTP). Managers and admins see every case, so their accounts must have
 * it; advocates may turn it on. An account that needs it and has not enrolled by its deadline can
 * do nothing but enrol (and see who it is, and sign out).
 */
export const MFA_REQUIRED_ROLES: readonly Role[] = ['MANAGER', 'ADMIN'];

export function mfaRequired(roles: readonly Role[]): boolean {
  return roles.some((role) => MFA_REQUIRED_ROLES.includes(role));
}

/** What an account whose enrolment is due may still do. */
export const MFA_ENROLMENT_ACTIONS: readonly Action[] = ['auth.me', 'auth.mfa'];

export interface MfaState {
  roles: readonly Role[];
  mfaEnabled: boolean;
  /** Until when the account may work without it; null means no grace. */
  mfaEnrolBy: Date | string | null;
}

/** True when the account needs two-step verification, has not set it up, and its grace (if any) is over. */
export function mfaEnrolmentDue(state: MfaState, now: Date = new Date()): boolean {
  if (!mfaRequired(state.roles) || state.mfaEnabled) return false;
  return state.mfaEnrolBy === null || new Date(state.mfaEnrolBy).getTime() <= now.getTime();
}
