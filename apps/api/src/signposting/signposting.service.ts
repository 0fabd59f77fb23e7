import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { versionedUpdate } from '../database/versioned-update';
import { AppException, badRequest, notFound } from '../common/app.exception';
import type { FieldError } from '../common/problem';
import type { RequestContext } from '../common/request-context';
import {
  CreateSignpostingServiceInput,
  SignpostingListDto,
  SignpostingServiceDto,
  UpdateSignpostingServiceInput,
  mapSignpostingService,
} from './dto/signposting.dto';
import { ReferralSignpostEntity } from './entities/referral-signpost.entity';
import { SignpostingServiceEntity } from './entities/signposting-service.entity';

export interface SignpostRequest {
  serviceId?: string;
  name?: string;
  note?: string;
}

/** The signposting directory (reference data, not case data) and the signposts recorded on referrals. */
@Injectable()
export class SignpostingService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(includeInactive = false): Promise<SignpostingListDto> {
    const rows = await this.dataSource.getRepository(SignpostingServiceEntity).find({
      where: includeInactive ? {} : { active: true },
      order: { name: 'ASC' },
    });
    return { items: rows.map(mapSignpostingService) };
  }

  async create(ctx: RequestContext, input: CreateSignpostingServiceInput): Promise<SignpostingServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(SignpostingServiceEntity);
      if (await repo.existsBy({ key: input.key })) {
        throw new AppException(409, 'duplicate', 'An entry with this key already exists.', [
          { field: 'key', message: 'is already used' },
        ]);
      }
      const saved = await repo.save(
        repo.create({
          key: input.key,
          name: input.name,
          description: input.description ?? '',
          contact: input.contact ?? '',
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'signposting.create',
        entityType: 'signposting_service',
        entityId: saved.id,
      });
      return mapSignpostingService(saved);
    });
  }

  async update(
    ctx: RequestContext,
    id: string,
    input: UpdateSignpostingServiceInput,
  ): Promise<SignpostingServiceDto> {
    return this.dataSource.transaction(async (manager) => {
      const { version, ...changes } = input;
      if (!(await manager.getRepository(SignpostingServiceEntity).existsBy({ id }))) {
        throw notFound('signposting entry');
      }
      await versionedUpdate(manager, SignpostingServiceEntity, id, version, changes);
      const after = await manager.getRepository(SignpostingServiceEntity).findOneByOrFail({ id });
      await this.audit.record(manager, ctx, {
        action: 'signposting.update',
        entityType: 'signposting_service',
        entityId: id,
        details: { fields: Object.keys(changes) },
      });
      return mapSignpostingService(after);
    });
  }

  /**
   * Checks requested signposts against the directory: each names an active entry (`serviceId`)
   * or a free-text destination (`name`), never both. Field errors are named under `field`.
   */
  async resolve(
    manager: EntityManager,
    requests: SignpostRequest[],
    field = 'signposting',
  ): Promise<{ serviceId: string | null; name: string; note: string | null }[]> {
    const ids = requests.map((r) => r.serviceId).filter((id): id is string => !!id);
    const found = ids.length
      ? await manager.getRepository(SignpostingServiceEntity).findBy({ id: In(ids), active: true })
      : [];
    const byId = new Map(found.map((s) => [s.id, s]));
    const errors: FieldError[] = [];
    const out = requests.map((r, i) => {
      const at = `${field}[${i}]`;
      if (r.serviceId && r.name) errors.push({ field: at, message: 'give serviceId or name, not both' });
      else if (!r.serviceId && !r.name) errors.push({ field: at, message: 'needs a serviceId or a name' });
      else if (r.serviceId && !byId.has(r.serviceId))
        errors.push({ field: `${at}.serviceId`, message: 'is not an active signposting entry' });
      const service = r.serviceId ? byId.get(r.serviceId) : undefined;
      return { serviceId: service?.id ?? null, name: service?.name ?? r.name ?? '', note: r.note ?? null };
    });
    if (errors.length) throw badRequest(errors);
    return out;
  }

  async record(
    manager: EntityManager,
    referralId: string,
    actorId: string,
    signposts: { serviceId: string | null; name: string; note: string | null }[],
  ): Promise<void> {
    if (!signposts.length) return;
    const repo = manager.getRepository(ReferralSignpostEntity);
    const createdAt = new Date();
    await repo.insert(signposts.map((s) => ({ ...s, referralId, createdBy: actorId, createdAt })));
  }
}
