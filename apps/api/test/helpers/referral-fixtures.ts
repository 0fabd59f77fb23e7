/** Request bodies for referral tests: valid by default, each test changes what it is about. */
let n = 0;

export function newClient(overrides: Record<string, unknown> = {}) {
  n += 1;
  return {
    firstName: 'Alex',
    lastName: `Testperson${n}${Math.random().toString(36).slice(2, 6)}`,
    dateOfBirth: '1980-05-17',
    localAuthority: 'LEICESTER',
    ...overrides,
  };
}

export function imhaReferral(overrides: Record<string, unknown> = {}) {
  return {
    serviceType: 'IMHA',
    facts: { legalStatus: 'S3' },
    client: newClient(),
    source: 'CARE_STAFF',
    referrer: { name: 'Chris Ward', relationship: 'Ward nurse', organisation: 'Bradgate Unit' },
    issues: ['TREATMENT', 'APPEAL_TRIBUNAL'],
    summary: 'Wants help to appeal against detention.',
    ...overrides,
  };
}

export function communityReferral(overrides: Record<string, unknown> = {}) {
  return {
    serviceType: 'COMMUNITY',
    facts: {},
    client: newClient(),
    source: 'SELF',
    issues: ['CARE_PLANNING'],
    ...overrides,
  };
}
