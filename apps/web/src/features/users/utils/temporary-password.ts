import { PASSWORD_MIN_LENGTH, TEMPORARY_PASSWORD_HOURS } from '@beacon/domain';
import { formatLongDay, formatTime } from '../../../lib/format';

/** An instant in words, on London's clocks: "2 December 2026 at 14:05". */
export function formatUntil(iso: string): string {
  return `${formatLongDay(iso)} at ${formatTime(iso)}`;
}

/**
 * An account's password as an admin sees it: one its person chose (`own`), or one an admin gave
 * that they have not replaced yet, which signs in until a time (`temporary`) or no longer does
 * (`expired`).
 */
export type PasswordStanding =
  { kind: 'own' } | { kind: 'temporary'; until: string } | { kind: 'expired'; since: string };

export function passwordStanding(
  temporaryPasswordUntil: string | null,
  now: Date = new Date(),
): PasswordStanding {
  if (temporaryPasswordUntil === null) return { kind: 'own' };
  const until = formatUntil(temporaryPasswordUntil);
  return Date.parse(temporaryPasswordUntil) > now.getTime()
    ? { kind: 'temporary', until }
    : { kind: 'expired', since: until };
}

/** The short label for lists (nothing for a password of their own). */
export function passwordBadge(standing: PasswordStanding): string | null {
  if (standing.kind === 'temporary') return 'Temporary password';
  if (standing.kind === 'expired') return 'Temporary password expired';
  return null;
}

/** The badge on the account's page, beside the sentence: as the two-step verification section's "On" and "Off". */
export function passwordStatusLabel(standing: PasswordStanding): { text: string; tone: 'ok' | 'warning' } {
  if (standing.kind === 'temporary') return { text: 'Temporary', tone: 'warning' };
  if (standing.kind === 'expired') return { text: 'Expired', tone: 'warning' };
  return { text: 'Their own', tone: 'ok' };
}

/** The sentence on the account's page. */
export function passwordStandingText(standing: PasswordStanding): string {
  switch (standing.kind) {
    case 'own':
      return 'They use a password they chose themselves. Nobody else can see it.';
    case 'temporary':
      return `Temporary password until ${standing.until}. They must choose their own password when they sign in.`;
    case 'expired':
      return `Their temporary password expired on ${standing.since}, before they signed in with it. Reset the password to give them a new one.`;
  }
}

/** What the new-user form says about the initial password. */
export const INITIAL_PASSWORD_HINT = `At least ${PASSWORD_MIN_LENGTH} characters. It is temporary: it works for ${TEMPORARY_PASSWORD_HOURS} hours, and they choose their own password when they first sign in. Give it to them in person or by phone, never by email.`;

/** The new account's page says it is made, and until when its initial password signs in. */
export function createdNotice(user: { displayName: string; temporaryPasswordUntil: string | null }): string {
  return user.temporaryPasswordUntil
    ? `Account created for ${user.displayName}. Their initial password works until ${formatUntil(user.temporaryPasswordUntil)}; they choose their own when they first sign in.`
    : `Account created for ${user.displayName}. They can now sign in with the initial password.`;
}
