import { randomInt } from 'node:crypto';

/**
 * Recovery codes: ten single-use codes of ten characters from an alphabet without look-alikes
 * (no 0/o, 1/l/i), about 49 bits each, shown once and stored as argon2id hashes. Typed with or
 * without the hyphen, in either case.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** Random groups of characters without look-alikes, hyphenated: easy to read out and type. */
export function readableCode(groups: number, length: number): string {
  return Array.from({ length: groups }, () =>
    Array.from({ length }, () => ALPHABET[randomInt(ALPHABET.length)]).join(''),
  ).join('-');
}

export function newRecoveryCode(): string {
  return readableCode(2, 5);
}

/** The canonical form that is hashed and compared, or null when it cannot be a recovery code. */
export function normaliseRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, '');
  if (clean.length !== 10 || [...clean].some((char) => !ALPHABET.includes(char))) return null;
  return clean;
}
