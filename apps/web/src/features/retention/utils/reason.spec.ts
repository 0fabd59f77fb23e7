import { ageOf, reasonProblem } from './reason';

describe('reasonProblem', () => {
  it('asks for a reason of 5 to 500 characters', () => {
    expect(reasonProblem('   ')).toMatch(/Say why/);
    expect(reasonProblem('abc')).toMatch(/at least 5/);
    expect(reasonProblem('x'.repeat(501))).toMatch(/at most 500/);
    expect(reasonProblem('Retention review, November 2026')).toBeNull();
  });
});

describe('ageOf', () => {
  const now = new Date('2026-11-25T12:00:00Z');
  it('says how long ago a case closed', () => {
    expect(ageOf('2018-03-01T10:00:00Z', now)).toBe('8 years ago');
    expect(ageOf('2025-11-26T10:00:00Z', now)).toBe('11 months ago');
    expect(ageOf('2025-11-25T10:00:00Z', now)).toBe('1 year ago');
  });
});
