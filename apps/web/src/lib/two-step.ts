import { mfaEnrolmentDue } from '@beacon/domain';
import { formatLongDay } from './format';
import type { SessionUser } from './session';

/** Where the account page's two-step verification section is, for links to it. */
export const TWO_STEP_SECTION_ID = 'two-step-verification';

/**
 * Where the signed-in person stands with two-step verification, for the app's shell:
 * - `due`: their role needs it and they have not set it up, with no time left: they may do
 *   nothing else (the API refuses everything but setting it up), so the app shows only that;
 * - `reminder`: it is needed and not set up yet, with time left until `by` (a London day, e.g.
 *   "29 December 2026");
 * - `none`: nothing to say (not needed, or already on).
 */
export type TwoStepStanding = { kind: 'none' } | { kind: 'due' } | { kind: 'reminder'; by: string };

export function twoStepStanding(
  user: Pick<SessionUser, 'roles' | 'mfaEnabled' | 'mfaRequired' | 'mfaEnrolBy'>,
  now: Date = new Date(),
): TwoStepStanding {
  if (mfaEnrolmentDue(user, now)) return { kind: 'due' };
  if (user.mfaRequired && !user.mfaEnabled && user.mfaEnrolBy) {
    return { kind: 'reminder', by: formatLongDay(user.mfaEnrolBy) };
  }
  return { kind: 'none' };
}

/** The reminder's sentence. */
export function twoStepReminderText(by: string): string {
  return `Two-step verification is required for your role. Set it up by ${by}.`;
}

/**
 * The reminder may be put away, for the page it was put away on only: it comes back on the next
 * page, as a deadline should.
 */
export function reminderShown(dismissedOn: string | null, pathname: string): boolean {
  return dismissedOn !== pathname;
}

/** A code as people type it, as the API wants it: "123 456" and "123-456" are "123456". */
export function normaliseCode(input: string): string {
  return input.replace(/[\s-]/g, '');
}
