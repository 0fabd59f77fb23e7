/**
 * The setup key as people type it into an authenticator app by hand: base32 in groups of four,
 * "JBSW Y3DP EHPK 3PXP" (apps ignore the spaces).
 */
export function groupSecret(secret: string): string {
  return (
    secret
      .replace(/[\s=]/g, '')
      .toUpperCase()
      .match(/.{1,4}/g)
      ?.join(' ') ?? ''
  );
}

/** When so few recovery codes are left that it is time to get new ones. */
export const FEW_RECOVERY_CODES = 3;

/** A warning about recovery codes running out, or null while there are enough. */
export function recoveryCodesWarning(remaining: number): string | null {
  if (remaining > FEW_RECOVERY_CODES) return null;
  const left =
    remaining === 0
      ? 'You have no recovery codes left.'
      : `You have only ${remaining} recovery code${remaining === 1 ? '' : 's'} left.`;
  return `${left} Get new ones, so that you can still sign in if you lose your phone.`;
}

export const RECOVERY_CODES_FILENAME = 'beacon-recovery-codes.txt';

/** The recovery codes as a text file to keep: what they are, whose, and the codes one a line. */
export function recoveryCodesFile(codes: readonly string[], account: string, madeOn: string): string {
  return [
    `Beacon recovery codes for ${account}`,
    `Made on ${madeOn}.`,
    '',
    'If you cannot use your authenticator app, sign in with one of these codes instead.',
    'Each code works once. Getting new codes stops these ones working.',
    'Keep this file somewhere safe, such as a password manager, and not on your phone.',
    '',
    ...codes,
    '',
  ].join('\r\n');
}
