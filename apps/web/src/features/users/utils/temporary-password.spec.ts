import {
  createdNotice,
  formatUntil,
  INITIAL_PASSWORD_HINT,
  passwordBadge,
  passwordStanding,
  passwordStatusLabel,
  passwordStandingText,
} from './temporary-password';

const NOW = new Date('2026-11-29T14:05:00Z');

describe('formatUntil', () => {
  it('says the instant in words on London’s clocks', () => {
    expect(formatUntil('2026-12-02T14:05:00.000Z')).toBe('2 December 2026 at 14:05');
    // British Summer Time: an hour ahead of UTC, and past midnight already the next day.
    expect(formatUntil('2027-06-30T23:30:00.000Z')).toBe('1 July 2027 at 00:30');
  });
});

describe('passwordStanding', () => {
  it('is their own password when no admin-given one is outstanding', () => {
    const standing = passwordStanding(null, NOW);
    expect(standing).toEqual({ kind: 'own' });
    expect(passwordBadge(standing)).toBeNull();
    expect(passwordStatusLabel(standing)).toEqual({ text: 'Their own', tone: 'ok' });
    expect(passwordStandingText(standing)).toBe(
      'They use a password they chose themselves. Nobody else can see it.',
    );
  });

  it('is temporary until its time, to the millisecond', () => {
    const standing = passwordStanding('2026-12-02T14:05:00.000Z', NOW);
    expect(standing).toEqual({ kind: 'temporary', until: '2 December 2026 at 14:05' });
    expect(passwordBadge(standing)).toBe('Temporary password');
    expect(passwordStatusLabel(standing)).toEqual({ text: 'Temporary', tone: 'warning' });
    expect(passwordStandingText(standing)).toBe(
      'Temporary password until 2 December 2026 at 14:05. They must choose their own password when they sign in.',
    );
    expect(passwordStanding('2026-11-29T14:05:00.001Z', NOW).kind).toBe('temporary');
  });

  it('has expired once its time is up', () => {
    const standing = passwordStanding('2026-11-29T14:05:00.000Z', NOW);
    expect(standing).toEqual({ kind: 'expired', since: '29 November 2026 at 14:05' });
    expect(passwordBadge(standing)).toBe('Temporary password expired');
    expect(passwordStatusLabel(standing)).toEqual({ text: 'Expired', tone: 'warning' });
    expect(passwordStandingText(standing)).toContain('Reset the password to give them a new one.');
  });
});

describe('the initial password’s hint', () => {
  it('says it is temporary, for how long, and how to pass it on', () => {
    expect(INITIAL_PASSWORD_HINT).toBe(
      'At least 12 characters. It is temporary: it works for 72 hours, and they choose their own password when they first sign in. Give it to them in person or by phone, never by email.',
    );
  });
});

describe('createdNotice', () => {
  it('says until when the initial password works', () => {
    expect(
      createdNotice({ displayName: 'Casey Example', temporaryPasswordUntil: '2026-12-02T14:05:00.000Z' }),
    ).toBe(
      'Account created for Casey Example. Their initial password works until 2 December 2026 at 14:05; they choose their own when they first sign in.',
    );
    expect(createdNotice({ displayName: 'Casey Example', temporaryPasswordUntil: null })).toBe(
      'Account created for Casey Example. They can now sign in with the initial password.',
    );
  });
});
