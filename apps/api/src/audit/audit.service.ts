import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, SelectQueryBuilder } from 'typeorm';
import type { RequestContext } from '../common/request-context';
import { runPrepared } from '../database/prepared';
import { AUDIT_APPEND, AuditContent, GENESIS_HASH, canonicalContent, chainHash } from './audit-chain';
import { AuditEventEntity } from './entities/audit-event.entity';
import { decodeCursor, DEFAULT_PAGE_SIZE, toPage } from '../common/pagination';
import { AuditFilter, AuditPageDto, AuditQuery, mapAuditEvent } from './dto/audit.dto';

const isSeqCursor = (v: unknown[]): v is [string] =>
  v.length === 1 && typeof v[0] === 'string' && /^\d{1,19}$/.test(v[0]);

/** The most rows one CSV export holds. */
export const EXPORT_LIMIT = 100_000;

/** One CSV cell: quoted when needed, spreadsheet formulas defused (CSV injection). Reports use it too. */
export const csvCell = (value: unknown): string => {
  if (value === null || value === undefined) return '';
  const text = String(value);
  // Quote everything that needs it, and defuse spreadsheet formulas (CSV injection).
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n']/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

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
   * exactly when the change it records does. Must be called with a transactional manager, in a
   * READ COMMITTED transaction: after taking the chain's lock, audit_append() must see the newest
   * event, which a REPEATABLE READ snapshot taken earlier would not (the chain would fork; the
   * function refuses). The lock is held until the caller commits: record last, then commit.
   */
  async record(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'actorId' | 'ip' | 'requestId' | 'accessReason'>,
    event: AuditRecord,
  ): Promise<void> {
    if (!manager.queryRunner?.isTransactionActive) {
      throw new Error('AuditService.record must run inside the transaction of the change it records');
    }
    await this.append(manager, ctx, event);
  }

  /**
   * Records an event that has no other write: a read of case records (called after the read and
   * before anything is disclosed, so a failure here means nothing is shown) or a failed sign-in.
   * One autocommit statement: the chain's lock is held only while the database appends the row.
   */
  async recordAlone(
    ctx: Pick<RequestContext, 'actorId' | 'ip' | 'requestId' | 'accessReason'>,
    event: AuditRecord,
  ): Promise<void> {
    await this.append(this.dataSource.manager, ctx, event);
  }

  private async append(
    manager: EntityManager,
    ctx: Pick<RequestContext, 'actorId' | 'ip' | 'requestId' | 'accessReason'>,
    event: AuditRecord,
  ): Promise<void> {
    const content: AuditContent = {
      id: randomUUID(),
      at: new Date(),
      actorId: ctx.actorId,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId ?? null,
      ip: ctx.ip,
      requestId: ctx.requestId,
      details: ctx.accessReason
        ? { ...event.details, accessReason: ctx.accessReason }
        : (event.details ?? {}),
    };
    await runPrepared(manager, AUDIT_APPEND, [
      content.id,
      content.at,
      content.actorId,
      content.action,
      content.entityType,
      content.entityId,
      content.ip,
      content.requestId,
      JSON.stringify(content.details),
      canonicalContent(content),
    ]);
  }

  /** Newest first, filtered as API.md says; keyset on seq. */
  async list(query: AuditQuery): Promise<AuditPageDto> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const cursor = decodeCursor(query.cursor, isSeqCursor);
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .orderBy('e.seq', 'DESC')
      .limit(limit + 1);
    if (cursor) qb.andWhere('e.seq < :seq', { seq: cursor[0] });
    await this.filter(qb, query);
    return toPage(await qb.getMany(), limit, mapAuditEvent, (row) => [row.seq]);
  }

  /**
   * The filtered trail as CSV, oldest first, up to EXPORT_LIMIT rows (narrow the filter for more).
   * The export is itself audited.
   */
  async exportCsv(ctx: RequestContext, query: AuditFilter): Promise<string> {
    const qb = this.dataSource
      .getRepository(AuditEventEntity)
      .createQueryBuilder('e')
      .orderBy('e.seq', 'ASC')
      .limit(EXPORT_LIMIT);
    await this.filter(qb, query);
    const rows = await qb.getMany();
    await this.recordAlone(ctx, {
      action: 'audit.export',
      entityType: 'audit',
      details: { filter: { ...query }, rows: rows.length },
    });
    const header = [
      'seq',
      'at',
      'actorId',
      'action',
      'entityType',
      'entityId',
      'ip',
      'requestId',
      'details',
      'prevHash',
      'hash',
    ];
    const lines = rows.map((r) =>
      [
        r.seq,
        r.at.toISOString(),
        r.actorId,
        r.action,
        r.entityType,
        r.entityId,
        r.ip,
        r.requestId,
        JSON.stringify(r.details),
        r.prevHash,
        r.hash,
      ]
        .map(csvCell)
        .join(','),
    );
    return [header.join(','), ...lines].join('\r\n') + '\r\n';
  }

  private async filter(qb: SelectQueryBuilder<AuditEventEntity>, query: AuditFilter): Promise<void> {
    if (query.entityType) qb.andWhere('e.entityType = :entityType', { entityType: query.entityType });
    if (query.entityId) qb.andWhere('e.entityId = :entityId', { entityId: query.entityId });
    if (query.actorId) qb.andWhere('e.actorId = :actorId', { actorId: query.actorId });
    if (query.from) qb.andWhere('e.at >= :from', { from: query.from });
    if (query.to) qb.andWhere('e.at < :to', { to: query.to });
    if (query.clientId) {
      const rows = (await this.dataSource.query(
        `WITH person AS (SELECT $1::uuid AS id)
         SELECT id::text FROM person
         UNION SELECT r.id::text FROM referrals r, person p WHERE r.client_id = p.id
         UNION SELECT n.id::text FROM case_notes n JOIN referrals r ON r.id = n.referral_id, person p WHERE r.client_id = p.id
         UNION SELECT m.id::text FROM meetings m JOIN referrals r ON r.id = m.referral_id, person p WHERE r.client_id = p.id
         UNION SELECT a.id::text FROM records_access a JOIN referrals r ON r.id = a.referral_id, person p WHERE r.client_id = p.id
         UNION SELECT a.id::text FROM authorisations a, person p WHERE a.carer_client_id = p.id`,
        [query.clientId],
      )) as { id: string }[];
      const ids = rows.map((r) => r.id);
      qb.andWhere(
        `(e.entityId IN (:...clientIds) OR jsonb_exists_any(e.details -> 'shown', CAST(:clientIdArray AS text[])))`,
        {
          clientIds: ids,
          clientIdArray: ids,
        },
      );
    }
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
