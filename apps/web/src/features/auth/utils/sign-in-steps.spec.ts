import { ProblemError } from '@beacon/api-client';
import {
  START,
  nextSignInStep,
  secondFactorBody,
  secondFactorDraftProblem,
  signInProblem,
  type SignInStep,
} from './sign-in-steps';
import { normaliseCode } from '../../../lib/two-step';

const problem = (status: number, slug: string, detail?: string) =>
  new ProblemError(status, { type: `urn:beacon:problem:${slug}`, detail });
const MFA_REQUIRED = problem(401, 'mfa-required', 'Enter the 6-digit code from your authenticator app.');
const WRONG_CODE = problem(
  401,
  'mfa-invalid',
  'That code is not right. Use the newest code your authenticator app shows, or a recovery code.',
);
const WRONG_PASSWORD = problem(401, 'invalid-credentials', 'The email address or password is not right.');
const EXPIRED = problem(
  401,
  'temporary-password-expired',
  'This temporary password has expired. Ask an admin in your team for a new one.',
);
const CREDENTIALS = { email: 'priya@example.org', password: 'Beacon-demo-2026' };
const CODE_STEP: SignInStep = { step: 'second-factor', ...CREDENTIALS, method: 'code' };

describe('nextSignInStep', () => {
  it('asks for the code after a right password, keeping the credentials to send with it', () => {
    expect(nextSignInStep(START, { type: 'refused', error: MFA_REQUIRED, ...CREDENTIALS })).toEqual(
      CODE_STEP,
    );
  });

  it('stays on the password step for a wrong password, throttling or a network failure', () => {
    for (const error of [WRONG_PASSWORD, problem(429, 'too-many-sign-in-attempts'), new TypeError('fetch')]) {
      expect(nextSignInStep(START, { type: 'refused', error, ...CREDENTIALS })).toBe(START);
    }
  });

  it('stays on the code step for a wrong code, and keeps a recovery code chosen', () => {
    expect(nextSignInStep(CODE_STEP, { type: 'refused', error: WRONG_CODE, ...CREDENTIALS })).toBe(CODE_STEP);
    const recovery: SignInStep = { ...CODE_STEP, method: 'recovery-code' };
    expect(nextSignInStep(recovery, { type: 'refused', error: MFA_REQUIRED, ...CREDENTIALS })).toEqual(
      recovery,
    );
  });

  it('starts again, forgetting the password, when the password stopped working meanwhile', () => {
    expect(nextSignInStep(CODE_STEP, { type: 'refused', error: WRONG_PASSWORD, ...CREDENTIALS })).toEqual({
      step: 'password',
    });
  });

  it('stays on the password step for an expired temporary password, and starts again from the code step', () => {
    expect(nextSignInStep(START, { type: 'refused', error: EXPIRED, ...CREDENTIALS })).toBe(START);
    expect(nextSignInStep(CODE_STEP, { type: 'refused', error: EXPIRED, ...CREDENTIALS })).toEqual({
      step: 'password',
    });
  });

  it('switches between the app’s code and a recovery code, and goes back to the start', () => {
    const recovery = nextSignInStep(CODE_STEP, { type: 'switch-method' });
    expect(recovery).toEqual({ ...CODE_STEP, method: 'recovery-code' });
    expect(nextSignInStep(recovery, { type: 'switch-method' })).toEqual(CODE_STEP);
    expect(nextSignInStep(recovery, { type: 'back' })).toEqual({ step: 'password' });
    expect(nextSignInStep(START, { type: 'switch-method' })).toBe(START);
  });
});

describe('the second step’s request', () => {
  it('sends the code without the spaces or dash people type, or the recovery code trimmed', () => {
    expect(normaliseCode(' 123 456 ')).toBe('123456');
    expect(normaliseCode('123-456')).toBe('123456');
    expect(secondFactorBody(CODE_STEP, '123 456')).toEqual({ ...CREDENTIALS, code: '123456' });
    expect(secondFactorBody({ ...CODE_STEP, method: 'recovery-code' }, ' abcde-fghjk ')).toEqual({
      ...CREDENTIALS,
      recoveryCode: 'abcde-fghjk',
    });
  });

  it('checks what it can before sending', () => {
    expect(secondFactorDraftProblem('code', '  ')).toBe(
      'Enter the 6-digit code from your authenticator app.',
    );
    expect(secondFactorDraftProblem('code', '12345')).toBe('The code must be 6 digits, like 123456.');
    expect(secondFactorDraftProblem('code', '12345a')).toBe('The code must be 6 digits, like 123456.');
    expect(secondFactorDraftProblem('code', '123 456')).toBeNull();
    expect(secondFactorDraftProblem('recovery-code', ' ')).toBe('Enter one of your recovery codes.');
    expect(secondFactorDraftProblem('recovery-code', 'abcde-fghjk')).toBeNull();
  });
});

describe('signInProblem', () => {
  it('puts a wrong code beside the field, in the API’s words', () => {
    expect(signInProblem(WRONG_CODE)).toEqual({
      about: 'field',
      text: 'That code is not right. Use the newest code your authenticator app shows, or a recovery code.',
    });
    expect(
      signInProblem(
        new ProblemError(400, {
          errors: [{ field: 'code', message: 'must be the 6 digits your authenticator app shows' }],
        }),
      ).about,
    ).toBe('field');
  });

  it('never says which of the email address and password was wrong', () => {
    expect(signInProblem(WRONG_PASSWORD)).toEqual({
      about: 'form',
      text: 'The email address or password is not right.',
    });
    expect(signInProblem(problem(401, 'unauthenticated')).text).toBe(
      'The email address or password is not right.',
    );
  });

  it('says a right temporary password has expired, in the API’s words, not that it is wrong', () => {
    expect(signInProblem(EXPIRED)).toEqual({
      about: 'form',
      text: 'This temporary password has expired. Ask an admin in your team for a new one.',
    });
  });

  it('passes on throttling in the API’s words, and says when the server cannot be reached', () => {
    expect(
      signInProblem(problem(429, 'too-many-sign-in-attempts', 'Too many attempts. Try again in 15 minutes.')),
    ).toEqual({
      about: 'form',
      text: 'Too many attempts. Try again in 15 minutes.',
    });
    expect(signInProblem(new TypeError('Failed to fetch')).text).toBe(
      'Beacon could not reach the server. Check the connection and try again.',
    );
  });
});
