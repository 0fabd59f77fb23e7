import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Authenticated encryption (AES-256-GCM) for secrets the app must read back, such as TOTP
 * secrets: a copy of the database alone does not give anyone a second factor. The user's id is
 * bound in as associated data, so a ciphertext copied onto another account does not decrypt.
 * Stored as `v1.<iv>.<tag>.<ciphertext>`, base64url.
 */
export function seal(key: Buffer, plaintext: string, context: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv, cipher.getAuthTag(), body]
    .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
    .join('.');
}

/** The plaintext, or throws when the value was altered, moved or sealed with another key. */
export function open(key: Buffer, sealed: string, context: string): string {
  const [version, iv, tag, body] = sealed.split('.');
  if (version !== 'v1' || !iv || !tag || body === undefined) throw new Error('not a sealed value');
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(tag, 'base64url'));
  return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
}

/**
 * Opens with the first of `keys` that fits (during a key rotation: the current key, then the
 * previous one): the plaintext and the index of the key, or null when none does.
 */
export function openWithAny(
  keys: readonly Buffer[],
  sealed: string,
  context: string,
): { plaintext: string; keyIndex: number } | null {
  for (const [keyIndex, key] of keys.entries()) {
    try {
      return { plaintext: open(key, sealed, context), keyIndex };
    } catch {
      // Sealed with another key (or altered): try the next.
    }
  }
  return null;
}
