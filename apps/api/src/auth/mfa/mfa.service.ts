import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { mfaRequired } from '@beacon/domain';
import { AuditService } from '../../audit/audit.service';
import { AppException, badRequest, notFound } from '../../common/app.exception';
import { requireUser, type RequestContext } from '../../common/request-context';
import { APP_CONFIG, type AppConfig } from '../../config/config';
import { UserEntity } from '../../users/entities/user.entity';
import { hashPassword, verifyPassword } from '../../users/password-hasher';
import { endSessions } from '../end-sessions';
import { MfaRecoveryCodeEntity } from '../entities/mfa-recovery-code.entity';
import type { MfaSetupDto, MfaStatusDto, RecoveryCodesDto } from './mfa.dto';
import { RECOVERY_CODE_COUNT, newRecoveryCode, normaliseRecoveryCode } from './recovery-codes';
import { openWithAny, seal } from './secret-box';
import { matchTotp, newTotpSecret, otpauthUri } from './totp';

export const MFA_ISSUER = 'Beacon';

/** The second factor a sign-in presented, once checked. */
export type SecondFactor =
  | { ok: true; method: 'totp' }
  | { ok: true; method: 'recovery-code'; recoveryCodesRemaining: number }
  | { ok: false };

/**
 * Two-step verification with TOTP authenticator apps and single-use recovery codes (ASVS V6.5,
 * V6.6 in 5.0): enrolment proves the app works before it counts, each code works once, the
 * secret is encrypted at rest, and turning it on ends the account's other sessions (they never
 * showed a second factor). Every change is audited.
 */
@Injectable()
export class MfaService {
  private readonly logger = new Logger(MfaService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly audit: AuditService,
  ) {}

