import { groupSecret, recoveryCodesFile, recoveryCodesWarning } from './two-step';

describe('groupSecret', () => {
  it('shows the key in groups of four for typing by hand', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
    expect(groupSecret('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ')).toBe('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ');
  });

  it('keeps a short last group, and tidies case, spaces and padding', () => {
    expect(groupSecret('abcdefghij')).toBe('ABCD EFGH IJ');
    expect(groupSecret(' JBSW Y3DP== ')).toBe('JBSW Y3DP');
    expect(groupSecret('')).toBe('');
  });

  it('changes nothing but spacing and case: the key typed from it is the same key', () => {
    const secret = 'MFRGGZDFMZTWQ2LKNNWG23TPOBYXE43U';
    expect(groupSecret(secret).replace(/ /g, '')).toBe(secret);
  });
});

describe('recoveryCodesWarning', () => {
  it('says nothing while more than three are left', () => {
    expect(recoveryCodesWarning(10)).toBeNull();
    expect(recoveryCodesWarning(4)).toBeNull();
  });

  it('warns at three or fewer, in plain words', () => {
    expect(recoveryCodesWarning(3)).toBe(
      'You have only 3 recovery codes left. Get new ones, so that you can still sign in if you lose your phone.',
    );
    expect(recoveryCodesWarning(1)).toMatch(/^You have only 1 recovery code left\. /);
    expect(recoveryCodesWarning(0)).toMatch(/^You have no recovery codes left\. /);
  });
});

describe('recoveryCodesFile', () => {
  it('names the account and the day, explains the codes, and lists them one a line', () => {
    const codes = ['abcde-fghjk', '23456-789ab'];
    const text = recoveryCodesFile(codes, 'priya@example.org', '29 November 2026');
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('Beacon recovery codes for priya@example.org');
    expect(lines[1]).toBe('Made on 29 November 2026.');
    expect(lines.slice(-3)).toEqual(['abcde-fghjk', '23456-789ab', '']);
    expect(text).toContain('Each code works once.');
  });
});
