import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DEMOGRAPHIC_FIELD_NAMES, type DemographicField } from '@beacon/domain';
import { notFound, staleVersion } from '../common/app.exception';
import { versionedUpdate } from '../database/versioned-update';
import { restrictClients } from '../common/case-access';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage } from '../common/pagination';
import { requireUser, type CurrentUser, type RequestContext } from '../common/request-context';
import {
  ClientDto,
  ClientInput,
  ClientPageDto,
  ClientsQuery,
  CreatedClientDto,
  mapClient,
  mapClientSummary,
  UpdateClientInput,
} from './dto/client.dto';
import { ClientEntity } from './entities/client.entity';
import { clientSearchQuery, type ClientRow } from './client-queries';
import { nameKey } from './name-key';

const isNameCursor = (v: unknown[]): v is [string, string, string] =>
  v.length === 3 && v.every((x) => typeof x === 'string');

@Injectable()
export class ClientsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(ctx: RequestContext, input: ClientInput): Promise<CreatedClientDto> {
    return this.dataSource.transaction(async (manager) => {
      const client = await this.insert(manager, ctx, input);
      const possibleDuplicates = await this.duplicatesOf(manager, requireUser(ctx), client);
      return { ...mapClient(client), possibleDuplicates: possibleDuplicates.map(mapClientSummary) };
    });
  }

  /** Inserts and audits a client inside the caller's transaction (used by referral intake too). */
  async insert(manager: EntityManager, ctx: RequestContext, input: ClientInput): Promise<ClientEntity> {
    const user = requireUser(ctx);
    const repo = manager.getRepository(ClientEntity);
    const firstNameKey = nameKey(input.firstName);
    const lastNameKey = nameKey(input.lastName);
    const client = await repo.save(
      repo.create({
        firstName: input.firstName,
        lastName: input.lastName,
        firstNameKey,
        lastNameKey,
        searchName: `${firstNameKey} ${lastNameKey}`,
        dateOfBirth: input.dateOfBirth ?? null,
        nhsNumber: input.nhsNumber ?? null,
        phone: input.phone ?? null,
        email: input.email ?? null,
        address: input.address ?? null,
        localAuthority: input.localAuthority,
        ageBand: input.ageBand ?? null,
        gender: input.gender ?? null,
        ethnicity: input.ethnicity ?? null,
        disability: input.disability ?? null,
        createdBy: user.id,
      }),
    );
    await this.audit.record(manager, ctx, {
      action: 'client.create',
      entityType: 'client',
      entityId: client.id,
    });
    return client;
  }

  /** Same folded name and date of birth, among the clients this user may see. */
  async duplicatesOf(
    manager: EntityManager,
    user: CurrentUser,
    client: ClientEntity,
  ): Promise<ClientEntity[]> {
    if (!client.dateOfBirth) return [];
    const qb = manager
      .getRepository(ClientEntity)
      .createQueryBuilder('c')
      .where('c.lastNameKey = :last AND c.firstNameKey = :first AND c.dateOfBirth = :dob AND c.id <> :id', {
        last: client.lastNameKey,
        first: client.firstNameKey,
        dob: client.dateOfBirth,
        id: client.id,
      })
      .orderBy('c.createdAt', 'ASC')
      .limit(10);
    return restrictClients(qb, 'c', user).getMany();
  }

  async list(ctx: RequestContext, query: ClientsQuery): Promise<ClientPageDto> {
    const user = requireUser(ctx);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const sql = clientSearchQuery(user, query.q, limit, decodeCursor(query.cursor, isNameCursor));
    const rows = (await this.dataSource.query(sql.text, sql.values)) as ClientRow[];
    const page = toPage(rows, limit, mapClient, (c) => [c.lastNameKey, c.firstNameKey, c.id]);
    await this.audit.recordAlone(ctx, {
      action: 'client.search',
      entityType: 'client',
      details: { kind: sql.kind, shown: page.items.map((c) => c.id) },
    });
    return page;
  }

  async get(ctx: RequestContext, id: string): Promise<ClientDto> {
    const user = requireUser(ctx);
    const manager = this.dataSource.manager;
    const qb = manager.getRepository(ClientEntity).createQueryBuilder('c').where('c.id = :id', { id });
    const client = await restrictClients(qb, 'c', user).getOne();
    if (!client) throw notFound('client');
    await this.audit.recordAlone(ctx, { action: 'client.read', entityType: 'client', entityId: id });
    return mapClient(client);
  }

  /**
   * Changes the equality-monitoring answers of a client this user may see (404 otherwise; 409 on
   * a stale version). The audit event names the fields changed, never their values.
   */
  async update(ctx: RequestContext, id: string, input: UpdateClientInput): Promise<ClientDto> {
    const user = requireUser(ctx);
    return this.dataSource.transaction(async (manager) => {
      const client = await this.visibleClient(manager, user, id);
      const changes: Partial<Record<DemographicField, string | null>> = {};
      for (const field of DEMOGRAPHIC_FIELD_NAMES) {
        const value = input[field];
        if (value !== undefined && value !== client[field]) changes[field] = value;
      }
      if (client.version !== input.version) throw staleVersion();
      if (Object.keys(changes).length > 0) {
        await versionedUpdate(manager, ClientEntity, id, input.version, changes as Partial<ClientEntity>);
        await this.audit.record(manager, ctx, {
          action: 'client.update',
          entityType: 'client',
          entityId: id,
          details: { fields: Object.keys(changes) },
        });
      }
      const updated = await manager.getRepository(ClientEntity).findOneByOrFail({ id });
      return mapClient(updated);
    });
  }

  /** The client if this user may see it; 404 otherwise (the same answer whether it exists or not). */
  async visibleClient(manager: EntityManager, user: CurrentUser, id: string): Promise<ClientEntity> {
    const qb = manager.getRepository(ClientEntity).createQueryBuilder('c').where('c.id = :id', { id });
    const client = await restrictClients(qb, 'c', user).getOne();
    if (!client) throw notFound('client');
    return client;
  }
}
