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

  async recordAttempt(manager: EntityManager, email: string, ip: string, success: boolean): Promise<void> {
    await manager.insert(LoginAttemptEntity, { email, ip, success });
    // Keep the table small: attempts older than a day serve no limit.
    if (Math.random() < 0.05)
      await manager.query(`DELETE FROM login_attempts WHERE at < now() - interval '1 day'`);
  }
}
