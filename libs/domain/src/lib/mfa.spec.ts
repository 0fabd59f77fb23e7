import { MFA_ENROLMENT_ACTIONS, mfaEnrolmentDue, mfaRequired } from './mfa';
import { ACTIONS } from './policy';

describe('two-step verification policy', () => {
  it('is required for managers and admins, optional for advocates', () => {
    expect(mfaRequired(['ADVOCATE'])).toBe(false);
    expect(mfaRequired(['MANAGER'])).toBe(true);
    expect(mfaRequired(['ADMIN'])).toBe(true);
    expect(mfaRequired(['ADVOCATE', 'MANAGER'])).toBe(true);
  });

  const now = new Date('2026-11-29T12:00:00Z');
  it.each([
    [['ADVOCATE'], false, null, false],
    [['MANAGER'], false, null, true],
    [['MANAGER'], true, null, false],
    [['ADMIN'], false, '2026-11-29T11:59:59Z', true],
    [['ADMIN'], false, '2026-11-29T12:00:00Z', true],
    [['ADMIN'], false, '2026-11-29T12:00:01Z', false],
    [['ADVOCATE', 'ADMIN'], false, '2026-12-29T00:00:00Z', false],
  ] as const)('roles %j, enabled %s, enrol by %s → due %s', (roles, mfaEnabled, mfaEnrolBy, due) => {
    expect(mfaEnrolmentDue({ roles, mfaEnabled, mfaEnrolBy }, now)).toBe(due);
  });

  it('leaves only seeing oneself and enrolling to an account whose enrolment is due', () => {
    expect(MFA_ENROLMENT_ACTIONS).toEqual(['auth.me', 'auth.mfa']);
    for (const action of MFA_ENROLMENT_ACTIONS) expect(ACTIONS).toContain(action);
  });
});
