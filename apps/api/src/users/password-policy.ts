import { passwordProblems } from '@beacon/domain';
import COMMON_PASSWORDS from './common-passwords.json';

let common: Set<string> | undefined;

/**
 * The password rule the API enforces: the length rule of libs/domain (which the SPA shows as
 * the person types) plus a check against 43,940 common passwords of that length (ASVS 5.0
 * V6.2.4; see common-passwords.md). Case-insensitive, so "Password123456" counts as common.
 */
export function passwordPolicyProblems(password: string, context: { email?: string } = {}): string[] {
  const problems = passwordProblems(password, context);
  common ??= new Set(COMMON_PASSWORDS as string[]);
  if (common.has(password.toLowerCase())) {
    problems.push(
      'is one of the most common passwords: choose something less guessable, such as a few unrelated words',
    );
  }
  return problems;
}
