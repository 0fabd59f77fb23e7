import { newRecoveryCode, normaliseRecoveryCode } from './recovery-codes';

describe('recovery codes', () => {
  it('are ten characters without look-alikes, shown in two groups', () => {
    const codes = Array.from({ length: 200 }, newRecoveryCode);
    for (const code of codes) expect(code).toMatch(/^[2-9a-hjkmnp-z]{5}-[2-9a-hjkmnp-z]{5}$/);
    expect(new Set(codes).size).toBe(200);
  });

  it('compare in one canonical form, the stored hash’s: any case, with or without spaces and the hyphen', () => {
    const code = newRecoveryCode();
    const canonical = code.replace('-', '');
    expect(normaliseRecoveryCode(code)).toBe(canonical);
    expect(normaliseRecoveryCode(` ${code.toUpperCase().replace('-', ' ')} `)).toBe(canonical);
    expect(normaliseRecoveryCode('abcde-fghi1')).toBeNull();
    expect(normaliseRecoveryCode('abcd')).toBeNull();
  });
});
