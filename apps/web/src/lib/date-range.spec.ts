import { lastDays, parseRange, validateRange } from './date-range';

describe('report date ranges', () => {
  it('defaults to the last four weeks, today included', () => {
    expect(lastDays('2026-03-29', 28)).toEqual({ from: '2026-03-02', to: '2026-03-29' });
  });

  it('reads the address, falling back for what is missing or wrong', () => {
    const fallback = { from: '2026-03-01', to: '2026-03-28' };
    expect(parseRange(new URLSearchParams('from=2026-02-01&to=2026-02-30'), fallback)).toEqual({
      from: '2026-02-01',
      to: '2026-03-28',
    });
    // A range the API would refuse is not requested: the default is shown instead.
    expect(parseRange(new URLSearchParams('from=2026-01-01&to=2026-12-31'), fallback, 93)).toEqual(fallback);
    expect(parseRange(new URLSearchParams('from=2026-03-10&to=2026-03-01'), fallback, 93)).toEqual(fallback);
  });

  it('refuses an end before the start and a range longer than allowed', () => {
    expect(validateRange({ from: '2026-03-10', to: '2026-03-09' }, 93)).toEqual([
      { field: 'to', message: 'must be on or after the start' },
    ]);
    // As the API counts: the end at most 93 days after the start.
    expect(validateRange({ from: '2026-01-01', to: '2026-04-05' }, 93)).toEqual([
      { field: 'to', message: 'must be at most 93 days after the start' },
    ]);
    expect(validateRange({ from: '2026-01-01', to: '2026-04-04' }, 93)).toEqual([]);
    expect(validateRange({ from: '', to: 'x' }, 93).map((e) => e.field)).toEqual(['from', 'to']);
  });
});
