import { ProblemError } from '@beacon/api-client';
import { fieldKeyFor, formProblems, isProblemType, isStaleVersion } from './problems';

const fields = {
  roles: { id: 'roles-ADVOCATE', label: 'Roles' },
  client: { id: 'client-search', label: 'The person' },
  'client.lastName': { id: 'last-name', label: 'Last name' },
  'facts.legalStatus': { id: 'legal-status', label: 'Legal status' },
};

describe('fieldKeyFor', () => {
  it('matches the most specific field first, then its parents', () => {
    expect(fieldKeyFor('client.lastName', fields)).toBe('client.lastName');
    expect(fieldKeyFor('client.phone', fields)).toBe('client');
    expect(fieldKeyFor('roles[0]', fields)).toBe('roles');
    expect(fieldKeyFor('facts.legalStatus', fields)).toBe('facts.legalStatus');
    expect(fieldKeyFor('facts.isUnpaidCarer', fields)).toBeUndefined();
    expect(fieldKeyFor('toString', fields)).toBeUndefined();
  });
});

describe('formProblems', () => {
  it('puts each field error beside its field and in the summary, once per field', () => {
    const error = new ProblemError(400, {
      errors: [
        { field: 'client.lastName', message: 'is required' },
        { field: 'client.lastName', message: 'is too long' },
        { field: 'facts.legalStatus', message: 'is needed to decide eligibility' },
        { field: 'mystery', message: 'is odd' },
      ],
    });
    const { byField, summary } = formProblems(error, fields);
    expect(byField).toEqual({
      'client.lastName': 'Last name is required',
      'facts.legalStatus': 'Legal status is needed to decide eligibility',
    });
    expect(summary).toEqual([
      { fieldId: 'last-name', text: 'Last name is required' },
      { fieldId: 'legal-status', text: 'Legal status is needed to decide eligibility' },
      { text: 'mystery is odd' },
    ]);
  });

  it('says what went wrong in one sentence when no field is named', () => {
    const error = new ProblemError(422, { detail: 'The carer has withdrawn this authorisation.' });
    expect(formProblems(error, fields).summary).toEqual([
      { text: 'The carer has withdrawn this authorisation.' },
    ]);
    expect(formProblems(null, fields)).toEqual({ byField: {}, summary: [] });
  });
});

describe('isStaleVersion', () => {
  it('tells a stale version from the other conflicts', () => {
    expect(isStaleVersion(new ProblemError(409, { type: 'urn:beacon:problem:stale-version' }))).toBe(true);
    expect(isStaleVersion(new ProblemError(409, { type: 'urn:beacon:problem:illegal-transition' }))).toBe(
      false,
    );
    expect(isStaleVersion(new ProblemError(422, { type: 'urn:beacon:problem:stale-version' }))).toBe(false);
    expect(isStaleVersion(new TypeError('offline'))).toBe(false);
  });
});

describe('isProblemType', () => {
  it('matches the API’s problem type by its slug, and nothing that is not a problem', () => {
    const error = new ProblemError(401, { type: 'urn:beacon:problem:mfa-required' });
    expect(isProblemType(error, 'mfa-required')).toBe(true);
    expect(isProblemType(error, 'mfa-invalid')).toBe(false);
    expect(isProblemType(new ProblemError(401), 'mfa-required')).toBe(false);
    expect(isProblemType(new Error('urn:beacon:problem:mfa-required'), 'mfa-required')).toBe(false);
  });
});
