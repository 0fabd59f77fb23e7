import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id at the OWASP Password Storage Cheat Sheet's first configuration (19 MiB, 2 passes, 1 lane).
 * `algorithm: 2` is `Algorithm.Argon2id`; the package declares it as an ambient const enum, which
 * isolated-module compilation cannot read. See ADR 0005 for why this binding and not `argon2`.
 */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/**
 * At most this many hashes at once per process: each holds 19 MiB, and a burst of sign-ins
 * would otherwise take memory from the rest of the API (16 at once pushed it past 300 MB). One:
 * a second hash's 19 MiB once took a loaded API over its 300 MB budget (docs/performance.md). A
 * hash takes about 12 ms of one core, so one at a time still signs in about 100 people a second
 * per process; the rest wait their turn in order.
 */
export const MAX_CONCURRENT_HASHES = 1;

/** A first-come, first-served limit on how many promises run at once. */
export function concurrencyLimit(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async function run<T>(task: () => Promise<T>): Promise<T> {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running += 1;
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

const limited = concurrencyLimit(MAX_CONCURRENT_HASHES);

export function hashPassword(password: string): Promise<string> {
  return limited(() => hash(password, OPTIONS));
}

export async function verifyPassword(hashed: string, password: string): Promise<boolean> {
  try {
    return await limited(() => verify(hashed, password));
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;
/** Spends the same time as a real check when the account does not exist, so timing does not reveal it. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('not-a-real-password-' + Math.random());
  await verifyPassword(await dummyHash, password);
  return false;
}
