import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { TEMPORARY_PASSWORD_HOURS, mfaRequired, type Role } from '@beacon/domain';
import { APP_CONFIG, type AppConfig } from '../config/config';
import { passwordPolicyProblems } from './password-policy';
import { AuditService } from '../audit/audit.service';
import { containsPattern } from '../database/sql';
import { versionedUpdate } from '../database/versioned-update';
import { AppException, badRequest, notFound, staleVersion } from '../common/app.exception';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage } from '../common/pagination';
import type { RequestContext } from '../common/request-context';
import { endSessions } from '../auth/end-sessions';
import { readableCode } from '../auth/mfa/recovery-codes';
import {
  CreateUserDto,
  TemporaryPasswordDto,
  UpdateUserDto,
  UserDto,
  UserPageDto,
  UsersQuery,
  mapUser,
} from './dto/user.dto';
import { UserEntity } from './entities/user.entity';
import { hashPassword } from './password-hasher';

const isUserCursor = (v: unknown[]): v is [string, string] =>
  v.length === 2 &&
  typeof v[0] === 'string' &&
  !Number.isNaN(Date.parse(v[0])) &&
  typeof v[1] === 'string' &&
  /^[0-9a-f-]{36}$/.test(v[1]);

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export const temporaryPasswordEnd = () => new Date(Date.now() + TEMPORARY_PASSWORD_HOURS * 3_600_000);

