import { ProblemError } from '@beacon/api-client';
import { prefixFieldErrors } from './problems';

describe('prefixFieldErrors', () => {
  it('puts every field under the prefix and keeps the rest of the problem', () => {
    const error = new ProblemError(400, {
      detail: 'Some fields are not valid.',
      errors: [{ field: 'nhsNumber', message: 'is not a valid NHS number' }],
    });
    const prefixed = prefixFieldErrors(error, 'client.') as ProblemError;
    expect(prefixed).toBeInstanceOf(ProblemError);
    expect(prefixed.status).toBe(400);
    expect(prefixed.detail).toBe('Some fields are not valid.');
    expect(prefixed.fieldErrors).toEqual([
      { field: 'client.nhsNumber', message: 'is not a valid NHS number' },
    ]);
  });

  it('leaves problems without fields, and other errors, as they are', () => {
    const conflict = new ProblemError(409, { detail: 'Stale' });
    expect(prefixFieldErrors(conflict, 'client.')).toBe(conflict);
    const offline = new TypeError('offline');
    expect(prefixFieldErrors(offline, 'client.')).toBe(offline);
  });
});
