import { changedFields, summariseConflict } from '../../../lib/conflicts';
import type { User } from '../api/get-users';
import { USER_CONFLICT, statusChangeBlocked } from './conflict';

const user = (change: Partial<User>): User => ({
  id: 'u1',
  email: 'sam@example.org',
  displayName: 'Sam Taylor',
  roles: ['ADVOCATE'],
  active: true,
  mfaEnabled: false,
  temporaryPasswordUntil: null,
  version: 1,
  createdAt: '2026-01-01T09:00:00Z',
  updatedAt: '2026-01-01T09:00:00Z',
  ...change,
});

describe('an account changed by someone else', () => {
  it('shows the name, roles and status that changed, and when', () => {
    const before = user({});
    const after = user({
      version: 2,
      displayName: 'Sam Taylor-Reid',
      roles: ['MANAGER', 'ADVOCATE'],
      updatedAt: '2026-03-01T10:00:00Z',
    });
    expect(changedFields(before, after, USER_CONFLICT.fields)).toEqual([
      { label: 'Display name', before: 'Sam Taylor', after: 'Sam Taylor-Reid' },
      { label: 'Roles', before: 'Advocate', after: 'Advocate, Manager' },
    ]);
    expect(summariseConflict(USER_CONFLICT, before, after).events).toEqual([
      { what: 'Changed', by: null, at: '2026-03-01T10:00:00Z' },
    ]);
  });

  it('has nothing to apply when the account is already as the change would make it', () => {
    expect(statusChangeBlocked({ active: false }, 'deactivate')).toMatch(/already deactivated/);
    expect(statusChangeBlocked({ active: true }, 'deactivate')).toBeNull();
    expect(statusChangeBlocked({ active: true }, 'reactivate')).toMatch(/already active/);
    expect(statusChangeBlocked({ active: false }, 'reactivate')).toBeNull();
  });
});
