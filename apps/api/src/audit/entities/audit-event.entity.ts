import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * Append-only and hash-chained: `hash` = SHA-256 of `prev_hash` and the row's canonical
 * content. The database refuses UPDATE, DELETE and TRUNCATE on this table (migration triggers).
 */
@Entity({ name: 'audit_events' })
@Index('audit_events_entity_idx', ['entityType', 'entityId', 'seq'])
@Index('audit_events_actor_idx', ['actorId', 'seq'])
@Index('audit_events_entity_id_idx', ['entityId', 'seq'])
@Index('audit_events_at_idx', ['at'])
export class AuditEventEntity {
  @PrimaryColumn({ type: 'uuid' })
  id: string;

  @Index('audit_events_seq_key', { unique: true })
  @Column({ type: 'bigint', generated: 'increment' })
  seq: string;

  @Column({ type: 'timestamptz' })
  at: Date;

  @Column({ name: 'actor_id', type: 'uuid', nullable: true })
  actorId: string | null;

  @Column({ type: 'text' })
  action: string;

  @Column({ name: 'entity_type', type: 'text' })
  entityType: string;

  @Column({ name: 'entity_id', type: 'text', nullable: true })
  entityId: string | null;

  @Column({ type: 'text', nullable: true })
  ip: string | null;

  @Column({ name: 'request_id', type: 'text', nullable: true })
  requestId: string | null;

  /** Identifiers and outcomes. Lists record the ids they showed in `shown` (GIN-indexed, made in a migration). */
  @Index('audit_events_shown_idx', { synchronize: false })
  @Column({ type: 'jsonb' })
  details: Record<string, unknown>;

  @Column({ name: 'prev_hash', type: 'char', length: 64 })
  prevHash: string;

  @Column({ type: 'char', length: 64 })
  hash: string;
}
