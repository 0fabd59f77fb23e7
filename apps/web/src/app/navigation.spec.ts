import { PAGE_ACCESS, navFor } from './navigation';

describe('page access', () => {
  it('opens a referral page to advocates, managers and admins who do casework', () => {
    expect(PAGE_ACCESS.referral(['ADVOCATE'])).toBe(true);
    expect(PAGE_ACCESS.referral(['MANAGER'])).toBe(true);
    expect(PAGE_ACCESS.referral(['ADMIN', 'MANAGER'])).toBe(true);
  });

  it('keeps admins who do no casework off case pages (they give a reason through Subject access)', () => {
    expect(PAGE_ACCESS.referral(['ADMIN'])).toBe(false);
  });

  it('gives each role its own navigation', () => {
    expect(navFor(['ADVOCATE']).map((i) => i.label)).toContain('My caseload');
    expect(navFor(['MANAGER']).map((i) => i.label)).toContain('Referrals');
    expect(navFor(['ADMIN']).map((i) => i.label)).toEqual(expect.arrayContaining(['Users', 'Audit']));
  });

  it('lists Reports for managers and admins, last, so nobody’s home page changes', () => {
    expect(navFor(['MANAGER']).at(-1)?.label).toBe('Reports');
    expect(navFor(['ADMIN']).at(-1)?.label).toBe('Reports');
    expect(navFor(['ADMIN'])[0].label).toBe('Users');
    expect(navFor(['ADVOCATE']).map((i) => i.label)).not.toContain('Reports');
  });
});
