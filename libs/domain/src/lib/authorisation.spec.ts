import { authorisationState, needsThirdPartyAuthorisation } from './authorisation';

describe('authorisationState', () => {
  const base = { givenOn: '2026-03-01', expiresOn: '2026-06-30', withdrawn: false };

  it.each([
    ['before it was given', '2026-02-28', 'NOT_YET_GIVEN'],
    ['on the day it was given', '2026-03-01', 'VALID'],
    ['in force', '2026-05-01', 'VALID'],
    ['on its expiry day', '2026-06-30', 'VALID'],
    ['the day after expiry', '2026-07-01', 'EXPIRED'],
  ])('%s', (_label, today, expected) => {
    expect(authorisationState(base, today)).toBe(expected);
  });

  it('never expires without an expiry date', () => {
    expect(authorisationState({ ...base, expiresOn: null }, '2040-01-01')).toBe('VALID');
  });

  it('is withdrawn whatever the dates say', () => {
    expect(authorisationState({ ...base, withdrawn: true }, '2026-05-01')).toBe('WITHDRAWN');
    expect(authorisationState({ ...base, withdrawn: true }, '2027-01-01')).toBe('WITHDRAWN');
  });
});

describe('needsThirdPartyAuthorisation', () => {
  it('is needed for carers referrals from anyone but the carer', () => {
    expect(needsThirdPartyAuthorisation('CARERS', 'SELF')).toBe(false);
    for (const source of [
      'NEAREST_RELATIVE',
      'CARE_STAFF',
      'OTHER_CONCERNED',
      'PROFESSIONAL',
      'WARD_VISIT',
    ]) {
      expect(needsThirdPartyAuthorisation('CARERS', source)).toBe(true);
    }
  });

  it('is never needed for the other services', () => {
    for (const service of ['IMHA', 'CARE_ACT', 'COMMUNITY']) {
      expect(needsThirdPartyAuthorisation(service, 'PROFESSIONAL')).toBe(false);
    }
  });
});
