import { isFiltered, parseReferralFilters, parseView, viewOf } from './filters';

describe('the Referrals page address', () => {
  it('opens the triage queue unless another view is named', () => {
    expect(parseView(null)).toBe('triage');
    expect(parseView('allocation')).toBe('allocation');
    expect(parseView('all')).toBe('all');
    expect(parseView('everything')).toBe('triage');
  });

  it('shows all referrals for an address with a search but no view (a link from global search)', () => {
    expect(viewOf(new URLSearchParams({ q: 'Marcus Bell' }))).toBe('all');
    expect(viewOf(new URLSearchParams({ q: 'Marcus Bell', view: 'allocation' }))).toBe('allocation');
    expect(viewOf(new URLSearchParams({ q: 'M' }))).toBe('triage');
    expect(viewOf(new URLSearchParams())).toBe('triage');
  });

  it('keeps only filter values the API accepts', () => {
    const params = new URLSearchParams({
      status: 'ACTIVE',
      serviceType: 'CARE_ACT',
      advocateId: '9a2ed0a0-632b-43ab-a975-abc0030c3fbd',
      localAuthority: 'RUTLAND',
      q: '  Bell ',
    });
    expect(parseReferralFilters(params)).toEqual({
      order: 'newest',
      status: ['ACTIVE'],
      serviceType: 'CARE_ACT',
      advocateId: '9a2ed0a0-632b-43ab-a975-abc0030c3fbd',
      localAuthority: 'RUTLAND',
      q: 'Bell',
    });
    const bad = new URLSearchParams({
      status: 'OPEN',
      serviceType: 'x',
      advocateId: 'me',
      localAuthority: 'YORK',
      q: 'a',
    });
    expect(parseReferralFilters(bad)).toEqual({ order: 'newest' });
    expect(isFiltered(parseReferralFilters(bad))).toBe(false);
    expect(isFiltered(parseReferralFilters(params))).toBe(true);
  });
});
