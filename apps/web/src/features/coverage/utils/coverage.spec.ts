import type { WardCoverage } from '../api/get-coverage';
import { coverageTotals, heldShare, sortCoverage } from './coverage';

function ward(name: string, change: Partial<WardCoverage> = {}): WardCoverage {
  return {
    wardId: name,
    wardName: name,
    hospitalName: 'Bradgate Mental Health Unit',
    scheduled: 4,
    held: 4,
    cancelled: 0,
    missed: 0,
    upcoming: 0,
    patientsSeen: 12,
    newReferrals: 2,
    ...change,
  };
}

describe('ward coverage', () => {
  it('adds up every ward', () => {
    expect(
      coverageTotals([ward('A'), ward('B', { held: 2, missed: 1, cancelled: 1, patientsSeen: 3 })]),
    ).toEqual({
      scheduled: 8,
      held: 6,
      cancelled: 1,
      missed: 1,
      upcoming: 0,
      patientsSeen: 15,
      newReferrals: 4,
    });
  });

  it('puts wards with missed visits first, keeping the API’s order otherwise', () => {
    const sorted = sortCoverage([ward('A'), ward('B', { missed: 1 }), ward('C'), ward('D', { missed: 2 })]);
    expect(sorted.map((w) => w.wardName)).toEqual(['D', 'B', 'A', 'C']);
  });

  it('gives the share of due visits that were held', () => {
    expect(heldShare({ held: 3, cancelled: 0, missed: 1 })).toBe('75%');
    expect(heldShare({ held: 0, cancelled: 0, missed: 0 })).toBe('—');
  });
});
