import { randomBytes } from 'node:crypto';
import { open, seal } from './secret-box';

describe('secret box', () => {
  const key = randomBytes(32);

  it('round-trips and never repeats a ciphertext', () => {
    const a = seal(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    const b = seal(key, 'JBSWY3DPEHPK3PXP', 'user-1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(open(key, a, 'user-1')).toBe('JBSWY3DPEHPK3PXP');
  });

  it('refuses another key, another account and any altered byte', () => {
    const sealed = seal(key, 'secret', 'user-1');
    expect(() => open(randomBytes(32), sealed, 'user-1')).toThrow();
    expect(() => open(key, sealed, 'user-2')).toThrow();
    const parts = sealed.split('.');
    const body = Buffer.from(parts[3], 'base64url');
    body[0] ^= 1;
    expect(() => open(key, [...parts.slice(0, 3), body.toString('base64url')].join('.'), 'user-1')).toThrow();
    expect(() => open(key, 'plain text', 'user-1')).toThrow('not a sealed value');
  });
});
