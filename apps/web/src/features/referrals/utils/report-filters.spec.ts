import { isFiltered, parseReferralFilters, viewOf } from './filters';

describe('drill-down filters from a report', () => {
  it('are read from the address, each only when the API would accept it', () => {
    const params = new URLSearchParams({
      view: 'all',
      receivedFrom: '2026-04-01',
      receivedTo: '2026-06-30',
      source: 'SELF',
      outcome: 'ISSUES_RESOLVED',
      issue: 'SAFEGUARDING',
      declineReason: 'OUT_OF_SCOPE',
      ageBand: 'NOT_RECORDED',
      gender: 'NON_BINARY',
      ethnicity: 'MIXED',
      disability: 'PREFER_NOT_TO_SAY',
      signpost: 'OTHER',
      status: 'ALLOCATED,ACTIVE',
    });
    expect(parseReferralFilters(params)).toEqual({
      order: 'newest',
      status: ['ALLOCATED', 'ACTIVE'],
      receivedFrom: '2026-04-01',
      receivedTo: '2026-06-30',
      source: 'SELF',
      outcome: 'ISSUES_RESOLVED',
      issue: 'SAFEGUARDING',
      declineReason: 'OUT_OF_SCOPE',
      ageBand: 'NOT_RECORDED',
      gender: 'NON_BINARY',
      ethnicity: 'MIXED',
      disability: 'PREFER_NOT_TO_SAY',
      signpost: 'OTHER',
    });
    expect(isFiltered(parseReferralFilters(new URLSearchParams({ source: 'SELF' })))).toBe(true);
    expect(viewOf(new URLSearchParams({ issue: 'LEGAL' }))).toBe('all');
  });

  it('drops what the API would refuse: unknown values, a backwards range, a half-valid status list', () => {
    const params = new URLSearchParams({
      receivedFrom: '2026-06-30',
      receivedTo: '2026-04-01',
      source: 'PIGEON',
      ageBand: 'AGE_99_PLUS',
      signpost: 'somewhere',
      status: 'ACTIVE,OPEN',
    });
    expect(parseReferralFilters(params)).toEqual({ order: 'newest' });
    expect(
      parseReferralFilters(new URLSearchParams({ signpost: '9a2ed0a0-632b-43ab-a975-abc0030c3fbd' }))
        .signpost,
    ).toBe('9a2ed0a0-632b-43ab-a975-abc0030c3fbd');
  });
});
