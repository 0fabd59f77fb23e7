import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { AuditContent, GENESIS_HASH, chainHash } from './audit-chain';
import { AuditEventEntity } from './entities/audit-event.entity';
import { decodeCursor, toPage } from '../common/pagination';
import { AuditPageDto, AuditQuery, mapAuditEvent } from './dto/audit.dto';

const isSeqCursor = (v: unknown[]): v is [string] =>
  v.length === 1 && typeof v[0] === 'string' && /^\d{1,19}$/.test(v[0]);

const AUDIT_CHAIN_LOCK = 726_002; // transaction-scoped advisory lock: one writer extends the chain at a time

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId?: string | null;
  /** Identifiers and outcomes only, never case content or secrets. */
  details?: Record<string, unknown>;
}

export interface ChainVerification {
  ok: boolean;
  checked: number;
  firstBrokenId?: string;
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends one event to the chain inside the caller's transaction, so the event exists
   * exactly when the change it records does. Must be called with a transactional manager.
   */
  async record(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'actorId' | 'ip' | 'requestId'>,
    event: AuditRecord,
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside the transaction of the change it records');
    }
    await manager.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK]);
    const [last] = (await manager.query('SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1')) as {
      hash: string;
    }[];
    const content: AuditContent = {
      id: randomUUID(),
      at: new Date(),
      actorId: ctx.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      ip: ctx.ip,
      requestId: ctx.requestId,
      details: event.details ?? {},
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    await manager.query(
      `INSERT INTO audit_events (id, at, actor_id, action, entity_type, entity_id, ip, request_id, details, prev_hash, hash)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
      [
        content.id,
        content.at,
        content.actorId,
        content.action,
        content.entityType,
        content.entityId,
        content.ip,
        content.requestId,
        JSON.stringify(content.details),
        prevHash,
        chainHash(prevHash, content),
      ],
    );
  }

  /** Records an event in a transaction of its own (for events with no other write, such as a failed sign-in). */
  async recordAlone(
    ctx: Pick<RequestContext, 'actorId' | 'ip' | 'requestId'>,
    event: AuditRecord,
  ): Promise<void> {
    await this.dataSource.transaction((manager) => this.record(manager, ctx, event));
  }

  /** Newest first, filtered as API.md says; keyset on seq. */
  async list(query: AuditQuery): Promise<AuditPageDto> {
    const limit = query.limit ?? 50;
    const cursor = decodeCursor(query.cursor, isSeqCursor);
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .orderBy('e.seq', 'DESC')
      .limit(limit + 1);
    if (cursor) qb.andWhere('e.seq < :seq', { seq: cursor[0] });
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.at < :to', { to: query.to });
    return toPage(await qb.getMany(), limit, mapAuditEvent, (row) => [row.seq]);
  }

  /** Walks the whole chain in order, recomputing every hash; reports the first row that does not fit. */
  async verify(batchSize = 5000): Promise<ChainVerification> {
    let prevHash = GENESIS_HASH;
    let afterSeq = '0';
    let checked = 0;
    for (;;) {
      const rows = await this.dataSource
        .getRepository(AuditEventEntity)
        .createQueryBuilder('e')
        .where('e.seq > :afterSeq', { afterSeq })
        .orderBy('e.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      for (const row of rows) {
        const expected = chainHash(prevHash, {
          id: row.id,
          at: row.at,
          actorId: row.actorId,
          action: row.action,
          entityType: row.entityType,
          entityId: row.entityId,
          ip: row.ip,
          requestId: row.requestId,
          details: row.details,
        });
        if (row.prevHash !== prevHash || row.hash !== expected)
          return { ok: false, checked, firstBrokenId: row.id };
        prevHash = row.hash;
        checked += 1;
      }
      if (rows.length < batchSize) return { ok: true, checked };
      afterSeq = rows[rows.length - 1].seq;
    }
  }
}
