import { accountRestricted, accountStanding } from './account-standing';

const NOW = new Date('2026-11-29T12:00:00Z');
const advocate = {
  roles: ['ADVOCATE' as const],
  passwordChangeRequired: false,
  mfaEnabled: false,
  mfaRequired: false,
  mfaEnrolBy: null as string | null,
};
const manager = {
  roles: ['MANAGER' as const],
  passwordChangeRequired: false,
  mfaEnabled: false,
  mfaRequired: true,
  mfaEnrolBy: '2026-12-29T12:00:00.000Z' as string | null,
};

describe('accountStanding', () => {
  it('puts choosing one’s own password before everything, two-step verification included', () => {
    expect(accountStanding({ ...advocate, passwordChangeRequired: true }, NOW)).toEqual({
      kind: 'password-change',
    });
    // A new manager: no grace for two-step verification, but the password comes first.
    expect(accountStanding({ ...manager, mfaEnrolBy: null, passwordChangeRequired: true }, NOW)).toEqual({
      kind: 'password-change',
    });
    // Nor a reminder beside it.
    expect(accountStanding({ ...manager, passwordChangeRequired: true }, NOW)).toEqual({
      kind: 'password-change',
    });
  });

  it('then two-step verification when it is due', () => {
    expect(accountStanding({ ...manager, mfaEnrolBy: null }, NOW)).toEqual({ kind: 'two-step-due' });
    expect(accountStanding({ ...manager, mfaEnrolBy: '2026-11-29T12:00:00.000Z' }, NOW)).toEqual({
      kind: 'two-step-due',
    });
  });

  it('then the reminder while there is time left, with the deadline as a London day', () => {
    expect(accountStanding(manager, NOW)).toEqual({ kind: 'two-step-reminder', by: '29 December 2026' });
  });

  it('else nothing', () => {
    expect(accountStanding(advocate, NOW)).toEqual({ kind: 'none' });
    expect(accountStanding({ ...manager, mfaEnabled: true, mfaEnrolBy: null }, NOW)).toEqual({
      kind: 'none',
    });
  });
});

describe('accountRestricted', () => {
  it('holds for the steps that stand in place of every page, not for the reminder', () => {
    expect(accountRestricted({ kind: 'password-change' })).toBe(true);
    expect(accountRestricted({ kind: 'two-step-due' })).toBe(true);
    expect(accountRestricted({ kind: 'two-step-reminder', by: '29 December 2026' })).toBe(false);
    expect(accountRestricted({ kind: 'none' })).toBe(false);
  });
});