  async status(userId: string): Promise<MfaStatusDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId });
    const remaining = user.mfaEnabledAt
      ? await this.dataSource.getRepository(MfaRecoveryCodeEntity).countBy({ userId, usedAt: IsNull() })
      : 0;
    return {
      enabled: user.mfaEnabledAt !== null,
      required: mfaRequired(user.roles),
      enrolBy:
        mfaRequired(user.roles) && !user.mfaEnabledAt ? (user.mfaEnrolBy?.toISOString() ?? null) : null,
      recoveryCodesRemaining: remaining,
    };
  }

  /** A new secret to enrol; replaces any earlier one not yet confirmed. 409 when already on. */
  async setup(ctx: RequestContext): Promise<MfaSetupDto> {
    const me = requireUser(ctx);
    const secret = newTotpSecret();
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, me.id);
      if (user.mfaEnabledAt) throw alreadyOn();
      await manager.update(UserEntity, { id: me.id }, { mfaPendingSecret: this.seal(me.id, secret) });
      await this.audit.record(manager, ctx, {
        action: 'auth.mfa.setup',
        entityType: 'user',
        entityId: me.id,
      });
    });
    return { secret, otpauthUri: otpauthUri(secret, me.email, MFA_ISSUER) };
  }

  /** Confirms enrolment with a code from the app; answers the recovery codes, once. */
  async enable(ctx: RequestContext, code: string): Promise<RecoveryCodesDto> {
    const me = requireUser(ctx);
    const { codes, hashes } = await newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, me.id);
      if (user.mfaEnabledAt) throw alreadyOn();
      if (!user.mfaPendingSecret)
        throw new AppException(409, 'mfa-setup-not-started', 'Start setting up two-step verification first.');
      const secret = this.open(me.id, user.mfaPendingSecret);
      const step = matchTotp(secret, code);
      if (step === null)
        throw badRequest(
          [{ field: 'code', message: 'is not the code your authenticator app shows now' }],
          'That code did not match. Check the app was set up with this QR code and try the newest code.',
        );
      await manager.update(
        UserEntity,
        { id: me.id },
        {
          mfaSecret: user.mfaPendingSecret,
          mfaPendingSecret: null,
          mfaEnabledAt: () => 'now()',
          mfaLastStep: String(step),
          version: () => 'version + 1',
        },
      );
      await this.replaceRecoveryCodes(manager, me.id, hashes);
      const ended = await endSessions(manager, me.id, 'two-step verification turned on', me.sessionId);
      await this.audit.record(manager, ctx, {
        action: 'auth.mfa.enable',
        entityType: 'user',
        entityId: me.id,
        details: { otherSessionsEnded: ended },
      });
    });
    return { recoveryCodes: codes };
  }

  /** New recovery codes (the old ones stop working), after the password. 409 when off. */
  async regenerateRecoveryCodes(ctx: RequestContext, password: string): Promise<RecoveryCodesDto> {
    const me = requireUser(ctx);
    await this.checkPassword(me.id, password);
    const { codes, hashes } = await newRecoveryCodes();
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, me.id);
      if (!user.mfaEnabledAt)
        throw new AppException(409, 'mfa-not-enabled', 'Two-step verification is not on for your account.');
      await this.replaceRecoveryCodes(manager, me.id, hashes);
      // A factor changed: other sessions end (ASVS 7.4.3), as with a password change.
      const ended = await endSessions(manager, me.id, 'recovery codes renewed', me.sessionId);
      await this.audit.record(manager, ctx, {
        action: 'auth.mfa.recovery-codes',
        entityType: 'user',
        entityId: me.id,
        details: { otherSessionsEnded: ended },
      });
    });
    return { recoveryCodes: codes };
  }

  /** Turns two-step verification off, after the password; refused for roles that must have it. */
  async disable(ctx: RequestContext, password: string): Promise<void> {
    const me = requireUser(ctx);
    if (mfaRequired(me.roles))
      throw new AppException(
        403,
        'mfa-required-for-role',
        'Managers and admins must keep two-step verification on. To move it to a new phone, ask an admin to reset it.',
      );
    await this.checkPassword(me.id, password);
    await this.dataSource.transaction(async (manager) => {
      const user = await this.lockUser(manager, me.id);
      if (!user.mfaEnabledAt && !user.mfaPendingSecret) return;
      await this.clear(manager, me.id, user.mfaEnrolBy);
      const ended = await endSessions(manager, me.id, 'two-step verification turned off', me.sessionId);
      await this.audit.record(manager, ctx, {
        action: 'auth.mfa.disable',
        entityType: 'user',
        entityId: me.id,
        details: { otherSessionsEnded: ended },
      });
    });
  }

  /**
   * An admin resets another account's two-step verification (a lost phone and lost recovery
   * codes): it is cleared, every session of the account ends, and an account that needs it must
   * enrol again at its next sign-in.
   */
  async reset(ctx: RequestContext, userId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .findOne({ where: { id: userId }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('user');
      if (!user.mfaEnabledAt && !user.mfaPendingSecret)
        throw new AppException(409, 'mfa-not-enabled', 'This account has no two-step verification to reset.');
      const wasEnabled = user.mfaEnabledAt !== null;
      // A lost factor must be set up again at the next sign-in; an unfinished setup keeps its deadline.
      await this.clear(manager, userId, wasEnabled ? null : user.mfaEnrolBy);
      const ended = await endSessions(manager, userId, 'two-step verification reset by an admin', null);
      await this.audit.record(manager, ctx, {
        action: 'user.mfa.reset',
        entityType: 'user',
        entityId: userId,
        details: { wasEnabled, sessionsEnded: ended },
      });
    });
  }

  /**
   * Checks a sign-in's second factor for an account that has it on. A TOTP code is accepted
   * once (its time step must be later than the last accepted); a recovery code is spent. Both
   * are conditional updates, so two requests racing with one code cannot both pass.
   */
  async verifyAtSignIn(
    user: UserEntity,
    presented: { code?: string; recoveryCode?: string },
  ): Promise<SecondFactor> {
    const manager = this.dataSource.manager;
    if (presented.code !== undefined && user.mfaSecret) {
      const step = matchTotp(this.open(user.id, user.mfaSecret), presented.code);
      if (step === null) return { ok: false };
      const accepted = await manager
        .createQueryBuilder()
        .update(UserEntity)
        .set({ mfaLastStep: String(step) })
        .where('id = :id AND (mfa_last_step IS NULL OR mfa_last_step < :step)', { id: user.id, step })
        .execute();
      return accepted.affected === 1 ? { ok: true, method: 'totp' } : { ok: false };
    }
    const normalised =
      presented.recoveryCode !== undefined ? normaliseRecoveryCode(presented.recoveryCode) : null;
    if (!normalised) return { ok: false };
    const unused = await manager
      .getRepository(MfaRecoveryCodeEntity)
      .findBy({ userId: user.id, usedAt: IsNull() });
    for (const candidate of unused) {
      if (!(await verifyPassword(candidate.codeHash, normalised))) continue;
      const spent = await manager
        .createQueryBuilder()
        .update(MfaRecoveryCodeEntity)
        .set({ usedAt: () => 'now()' })
        .where('id = :id AND used_at IS NULL', { id: candidate.id })
        .execute();
      if (spent.affected !== 1) return { ok: false };
      return { ok: true, method: 'recovery-code', recoveryCodesRemaining: unused.length - 1 };
    }
    return { ok: false };
  }

  private async checkPassword(userId: string, password: string) {
    const user = await this.dataSource.getRepository(UserEntity).findOneByOrFail({ id: userId });
    if (!(await verifyPassword(user.passwordHash, password)))
      throw badRequest([{ field: 'password', message: 'is not your current password' }]);
  }

  private lockUser(manager: EntityManager, id: string) {
    return manager
      .getRepository(UserEntity)
      .findOneOrFail({ where: { id }, lock: { mode: 'pessimistic_write' } });
  }

  private async clear(manager: EntityManager, userId: string, enrolBy: Date | null) {
    await manager.update(
      UserEntity,
      { id: userId },
      {
        mfaSecret: null,
        mfaPendingSecret: null,
        mfaEnabledAt: null,
        mfaLastStep: null,
        mfaEnrolBy: enrolBy,
        version: () => 'version + 1',
      },
    );
    await manager.delete(MfaRecoveryCodeEntity, { userId });
  }

  private async replaceRecoveryCodes(manager: EntityManager, userId: string, hashes: string[]) {
    await manager.delete(MfaRecoveryCodeEntity, { userId });
    await manager.insert(
      MfaRecoveryCodeEntity,
      hashes.map((codeHash) => ({ userId, codeHash })),
    );
  }

  private seal(userId: string, secret: string) {
    return seal(this.config.auth.mfaKey, secret, userId);
  }

  /** Opens with MFA_ENCRYPTION_KEY, or during a rotation with MFA_ENCRYPTION_KEY_PREVIOUS. */
  private open(userId: string, sealed: string): string {
    const opened = openWithAny(mfaKeys(this.config), sealed, userId);
    if (opened) return opened.plaintext;
    this.logger.error(
      `The two-step secret of user ${userId} opens with no configured key: was MFA_ENCRYPTION_KEY changed without MFA_ENCRYPTION_KEY_PREVIOUS? (docs/runbook.md)`,
    );
    throw new AppException(
      500,
      'mfa-secret-unreadable',
      'Two-step verification cannot be checked for this account just now. Ask an administrator: they can reset it.',
    );
  }
}

/** The keys that may open a sealed two-step secret, the current one first. */
export function mfaKeys(config: AppConfig): Buffer[] {
  return config.auth.mfaPreviousKey ? [config.auth.mfaKey, config.auth.mfaPreviousKey] : [config.auth.mfaKey];
}

const alreadyOn = () =>
  new AppException(
    409,
    'mfa-already-enabled',
    'Two-step verification is already on. To move it to a new phone, turn it off first or ask an admin to reset it.',
  );

async function newRecoveryCodes(): Promise<{ codes: string[]; hashes: string[] }> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  // Hashed in the canonical form sign-in compares (no hyphen).
  const hashes = await Promise.all(codes.map((code) => hashPassword(code.replace('-', ''))));
  return { codes, hashes };
}
