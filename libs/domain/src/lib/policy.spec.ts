import { ACTIONS, POLICY, can, isAction, needsAccessReason } from './policy';
import { ROLES, isRole } from './roles';

describe('policy table', () => {
  it('gives every action at least one known role', () => {
    for (const action of ACTIONS) {
      expect(POLICY[action].length).toBeGreaterThan(0);
      for (const role of POLICY[action]) expect(isRole(role)).toBe(true);
    }
  });

  it('keeps user administration and the audit trail to admins', () => {
    for (const action of [
      'users.list',
      'users.create',
      'users.update',
      'users.deactivate',
      'audit.list',
      'audit.verify',
    ] as const) {
      expect(can(['ADMIN'], action)).toBe(true);
      expect(can(['MANAGER'], action)).toBe(false);
      expect(can(['ADVOCATE'], action)).toBe(false);
    }
  });

  it('lets any signed-in role read its own profile', () => {
    for (const role of ROLES) expect(can([role], 'auth.me')).toBe(true);
  });

  it('grants an action when any one of several roles allows it', () => {
    expect(can(['ADVOCATE', 'ADMIN'], 'users.list')).toBe(true);
    expect(can([], 'auth.me')).toBe(false);
  });

  it('recognises only actions in the table', () => {
    expect(isAction('users.list')).toBe(true);
    expect(isAction('users.drop')).toBe(false);
    expect(isAction('toString')).toBe(false);
  });
});

describe('needsAccessReason (break glass)', () => {
  it('asks an admin without a casework role for a reason to read case content', () => {
    expect(needsAccessReason(['ADMIN'], 'referrals.read')).toBe(true);
    expect(needsAccessReason(['ADMIN'], 'notes.list')).toBe(true);
    expect(needsAccessReason(['ADMIN'], 'clients.export')).toBe(true);
  });

  it('never asks managers, advocates or admins who also do casework, nor for non-case reads', () => {
    expect(needsAccessReason(['MANAGER'], 'referrals.read')).toBe(false);
    expect(needsAccessReason(['ADVOCATE'], 'notes.list')).toBe(false);
    expect(needsAccessReason(['ADMIN', 'MANAGER'], 'referrals.read')).toBe(false);
    expect(needsAccessReason(['ADMIN'], 'audit.list')).toBe(false);
    expect(needsAccessReason(['ADMIN'], 'referrals.counts')).toBe(false);
  });
});
