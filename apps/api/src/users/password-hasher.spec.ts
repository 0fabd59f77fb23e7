import { concurrencyLimit, hashPassword, verifyPassword } from './password-hasher';

describe('password hashing', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hashed = await hashPassword('walnut kettle lighthouse');
    expect(hashed).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(hashed, 'walnut kettle lighthouse')).toBe(true);
    expect(await verifyPassword(hashed, 'walnut kettle lighthous')).toBe(false);
    expect(await verifyPassword('not a hash', 'anything')).toBe(false);
  });
});

describe('concurrencyLimit', () => {
  it('runs at most `max` tasks at once, in arrival order, and passes results and errors through', async () => {
    const run = concurrencyLimit(2);
    let active = 0;
    let peak = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 5));
      active -= 1;
      if (i === 3) throw new Error('task 3 failed');
      return i * 10;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4, 5].map((i) => run(task(i))));
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5]);
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      0,
      10,
      20,
      'task 3 failed',
      40,
      50,
    ]);
    // The limit is free again afterwards.
    expect(await run(async () => 'again')).toBe('again');
  });
});
