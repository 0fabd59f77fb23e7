import { isProblem } from '@beacon/api-client';
import { errorText, isProblemType } from '../../../lib/problems';
import { normaliseCode } from '../../../lib/two-step';

/** How the second step is answered: the authenticator app's code, or a single-use recovery code. */
export type SecondFactorMethod = 'code' | 'recovery-code';

/**
 * Where signing in is. An account with two-step verification on is asked for its code after a
 * right password: the email address and password are then kept here, in memory only, and sent
 * again with the code (the API checks all of them together, and holds no half-signed-in state).
 */
export type SignInStep =
  | { step: 'password' }
  | { step: 'second-factor'; email: string; password: string; method: SecondFactorMethod };

export type SignInEvent =
  /** A sign-in attempt was refused with this error, having sent these credentials. */
  | { type: 'refused'; error: unknown; email: string; password: string }
  | { type: 'switch-method' }
  | { type: 'back' };

export const START: SignInStep = { step: 'password' };

export function nextSignInStep(state: SignInStep, event: SignInEvent): SignInStep {
  switch (event.type) {
    case 'refused':
      if (isProblemType(event.error, 'mfa-required')) {
        return {
          step: 'second-factor',
          email: event.email,
          password: event.password,
          method: state.step === 'second-factor' ? state.method : 'code',
        };
      }
      // The password no longer works (changed meanwhile, the account deactivated, a temporary
      // password's time up): start again.
      if (
        state.step === 'second-factor' &&
        (isProblemType(event.error, 'invalid-credentials') ||
          isProblemType(event.error, 'temporary-password-expired'))
      )
        return START;
      return state;
    case 'switch-method':
      return state.step === 'second-factor'
        ? { ...state, method: state.method === 'code' ? 'recovery-code' : 'code' }
        : state;
    case 'back':
      return START;
  }
}

/** The body of POST /api/auth/login for the second step. */
export function secondFactorBody(
  state: Extract<SignInStep, { step: 'second-factor' }>,
  value: string,
): { email: string; password: string; code?: string; recoveryCode?: string } {
  return state.method === 'code'
    ? { email: state.email, password: state.password, code: normaliseCode(value) }
    : { email: state.email, password: state.password, recoveryCode: value.trim() };
}

/** What can be told before asking the server: nothing typed, or a code that is not 6 digits. */
export function secondFactorDraftProblem(method: SecondFactorMethod, value: string): string | null {
  if (method === 'recovery-code') return value.trim() ? null : 'Enter one of your recovery codes.';
  const code = normaliseCode(value);
  if (!code) return 'Enter the 6-digit code from your authenticator app.';
  if (!/^\d{6}$/.test(code)) return 'The code must be 6 digits, like 123456.';
  return null;
}

/**
 * Why a sign-in did not go through, and whether it is about the code field (shown beside it) or
 * the whole form. Never says which of the email address and password was wrong: that would tell
 * a stranger which addresses have accounts.
 */
export function signInProblem(error: unknown): { about: 'field' | 'form'; text: string } {
  if (isProblemType(error, 'mfa-invalid')) return { about: 'field', text: errorText(error) };
  if (
    isProblem(error, 400) &&
    error.fieldErrors.some((e) => e.field === 'code' || e.field === 'recoveryCode')
  )
    return { about: 'field', text: 'The code must be 6 digits, like 123456.' };
  // A right temporary password whose time is up: the API's words say who can give a new one.
  if (isProblemType(error, 'temporary-password-expired')) return { about: 'form', text: errorText(error) };
  if (isProblem(error, 401) && !isProblemType(error, 'mfa-required'))
    return { about: 'form', text: 'The email address or password is not right.' };
  return { about: 'form', text: errorText(error) };
}
