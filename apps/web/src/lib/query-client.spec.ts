import { ProblemError } from '@beacon/api-client';
import { createQueryClient, requiredAccountStep } from './query-client';

const problem = (status: number, slug: string) =>
  new ProblemError(status, { type: `urn:beacon:problem:${slug}`, detail: 'Refused.' });

describe('requiredAccountStep', () => {
  it('names the step a 403 says comes first', () => {
    expect(requiredAccountStep(problem(403, 'password-change-required'))).toBe('password-change');
    expect(requiredAccountStep(problem(403, 'mfa-enrolment-required'))).toBe('mfa-enrolment');
  });

  it('ignores anything else', () => {
    expect(requiredAccountStep(problem(403, 'forbidden'))).toBeNull();
    expect(requiredAccountStep(problem(401, 'password-change-required'))).toBeNull();
    expect(requiredAccountStep(new TypeError('fetch'))).toBeNull();
    expect(requiredAccountStep(null)).toBeNull();
  });
});

describe('createQueryClient', () => {
  it('asks for the account to be reloaded when any query or mutation is refused for a step', async () => {
    const onPasswordChangeRequired = jest.fn();
    const onEnrolmentRequired = jest.fn();
    const client = createQueryClient({ onPasswordChangeRequired, onEnrolmentRequired });

    await expect(
      client.fetchQuery({
        queryKey: ['anything'],
        queryFn: () => Promise.reject(problem(403, 'password-change-required')),
      }),
    ).rejects.toBeInstanceOf(ProblemError);
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    expect(onEnrolmentRequired).not.toHaveBeenCalled();

    const mutation = client.getMutationCache().build(client, {
      mutationFn: () => Promise.reject(problem(403, 'mfa-enrolment-required')),
    });
    await expect(mutation.execute(undefined)).rejects.toBeInstanceOf(ProblemError);
    expect(onEnrolmentRequired).toHaveBeenCalledTimes(1);
    expect(onPasswordChangeRequired).toHaveBeenCalledTimes(1);
    client.clear();
  });
});