/** Easy to read out over the phone: 4 groups of 4 from an alphabet without look-alikes (~79 bits). */
export function newTemporaryPassword(): string {
  return readableCode(4, 4);
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Until when a new manager or admin may work without two-step verification (null: enrol at first sign-in). */
  private mfaGraceEnd(): Date | null {
    const days = this.config.auth.mfaEnrolmentGraceDays;
    return days > 0 ? new Date(Date.now() + days * 86_400_000) : null;
  }

  /** Newest accounts first; keyset on (created_at, id). */
  async list(query: UsersQuery): Promise<UserPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, isUserCursor);
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .orderBy('u.createdAt', 'DESC')
      .addOrderBy('u.id', 'DESC')
      .limit(limit + 1);
    if (cursor) qb.andWhere('(u.createdAt, u.id) < (:at, :id)', { at: cursor[0], id: cursor[1] });
    if (query.q) {
      const pattern = containsPattern(query.q.toLowerCase());
      qb.andWhere('(u.email LIKE :pattern OR lower(u.displayName) LIKE :pattern)', { pattern });
    }
    if (query.role) qb.andWhere(':role = ANY(u.roles)', { role: query.role });
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    const rows = await qb.getMany();
    return toPage(rows, limit, mapUser, (u) => [u.createdAt.toISOString(), u.id]);
  }

  async get(id: string): Promise<UserDto> {
    const user = await this.dataSource.getRepository(UserEntity).findOneBy({ id });
    if (!user) throw notFound('user');
    return mapUser(user);
  }

  async create(ctx: RequestContext, dto: CreateUserDto): Promise<UserDto> {
    const email = normaliseEmail(dto.email);
    const problems = passwordPolicyProblems(dto.password, { email });
    if (problems.length) throw badRequest(problems.map((message) => ({ field: 'password', message })));
    const passwordHash = await hashPassword(dto.password);
    return this.dataSource.transaction(async (manager) => {
      const exists = await manager.getRepository(UserEntity).existsBy({ email });
      if (exists) {
        throw new AppException(409, 'duplicate-email', 'An account with this email address already exists.', [
          { field: 'email', message: 'is already used by another account' },
        ]);
      }
      const user = await this.insertUser(manager, {
        email,
        displayName: dto.displayName,
        roles: dto.roles,
        passwordHash,
        mfaEnrolBy: this.mfaGraceEnd(),
        // The admin knows this password: the person replaces it at first sign-in.
        temporaryPasswordUntil: temporaryPasswordEnd(),
      });
      await this.audit.record(manager, ctx, {
        action: 'user.create',
        entityType: 'user',
        entityId: user.id,
        details: { email, roles: user.roles },
      });
      return mapUser(user);
    });
  }

  /** Shared by the admin screen, the bootstrap CLI and the demo seed. */
  async insertUser(
    manager: EntityManager,
    user: {
      email: string;
      displayName: string;
      roles: Role[];
      passwordHash: string;
      mfaEnrolBy?: Date | null;
      temporaryPasswordUntil?: Date | null;
    },
  ) {
    const repo = manager.getRepository(UserEntity);
    return repo.save(
      repo.create({
        ...user,
        email: normaliseEmail(user.email),
        roles: [...new Set(user.roles)],
        active: true,
      }),
    );
  }

  async update(ctx: RequestContext, id: string, dto: UpdateUserDto): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockForUpdate(manager, id, dto.version);
      if (dto.roles && before.roles.includes('ADMIN') && !dto.roles.includes('ADMIN')) {
        await this.ensureAnotherActiveAdmin(manager, id, 'remove the admin role from');
      }
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      if (dto.displayName !== undefined && dto.displayName !== before.displayName) {
        changes.displayName = { from: before.displayName, to: dto.displayName };
      }
      const roles = dto.roles ? [...new Set(dto.roles)] : undefined;
      if (roles && [...roles].sort().join() !== [...before.roles].sort().join())
        changes.roles = { from: before.roles, to: roles };
      // Gaining a role that needs two-step verification starts the enrolment deadline afresh.
      const startsNeedingMfa =
        roles && mfaRequired(roles) && !mfaRequired(before.roles) && !before.mfaEnabledAt;
      const after = await this.versionedUpdate(manager, id, dto.version, {
        displayName: dto.displayName ?? before.displayName,
        roles: roles ?? before.roles,
        ...(startsNeedingMfa ? { mfaEnrolBy: this.mfaGraceEnd() } : {}),
      });
      await this.audit.record(manager, ctx, {
        action: 'user.update',
        entityType: 'user',
        entityId: id,
        details: { changes },
      });
      return mapUser(after);
    });
  }

  /** Deactivation ends every session at once: refresh tokens are revoked and access tokens stop working on the next request. */
  async deactivate(ctx: RequestContext, id: string, version: number): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockForUpdate(manager, id, version);
      if (id === ctx.actorId) {
        throw new AppException(
          422,
          'self-deactivation',
          'You cannot deactivate your own account. Ask another admin.',
        );
      }
      if (before.roles.includes('ADMIN') && before.active)
        await this.ensureAnotherActiveAdmin(manager, id, 'deactivate');
      const after = await this.versionedUpdate(manager, id, version, { active: false });
      const ended = await endSessions(manager, id, 'user deactivated');
      await this.audit.record(manager, ctx, {
        action: 'user.deactivate',
        entityType: 'user',
        entityId: id,
        details: { sessionsRevoked: ended },
      });
      return mapUser(after);
    });
  }

  /**
   * A forgotten password: a new random one the admin passes on, which signs in for
   * TEMPORARY_PASSWORD_HOURS and must then be replaced. Every session of the account ends. Not
   * for one's own account (change it instead). Audited, the password never.
   */
  async resetPassword(ctx: RequestContext, id: string): Promise<TemporaryPasswordDto> {
    if (id === ctx.actorId)
      throw new AppException(422, 'self-reset', 'Change your own password from your account page instead.');
    const temporaryPassword = newTemporaryPassword();
    const passwordHash = await hashPassword(temporaryPassword);
    const until = temporaryPasswordEnd();
    return this.dataSource.transaction(async (manager) => {
      const user = await manager
        .getRepository(UserEntity)
        .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!user) throw notFound('user');
      await manager.update(UserEntity, { id }, { passwordHash, temporaryPasswordUntil: until });
      const ended = await endSessions(manager, id, 'password reset by an admin');
      await this.audit.record(manager, ctx, {
        action: 'user.password.reset',
        entityType: 'user',
        entityId: id,
        details: { sessionsRevoked: ended, validUntil: until.toISOString() },
      });
      return { temporaryPassword, validUntil: until.toISOString() };
    });
  }

  async reactivate(ctx: RequestContext, id: string, version: number): Promise<UserDto> {
    return this.dataSource.transaction(async (manager) => {
      await this.lockForUpdate(manager, id, version);
      const after = await this.versionedUpdate(manager, id, version, { active: true });
      await this.audit.record(manager, ctx, { action: 'user.reactivate', entityType: 'user', entityId: id });
      return mapUser(after);
    });
  }

  private async lockForUpdate(manager: EntityManager, id: string, version: number): Promise<UserEntity> {
    const user = await manager
      .getRepository(UserEntity)
      .findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw notFound('user');
    if (user.version !== version) throw staleVersion();
    return user;
  }

  /** UPDATE … WHERE id AND version: TypeORM's save() does not enforce versions, this does. */
  private async versionedUpdate(
    manager: EntityManager,
    id: string,
    version: number,
    set: Partial<UserEntity>,
  ): Promise<UserEntity> {
    await versionedUpdate(manager, UserEntity, id, version, set);
    return manager.getRepository(UserEntity).findOneByOrFail({ id });
  }

  private async ensureAnotherActiveAdmin(manager: EntityManager, id: string, verb: string) {
    const others = await manager
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .where(`'ADMIN' = ANY(u.roles) AND u.active AND u.id <> :id`, { id })
      .getCount();
    if (others === 0) {
      throw new AppException(
        422,
        'last-admin',
        `You cannot ${verb} the last active admin: Beacon would have no one to manage accounts.`,
      );
    }
  }
}
