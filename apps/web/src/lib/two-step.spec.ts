import { reminderShown, twoStepReminderText, twoStepStanding } from './two-step';

const NOW = new Date('2026-11-29T12:00:00Z');
const manager = {
  roles: ['MANAGER' as const],
  mfaEnabled: false,
  mfaRequired: true,
  mfaEnrolBy: '2026-12-29T12:00:00.000Z' as string | null,
};

describe('twoStepStanding', () => {
  it('reminds a manager in their grace period, with the deadline as a London day', () => {
    expect(twoStepStanding(manager, NOW)).toEqual({ kind: 'reminder', by: '29 December 2026' });
    // Late on a summer evening in UTC is already the next day in London.
    expect(twoStepStanding({ ...manager, mfaEnrolBy: '2027-06-30T23:30:00.000Z' }, NOW)).toEqual({
      kind: 'reminder',
      by: '1 July 2027',
    });
  });

  it('says it is due when there is no grace, or the grace is over (to the millisecond)', () => {
    expect(twoStepStanding({ ...manager, mfaEnrolBy: null }, NOW)).toEqual({ kind: 'due' });
    expect(twoStepStanding({ ...manager, mfaEnrolBy: '2026-11-29T12:00:00.000Z' }, NOW)).toEqual({
      kind: 'due',
    });
    expect(twoStepStanding({ ...manager, mfaEnrolBy: '2026-11-29T12:00:00.001Z' }, NOW)).toEqual({
      kind: 'reminder',
      by: '29 November 2026',
    });
  });

  it('says nothing once it is on, or to roles that do not need it', () => {
    expect(twoStepStanding({ ...manager, mfaEnabled: true, mfaEnrolBy: null }, NOW)).toEqual({
      kind: 'none',
    });
    expect(
      twoStepStanding({ roles: ['ADVOCATE'], mfaEnabled: false, mfaRequired: false, mfaEnrolBy: null }, NOW),
    ).toEqual({ kind: 'none' });
    // An admin who is also an advocate needs it like any admin.
    expect(twoStepStanding({ ...manager, roles: ['ADVOCATE', 'ADMIN'], mfaEnrolBy: null }, NOW)).toEqual({
      kind: 'due',
    });
  });
});

describe('the reminder', () => {
  it('reads as one plain sentence', () => {
    expect(twoStepReminderText('29 December 2026')).toBe(
      'Two-step verification is required for your role. Set it up by 29 December 2026.',
    );
  });

  it('is put away for the page it was dismissed on only', () => {
    expect(reminderShown(null, '/referrals')).toBe(true);
    expect(reminderShown('/referrals', '/referrals')).toBe(false);
    expect(reminderShown('/referrals', '/calendar')).toBe(true);
  });
});
