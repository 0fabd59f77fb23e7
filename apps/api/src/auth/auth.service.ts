import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { mfaRequired, type Role } from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { AppException, badRequest, notFound } from '../common/app.exception';
import { requireUser, type RequestContext } from '../common/request-context';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { UserEntity } from '../users/entities/user.entity';
import { hashPassword, verifyAgainstDummy, verifyPassword } from '../users/password-hasher';
import { passwordPolicyProblems } from '../users/password-policy';
import { normaliseEmail } from '../users/users.service';
import { MeDto, SessionListDto, TokenDto } from './dto/auth.dto';
import { RefreshTokenEntity } from './entities/refresh-token.entity';
import { endSessions } from './end-sessions';
import { LoginThrottleService } from './login-throttle.service';
import { MfaService } from './mfa/mfa.service';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

export interface IssuedSession {
  token: TokenDto;
  refreshToken: string;
  refreshExpiresAt: Date;
}

const invalidCredentials = () =>
  new AppException(401, 'invalid-credentials', 'The email address or password is not right.');
const mfaRequiredError = () =>
  new AppException(401, 'mfa-required', 'Enter the 6-digit code from your authenticator app.');
const sessionEnded = () =>
  new AppException(401, 'session-ended', 'Your session has ended. Please sign in again.');

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function toMe(user: {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  passwordChangeRequired: boolean;
  mfaEnabled: boolean;
  mfaEnrolBy: Date | null;
}): MeDto {
  const required = mfaRequired(user.roles);
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    roles: user.roles,
    passwordChangeRequired: user.passwordChangeRequired,
    mfaEnabled: user.mfaEnabled,
    mfaRequired: required,
    mfaEnrolBy: required && !user.mfaEnabled ? (user.mfaEnrolBy?.toISOString() ?? null) : null,
  };
}

const userState = (user: UserEntity) => ({
  ...user,
  mfaEnabled: user.mfaEnabledAt !== null,
  passwordChangeRequired: user.temporaryPasswordUntil !== null,
});

