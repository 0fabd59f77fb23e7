import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AppException } from '../common/app.exception';
import { LoginAttemptEntity } from './entities/login-attempt.entity';

/**
 * Sign-in throttling kept in PostgreSQL so it holds across API replicas. Limits apply per
 * (account, IP) pair and per IP over a sliding window. There is deliberately no limit per
 * account across all IPs: it would let anyone lock a real advocate out by guessing badly.
 */
export const THROTTLE = {
  windowMinutes: 15,
  perAccountAndIp: 5,
  perIp: 50,
  /**
   * Wrong two-step codes per account from anywhere. Only someone who already has the password
   * can spend these, so a limit per account here locks out no one but an attacker (and is
   * audited for the admins); it stops a password thief spreading guesses over many addresses.
   */
  mfaPerAccount: 10,
} as const;

@Injectable()
export class LoginThrottleService {
  /** Throws 429 with Retry-After when this attempt is over a limit. Failures before the pair's last success do not count. */
  async assertAllowed(manager: EntityManager, email: string, ip: string): Promise<void> {
    const [row] = (await manager.query(
      `WITH window_start AS (SELECT now() - make_interval(mins => $3) AS at),
            last_success AS (
              SELECT max(at) AS at FROM login_attempts WHERE email = $1 AND ip = $2 AND success AND at > (SELECT at FROM window_start)
            )
       SELECT
         (SELECT count(*) FROM login_attempts
           WHERE email = $1 AND ip = $2 AND NOT success
             AND at > greatest((SELECT at FROM window_start), coalesce((SELECT at FROM last_success), '-infinity'))) AS pair_failures,
         (SELECT min(at) FROM login_attempts
           WHERE email = $1 AND ip = $2 AND NOT success
             AND at > greatest((SELECT at FROM window_start), coalesce((SELECT at FROM last_success), '-infinity'))) AS pair_oldest,
         (SELECT count(*) FROM login_attempts WHERE ip = $2 AND NOT success AND at > (SELECT at FROM window_start)) AS ip_failures,
         (SELECT min(at) FROM login_attempts WHERE ip = $2 AND NOT success AND at > (SELECT at FROM window_start)) AS ip_oldest`,
      [email, ip, THROTTLE.windowMinutes],
    )) as { pair_failures: string; pair_oldest: Date | null; ip_failures: string; ip_oldest: Date | null }[];
    const overPair = Number(row.pair_failures) >= THROTTLE.perAccountAndIp;
    const overIp = Number(row.ip_failures) >= THROTTLE.perIp;
    if (!overPair && !overIp) return;
    const oldest = overPair ? row.pair_oldest : row.ip_oldest;
    const retryAfter = oldest
      ? Math.max(
          1,
          Math.ceil((new Date(oldest).getTime() + THROTTLE.windowMinutes * 60_000 - Date.now()) / 1000),
        )
      : THROTTLE.windowMinutes * 60;
    throw new AppException(
      429,
      'too-many-sign-in-attempts',
      `Too many unsuccessful sign-in attempts. Try again in ${Math.ceil(retryAfter / 60)} minute${retryAfter > 60 ? 's' : ''}.`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }

  /** Throws 429 when the account has had too many wrong two-step codes lately, from any address. */
  async assertMfaAllowed(manager: EntityManager, email: string): Promise<void> {
    const [row] = (await manager.query(
      `SELECT count(*) AS failures, min(at) AS oldest FROM login_attempts
        WHERE email = $1 AND factor = 'mfa' AND NOT success AND at > now() - make_interval(mins => $2)`,
      [email, THROTTLE.windowMinutes],
    )) as { failures: string; oldest: Date | null }[];
    if (Number(row.failures) < THROTTLE.mfaPerAccount) return;
    const retryAfter = row.oldest
      ? Math.max(
          1,
          Math.ceil((new Date(row.oldest).getTime() + THROTTLE.windowMinutes * 60_000 - Date.now()) / 1000),
        )
      : THROTTLE.windowMinutes * 60;
    throw new AppException(
      429,
      'too-many-sign-in-attempts',
      `Too many wrong codes for this account. Try again in ${Math.ceil(retryAfter / 60)} minute${retryAfter > 60 ? 's' : ''}, or ask an admin to reset two-step verification.`,
      undefined,
      { 'Retry-After': String(retryAfter) },
    );
  }

  async recordAttempt(
    manager: EntityManager,
    email: string,
    ip: string,
    success: boolean,
    factor: 'password' | 'mfa' = 'password',
  ): Promise<void> {
    await manager.insert(LoginAttemptEntity, { email, ip, success, factor });
    // Keep the table small: attempts older than a day serve no limit.
    if (Math.random() < 0.05)
      await manager.query(`DELETE FROM login_attempts WHERE at < now() - interval '1 day'`);
  }
}
