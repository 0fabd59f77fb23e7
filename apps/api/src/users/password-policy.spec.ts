import { passwordPolicyProblems } from './password-policy';

describe('passwordPolicyProblems', () => {
  it('accepts a long passphrase', () => {
    expect(passwordPolicyProblems('walnut kettle lighthouse')).toEqual([]);
  });

  it('refuses common passwords whatever their case', () => {
    for (const password of ['password1234', 'PASSWORD1234', 'qwertyuiopasdfghjkl'.slice(0, 12)]) {
      expect(passwordPolicyProblems(password).join(' ')).toMatch(/most common/);
    }
  });

  it('keeps the length and email rules of the domain', () => {
    expect(passwordPolicyProblems('short')).toEqual(['must be at least 12 characters']);
    expect(passwordPolicyProblems('robin.lee-secret-words', { email: 'robin.lee@example.org' })).toEqual([
      'must not contain the email address',
    ]);
  });
});
