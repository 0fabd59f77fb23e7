import type { SessionUser } from './session';
import { twoStepStanding } from './two-step';

/**
 * What the signed-in shell must show before (or beside) the page asked for, most pressing first:
 * - `password-change`: the password is one an admin gave (a new account, a reset): choosing their
 *   own is the only page, as the API refuses everything else until then;
 * - `two-step-due`: their role needs two-step verification and their time is up: setting it up is
 *   the only page (it applies only once the password is their own);
 * - `two-step-reminder`: it is needed, with time left until `by` (a London day);
 * - `none`: the app as usual.
 */
export type AccountStanding =
  | { kind: 'password-change' }
  | { kind: 'two-step-due' }
  | { kind: 'two-step-reminder'; by: string }
  | { kind: 'none' };

export function accountStanding(
  user: Pick<SessionUser, 'roles' | 'passwordChangeRequired' | 'mfaEnabled' | 'mfaRequired' | 'mfaEnrolBy'>,
  now: Date = new Date(),
): AccountStanding {
  if (user.passwordChangeRequired) return { kind: 'password-change' };
  const twoStep = twoStepStanding(user, now);
  if (twoStep.kind === 'due') return { kind: 'two-step-due' };
  if (twoStep.kind === 'reminder') return { kind: 'two-step-reminder', by: twoStep.by };
  return { kind: 'none' };
}

/** Whether one step stands in place of every page: no navigation, no search, no account page. */
export function accountRestricted(standing: AccountStanding): boolean {
  return standing.kind === 'password-change' || standing.kind === 'two-step-due';
}
