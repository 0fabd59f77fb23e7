import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, passwordProblems } from './password';

describe('passwordProblems', () => {
  it('accepts a long passphrase with no composition rules', () => {
    expect(passwordProblems('correct horse battery')).toEqual([]);
  });

  it('refuses one character short of the minimum and accepts the minimum', () => {
    expect(passwordProblems('a'.repeat(PASSWORD_MIN_LENGTH - 1))).toEqual([
      `must be at least ${PASSWORD_MIN_LENGTH} characters`,
    ]);
    expect(passwordProblems('a'.repeat(PASSWORD_MIN_LENGTH))).toEqual([]);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(passwordProblems('😀'.repeat(PASSWORD_MIN_LENGTH))).toEqual([]);
  });

  it('refuses one over the maximum', () => {
    expect(passwordProblems('a'.repeat(PASSWORD_MAX_LENGTH + 1))).toEqual([
      `must be at most ${PASSWORD_MAX_LENGTH} characters`,
    ]);
  });

  it('refuses a password containing the local part of the email', () => {
    expect(passwordProblems('jane.smith-2026!', { email: 'Jane.Smith@example.org' })).toEqual([
      'must not contain the email address',
    ]);
  });
});
