/** Password length rule (ASVS 5.0 V6.2): long passphrases allowed, no composition rules. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 128;

/** Problems with a proposed password, as sentences for the person choosing it; empty when it is acceptable. */
export function passwordProblems(password: string, context: { email?: string } = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  const email = context.email?.trim().toLowerCase();
  if (email && password.toLowerCase().includes(email.split('@')[0]) && email.split('@')[0].length >= 4) {
    problems.push('must not contain the email address');
  }
  return problems;
}

/** How long a password an admin gave (new account, reset) signs in before it must have been changed. */
export const TEMPORARY_PASSWORD_HOURS = 72;

/** What an account still holding an admin-given password may do: see who it is and change it. */
export const PASSWORD_CHANGE_ACTIONS = ['auth.me', 'auth.password'] as const;
