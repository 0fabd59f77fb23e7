import { isProblem, ProblemError } from '@beacon/api-client';
import { passwordDraftProblems, passwordProblem } from './password-form';

describe('passwordDraftProblems', () => {
  it('needs the new password typed the same twice', () => {
    expect(passwordDraftProblems({ currentPassword: 'a', newPassword: 'x', confirmPassword: 'y' })).toEqual([
      { field: 'confirmPassword', message: 'does not match' },
    ]);
    expect(passwordDraftProblems({ currentPassword: 'a', newPassword: 'x', confirmPassword: 'x' })).toEqual(
      [],
    );
  });

  it('leaves the rest to the server', () => {
    expect(passwordDraftProblems({ currentPassword: '', newPassword: '', confirmPassword: '' })).toEqual([]);
    expect(
      passwordDraftProblems({ currentPassword: '', newPassword: 'short', confirmPassword: 'short' }),
    ).toEqual([]);
  });
});

describe('passwordProblem', () => {
  it('rewords "is not your current password", which reads oddly after its label', () => {
    const error = new ProblemError(400, {
      errors: [
        { field: 'currentPassword', message: 'is not your current password' },
        { field: 'newPassword', message: 'must be at least 12 characters' },
      ],
    });
    const shown = passwordProblem(error);
    expect(isProblem(shown, 400) && shown.fieldErrors).toEqual([
      { field: 'currentPassword', message: 'is not right' },
      { field: 'newPassword', message: 'must be at least 12 characters' },
    ]);
  });

  it('rewords it too where the password confirms a change to two-step verification', () => {
    const shown = passwordProblem(
      new ProblemError(400, { errors: [{ field: 'password', message: 'is not your current password' }] }),
    );
    expect(isProblem(shown, 400) && shown.fieldErrors).toEqual([
      { field: 'password', message: 'is not right' },
    ]);
  });

  it('passes other errors through unchanged', () => {
    const error = new ProblemError(500);
    expect(passwordProblem(error)).toBe(error);
    expect(passwordProblem(null)).toBeNull();
  });
});
