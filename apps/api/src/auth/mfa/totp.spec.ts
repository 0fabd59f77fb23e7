import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totp } from './totp';

// RFC 6238 appendix B, SHA-1 key "12345678901234567890"; the RFC prints 8 digits, apps use the last 6.
const RFC_SECRET = base32Encode(Buffer.from('12345678901234567890'));
const RFC_VECTORS: [number, string][] = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP', () => {
  it.each(RFC_VECTORS)('matches RFC 6238 at %i seconds', (seconds, expected) => {
    const secret = base32Decode(RFC_SECRET);
    expect(hotp(secret, Math.floor(seconds / 30), 8)).toBe(expected);
    expect(totp(RFC_SECRET, new Date(seconds * 1000))).toBe(expected.slice(2));
  });

  it('matches RFC 4226 appendix D HOTP values', () => {
    const secret = Buffer.from('12345678901234567890');
    expect([0, 1, 2, 3, 9].map((counter) => hotp(secret, counter))).toEqual([
      '755224',
      '287082',
      '359152',
      '969429',
      '520489',
    ]);
  });

  it('round-trips base32 and ignores case, spaces and hyphens', () => {
    const bytes = Buffer.from([0, 1, 2, 250, 251, 252, 253, 254, 255, 17]);
    const encoded = base32Encode(bytes);
    expect(base32Decode(encoded)).toEqual(bytes);
    expect(base32Decode(encoded.toLowerCase().replace(/(.{4})/g, '$1 '))).toEqual(bytes);
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(() => base32Decode('ABC1')).toThrow('not base32');
  });

  it('makes 160-bit secrets', () => {
    const secret = newTotpSecret();
    expect(base32Decode(secret)).toHaveLength(20);
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(newTotpSecret()).not.toBe(secret);
  });

  it('accepts the code of the current step and one step either side, and nothing else', () => {
    const at = new Date(1_800_000_000_000);
    const secret = newTotpSecret();
    const step = Math.floor(at.getTime() / 30_000);
    expect(matchTotp(secret, totp(secret, at), at)).toBe(step);
    expect(matchTotp(secret, totp(secret, new Date(at.getTime() - 30_000)), at)).toBe(step - 1);
    expect(matchTotp(secret, totp(secret, new Date(at.getTime() + 30_000)), at)).toBe(step + 1);
    expect(matchTotp(secret, totp(secret, new Date(at.getTime() - 60_000)), at)).toBeNull();
    expect(matchTotp(secret, totp(secret, new Date(at.getTime() + 60_000)), at)).toBeNull();
    expect(matchTotp(secret, '12345', at)).toBeNull();
    expect(matchTotp(secret, 'abcdef', at)).toBeNull();
  });

  it('writes the otpauth URI authenticator apps read', () => {
    expect(otpauthUri('JBSWY3DPEHPK3PXP', 'a.person@example.org', 'Beacon')).toBe(
      'otpauth://totp/Beacon:a.person%40example.org?secret=JBSWY3DPEHPK3PXP&issuer=Beacon&algorithm=SHA1&digits=6&period=30',
    );
  });
});