@Injectable()
export class AuthService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly audit: AuditService,
    private readonly throttle: LoginThrottleService,
    private readonly mfa: MfaService,
  ) {}

  async login(
    ctx: RequestContext,
    credentials: { email: string; password: string; code?: string; recoveryCode?: string },
    userAgent: string | null,
  ): Promise<IssuedSession> {
    const { email: rawEmail, password } = credentials;
    const email = normaliseEmail(rawEmail);
    const ip = ctx.ip ?? 'unknown';
    await this.throttle.assertAllowed(this.dataSource.manager, email, ip);

    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ email });
    const passwordOk = user
      ? await verifyPassword(user.passwordHash, password)
      : await verifyAgainstDummy(password);

    const expired =
      user?.temporaryPasswordUntil != null && user.temporaryPasswordUntil.getTime() <= Date.now();
    if (!user || !passwordOk || !user.active || expired) {
      await this.dataSource.transaction(async (manager) => {
        await this.throttle.recordAttempt(manager, email, ip, false);
        await this.audit.record(
          manager,
          { ...ctx, actorId: user?.id ?? null },
          {
            action: 'auth.login.failure',
            entityType: 'user',
            entityId: user?.id ?? null,
            details: {
              email,
              reason: !user
                ? 'unknown-email'
                : !passwordOk
                  ? 'wrong-password'
                  : !user.active
                    ? 'inactive'
                    : 'temporary-password-expired',
            },
          },
        );
      });
      // Only someone with the right password learns that it has expired.
      if (user && passwordOk && user.active && expired)
        throw new AppException(
          401,
          'temporary-password-expired',
          'This temporary password has expired. Ask an admin in your team for a new one.',
        );
      throw invalidCredentials();
    }

    // The second step, for accounts that have it on. Asking for the code is not a failure.
    let secondFactor: Record<string, unknown> = {};
    if (user.mfaEnabledAt) {
      if (credentials.code === undefined && credentials.recoveryCode === undefined) throw mfaRequiredError();
      await this.throttle.assertMfaAllowed(this.dataSource.manager, email);
      const factor = await this.mfa.verifyAtSignIn(user, credentials);
      if (!factor.ok) {
        await this.dataSource.transaction(async (manager) => {
          await this.throttle.recordAttempt(manager, email, ip, false, 'mfa');
          await this.audit.record(
            manager,
            { ...ctx, actorId: user.id },
            {
              action: 'auth.login.failure',
              entityType: 'user',
              entityId: user.id,
              details: {
                email,
                reason: credentials.code !== undefined ? 'wrong-mfa-code' : 'wrong-recovery-code',
              },
            },
          );
        });
        throw new AppException(
          401,
          'mfa-invalid',
          credentials.code !== undefined
            ? 'That code is not right. Use the newest code your authenticator app shows, or a recovery code.'
            : 'That recovery code is not right, or it has been used.',
        );
      }
      secondFactor = {
        mfa: factor.method,
        ...('recoveryCodesRemaining' in factor
          ? { recoveryCodesRemaining: factor.recoveryCodesRemaining }
          : {}),
      };
    }

    return this.dataSource.transaction(async (manager) => {
      await this.throttle.recordAttempt(manager, email, ip, true);
      const familyId = randomUUID();
      const familyExpiresAt = new Date(Date.now() + this.config.auth.refreshSessionHours * 3600_000);
      const refreshToken = await this.insertRefreshToken(
        manager,
        user.id,
        familyId,
        this.idleExpiry(familyExpiresAt),
        ip,
        userAgent,
      );
      await this.audit.record(
        manager,
        { ...ctx, actorId: user.id },
        {
          action: 'auth.login.success',
          entityType: 'user',
          entityId: user.id,
          details: { sessionId: familyId, ...secondFactor },
        },
      );
      return { token: this.accessToken(user, familyId), refreshToken, refreshExpiresAt: familyExpiresAt };
    });
  }

  /**
   * Rotates a refresh token. A token already used (rotated) or revoked is evidence of theft:
   * the whole family is revoked, so both the thief and the victim must sign in again.
   */
  async refresh(
    ctx: RequestContext,
    presented: string | undefined,
    userAgent: string | null,
  ): Promise<IssuedSession> {
    if (!presented) throw sessionEnded();
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await manager
        .getRepository(RefreshTokenEntity)
        .findOne({ where: { tokenHash: hashToken(presented) }, lock: { mode: 'pessimistic_write' } });
      if (!current) return { error: sessionEnded() };
      if (current.usedAt || current.revokedAt) {
        const revoked = await this.revokeFamily(manager, current.familyId, 'refresh token reused');
        if (current.usedAt && revoked > 0) {
          await this.audit.record(
            manager,
            { ...ctx, actorId: current.userId },
            {
              action: 'auth.refresh.reuse-detected',
              entityType: 'user',
              entityId: current.userId,
              details: { sessionId: current.familyId, tokensRevoked: revoked },
            },
          );
        }
        return { error: sessionEnded() };
      }
      if (current.expiresAt.getTime() <= Date.now()) return { error: sessionEnded() };
      const user = await manager.getRepository(UserEntity).findOneBy({ id: current.userId });
      if (!user || !user.active) {
        await this.revokeFamily(manager, current.familyId, 'user inactive');
        return { error: sessionEnded() };
      }
      await manager.update(RefreshTokenEntity, { id: current.id }, { usedAt: new Date() });
      const familyExpiresAt = await this.familyEnd(manager, current.familyId);
      const refreshToken = await this.insertRefreshToken(
        manager,
        user.id,
        current.familyId,
        this.idleExpiry(familyExpiresAt),
        ctx.ip,
        userAgent,
      );
      return {
        session: {
          token: this.accessToken(user, current.familyId),
          refreshToken,
          refreshExpiresAt: familyExpiresAt,
        },
      };
    });
    // Errors are thrown after commit so that a detected reuse stays revoked.
    if ('error' in outcome) throw outcome.error;
    return outcome.session;
  }

  async logout(ctx: RequestContext, presented: string | undefined): Promise<void> {
    if (!presented) return;
    await this.dataSource.transaction(async (manager) => {
      const token = await manager
        .getRepository(RefreshTokenEntity)
        .findOneBy({ tokenHash: hashToken(presented) });
      if (!token) return;
      const revoked = await this.revokeFamily(manager, token.familyId, 'signed out');
      if (revoked > 0) {
        await this.audit.record(
          manager,
          { ...ctx, actorId: token.userId },
          {
            action: 'auth.logout',
            entityType: 'user',
            entityId: token.userId,
            details: { sessionId: token.familyId },
          },
        );
      }
    });
  }

  /**
   * Changes the signed-in user's password after checking the current one, and ends every other
   * session of theirs (this one stays signed in). Audited; the passwords never are.
   */
  async changePassword(ctx: RequestContext, currentPassword: string, newPassword: string): Promise<void> {
    const user = requireUser(ctx);
    const record = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: user.id });
    if (!(await verifyPassword(record.passwordHash, currentPassword))) {
      throw badRequest([{ field: 'currentPassword', message: 'is not your current password' }]);
    }
    const problems = passwordPolicyProblems(newPassword, { email: record.email });
    if (newPassword === currentPassword) problems.push('must differ from the current password');
    if (problems.length) throw badRequest(problems.map((message) => ({ field: 'newPassword', message })));
    const passwordHash = await hashPassword(newPassword);
    await this.dataSource.transaction(async (manager) => {
      await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({
          passwordHash,
          temporaryPasswordUntil: null,
          version: () => 'version + 1',
          updatedAt: () => 'now()',
        })
        .where('id = :id', { id: user.id })
        .execute();
      const ended = await endSessions(manager, user.id, 'password changed', user.sessionId);
      await this.audit.record(manager, ctx, {
        action: 'auth.password.change',
        entityType: 'user',
        entityId: user.id,
        details: { otherSessionsEnded: ended },
      });
    });
  }

  /** A user's live sessions (refresh-token families with an unrevoked, unexpired token), newest first. */
  async sessions(userId: string, currentSessionId: string | null): Promise<SessionListDto> {
    const rows = (await this.dataSource.query(
      `SELECT family_id, min(created_at) AS started_at, max(created_at) AS last_active_at,
              max(expires_at) AS expires_at,
              (array_agg(ip ORDER BY created_at DESC))[1] AS ip,
              (array_agg(user_agent ORDER BY created_at DESC))[1] AS user_agent
         FROM refresh_tokens
        WHERE user_id = $1
        GROUP BY family_id
       HAVING bool_or(revoked_at IS NULL AND used_at IS NULL AND expires_at > now())
        ORDER BY max(created_at) DESC`,
      [userId],
    )) as {
      family_id: string;
      started_at: Date;
      last_active_at: Date;
      expires_at: Date;
      ip: string | null;
      user_agent: string | null;
    }[];
    return {
      items: rows.map((r) => ({
        id: r.family_id,
        startedAt: r.started_at.toISOString(),
        lastActiveAt: r.last_active_at.toISOString(),
        expiresAt: r.expires_at.toISOString(),
        ip: r.ip,
        userAgent: r.user_agent,
        current: r.family_id === currentSessionId,
      })),
    };
  }

  /** Ends one of `userId`'s sessions at once (its access tokens stop on the next request). 404 if not theirs. */
  async revokeSession(ctx: RequestContext, userId: string, sessionId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const owned = await manager.getRepository(RefreshTokenEntity).existsBy({ familyId: sessionId, userId });
      if (!owned) throw notFound('session');
      const revoked = await this.revokeFamily(manager, sessionId, 'ended from the sessions list');
      await this.audit.record(manager, ctx, {
        action: 'auth.session.revoke',
        entityType: 'user',
        entityId: userId,
        details: { sessionId, tokensRevoked: revoked },
      });
    });
  }

  private accessToken(user: UserEntity, sessionId: string): TokenDto {
    const claims: AccessTokenClaims = { sub: user.id, sid: sessionId };
    const accessToken = this.jwt.sign(claims, {
      algorithm: 'HS256',
      secret: this.config.auth.jwtSecret,
      issuer: this.config.auth.issuer,
      audience: this.config.auth.audience,
      expiresIn: this.config.auth.accessTokenTtlSeconds,
      jwtid: randomUUID(),
    });
    return { accessToken, expiresIn: this.config.auth.accessTokenTtlSeconds, user: toMe(userState(user)) };
  }

  /** A refresh token lasts the idle limit, never past the session's absolute end. */
  private idleExpiry(familyExpiresAt: Date): Date {
    const idle = Date.now() + this.config.auth.sessionIdleMinutes * 60_000;
    return new Date(Math.min(idle, familyExpiresAt.getTime()));
  }

  /** The absolute end of a session: its sign-in plus SESSION_MAX_HOURS, however often refreshed. */
  private async familyEnd(manager: EntityManager, familyId: string): Promise<Date> {
    const [row] = (await manager.query(
      'SELECT min(created_at) AS started FROM refresh_tokens WHERE family_id = $1',
      [familyId],
    )) as { started: Date }[];
    return new Date(row.started.getTime() + this.config.auth.refreshSessionHours * 3600_000);
  }

  private async insertRefreshToken(
    manager: EntityManager,
    userId: string,
    familyId: string,
    expiresAt: Date,
    ip: string | null,
    userAgent: string | null,
  ): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await manager.insert(RefreshTokenEntity, {
      userId,
      familyId,
      tokenHash: hashToken(token),
      expiresAt,
      ip,
      userAgent: userAgent?.slice(0, 300) ?? null,
    });
    return token;
  }

  private async revokeFamily(manager: EntityManager, familyId: string, reason: string): Promise<number> {
    const result = await manager
      .createQueryBuilder()
      .update(RefreshTokenEntity)
      .set({ revokedAt: () => 'now()', revokedReason: reason })
      .where('familyId = :familyId AND revokedAt IS NULL', { familyId })
      .execute();
    return result.affected ?? 0;
  }
}
