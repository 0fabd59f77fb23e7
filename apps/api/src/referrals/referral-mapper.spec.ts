import type { ReferralEntity } from './entities/referral.entity';
import { daysWaiting } from './referral-mapper';

const referral = (overrides: Partial<ReferralEntity>) =>
  ({
    receivedAt: new Date('2026-03-02T09:00:00Z'),
    firstContactAt: null,
    closedAt: null,
    ...overrides,
  }) as ReferralEntity;

describe('daysWaiting', () => {
  it('counts calendar days in England from receipt to today while nobody has made contact', () => {
    expect(daysWaiting(referral({}), new Date('2026-03-05T08:00:00Z'))).toBe(3);
  });

  it('stops at first contact', () => {
    const r = referral({ firstContactAt: new Date('2026-03-04T15:00:00Z') });
    expect(daysWaiting(r, new Date('2026-04-30T12:00:00Z'))).toBe(2);
  });

  it('stops when the referral ended without contact (declined or closed)', () => {
    const r = referral({ closedAt: new Date('2026-03-03T10:00:00Z') });
    expect(daysWaiting(r, new Date('2026-04-30T12:00:00Z'))).toBe(1);
  });

  it('uses the London date, not UTC (23:30 UTC on 31 March is already 1 April in BST)', () => {
    const r = referral({ receivedAt: new Date('2026-03-31T23:30:00Z') });
    expect(daysWaiting(r, new Date('2026-04-01T08:00:00Z'))).toBe(0);
  });
});
