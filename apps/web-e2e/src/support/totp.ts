import { createHmac } from 'node:crypto';

/**
 * RFC 6238 time-based one-time passwords, as an authenticator app makes them (HMAC-SHA1, 30-second
 * steps, 6 digits), so a test can stand in for the person's phone. Written here rather than taken
 * from the API, which end-to-end tests do not import.
 */
export const TOTP_STEP_SECONDS = 30;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** Decodes base32 (RFC 4648), ignoring case, spaces, hyphens and padding. */
export function base32Decode(text: string): Buffer {
  const clean = text.toUpperCase().replace(/[\s=-]/g, '');
  const bytes: number[] = [];
  let bits = 0;
  let value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`Not base32: ${JSON.stringify(char)}`);
    value = ((value << 5) | index) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      bytes.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(bytes);
}

/** RFC 4226 HOTP: the code for one counter value, by dynamic truncation. */
export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const digest = createHmac('sha1', key).update(message).digest();
  const offset = digest[digest.length - 1] & 0x0f;
  const binary = digest.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

/** The code an authenticator app shows at `atMs` (milliseconds since the epoch) for a base32 secret. */
export function totp(secretBase32: string, atMs: number = Date.now(), digits = 6): string {
  return totpForKey(base32Decode(secretBase32), atMs, digits);
}

export function totpForKey(key: Buffer, atMs: number, digits = 6): string {
  return hotp(key, Math.floor(atMs / 1000 / TOTP_STEP_SECONDS), digits);
}
