import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { authorisationState, londonDate } from '@beacon/domain';
import { AuditService } from '../audit/audit.service';
import { versionedUpdate } from '../database/versioned-update';
import { ClientsService } from '../clients/clients.service';
import { AppException, badRequest, notFound, staleVersion } from '../common/app.exception';
import { requireUser, type RequestContext } from '../common/request-context';
import {
  AuthorisationDto,
  AuthorisationListDto,
  CreateAuthorisationInput,
  WithdrawAuthorisationInput,
  mapAuthorisation,
} from './dto/authorisation.dto';
import { AuthorisationEntity } from './entities/authorisation.entity';

/** Carers' authorisations of third parties. Case data: ownership follows the carer (a client). */
@Injectable()
export class AuthorisationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clients: ClientsService,
  ) {}

  async create(ctx: RequestContext, input: CreateAuthorisationInput): Promise<AuthorisationDto> {
    const user = requireUser(ctx);
    if (input.expiresOn && input.expiresOn < input.givenOn) {
      throw badRequest([{ field: 'expiresOn', message: 'must be on or after givenOn' }]);
    }
    return this.dataSource.transaction(async (manager) => {
      await this.clients.visibleClient(manager, user, input.carerClientId);
      const repo = manager.getRepository(AuthorisationEntity);
      const saved = await repo.save(
        repo.create({
          carerClientId: input.carerClientId,
          authorisedName: input.authorisedName,
          authorisedRelationship: input.authorisedRelationship,
          scope: input.scope,
          givenOn: input.givenOn,
          method: input.method,
          expiresOn: input.expiresOn ?? null,
          recordedBy: user.id,
        }),
      );
      await this.audit.record(manager, ctx, {
        action: 'authorisation.create',
        entityType: 'authorisation',
        entityId: saved.id,
        details: { carerClientId: input.carerClientId },
      });
      return mapAuthorisation(saved, londonDate());
    });
  }

  async list(ctx: RequestContext, carerClientId: string): Promise<AuthorisationListDto> {
    const user = requireUser(ctx);
    const manager = this.dataSource.manager;
    await this.clients.visibleClient(manager, user, carerClientId);
    const rows = await manager
      .getRepository(AuthorisationEntity)
      .find({ where: { carerClientId }, order: { givenOn: 'DESC', createdAt: 'DESC' } });
    await this.audit.recordAlone(ctx, {
      action: 'authorisation.list',
      entityType: 'client',
      entityId: carerClientId,
      details: { shown: rows.map((r) => r.id) },
    });
    const today = londonDate();
    return { items: rows.map((r) => mapAuthorisation(r, today)) };
  }

  async withdraw(
    ctx: RequestContext,
    id: string,
    input: WithdrawAuthorisationInput,
  ): Promise<AuthorisationDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      const repo = manager.getRepository(AuthorisationEntity);
      const current = await repo.findOneBy({ id });
      if (!current) throw notFound('authorisation');
      await this.clients.visibleClient(manager, user, current.carerClientId).catch(() => {
        throw notFound('authorisation');
      });
      if (current.version !== input.version) throw staleVersion();
      if (current.withdrawnAt) {
        throw new AppException(409, 'already-withdrawn', 'This authorisation was already withdrawn.');
      }
      await versionedUpdate(
        manager,
        AuthorisationEntity,
        id,
        input.version,
        { withdrawnAt: () => 'now()', withdrawnBy: user.id, withdrawalReason: input.reason ?? null },
        { touch: false },
      );
      await this.audit.record(manager, ctx, {
        action: 'authorisation.withdraw',
        entityType: 'authorisation',
        entityId: id,
        details: { carerClientId: current.carerClientId },
      });
      return mapAuthorisation(await repo.findOneByOrFail({ id }), londonDate());
    });
  }

  /**
   * Refuses (422) a third-party carers referral unless `authorisationId` is the carer's own
   * authorisation and in force today. The message says what to do about it.
   */
  async requireValid(
    manager: EntityManager,
    authorisationId: string | undefined,
    carerClientId: string | null,
    today: string,
  ): Promise<AuthorisationEntity> {
    const refuse = (detail: string) =>
      new AppException(422, 'authorisation-required', detail, [
        { field: 'authorisationId', message: detail },
      ]);
    if (!authorisationId || !carerClientId) {
      throw refuse(
        'A carers referral made by someone other than the carer needs the carer’s authorisation for them: record it first, then choose it.',
      );
    }
    const authorisation = await manager
      .getRepository(AuthorisationEntity)
      .findOne({ where: { id: authorisationId }, lock: { mode: 'pessimistic_read' } });
    if (!authorisation || authorisation.carerClientId !== carerClientId) {
      throw refuse('This authorisation was not given by this carer.');
    }
    const state = authorisationState({ ...authorisation, withdrawn: !!authorisation.withdrawnAt }, today);
    if (state === 'WITHDRAWN') throw refuse('The carer has withdrawn this authorisation.');
    if (state === 'EXPIRED') throw refuse(`This authorisation expired on ${authorisation.expiresOn}.`);
    if (state === 'NOT_YET_GIVEN')
      throw refuse(`This authorisation is only given from ${authorisation.givenOn}.`);
    return authorisation;
  }
}
