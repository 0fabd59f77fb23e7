import { ApiProperty, IntersectionType } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQuery } from '../../common/pagination';
import type { AuditEventEntity } from '../entities/audit-event.entity';

export class AuditFilter {
  @ApiProperty({ required: false, example: 'user' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityType?: string;

  @ApiProperty({ required: false })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  entityId?: string;

  @ApiProperty({ required: false, format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorId?: string;

  @ApiProperty({
    required: false,
    format: 'uuid',
    description:
      'Everything about one person: their client record, referrals, notes, meetings, records access and authorisations, including lists that showed them',
  })
  @IsOptional()
  @IsUUID('all', { message: 'must be a UUID' })
  clientId?: string;

  @ApiProperty({
    required: false,
    description: 'From this instant (ISO 8601), inclusive',
    example: '2026-11-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiProperty({
    required: false,
    description: 'Up to this instant (ISO 8601), exclusive',
    example: '2026-12-01T00:00:00Z',
  })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

/** A page of the filtered audit trail. */
export class AuditQuery extends IntersectionType(PageQuery, AuditFilter) {}

export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) actorId: string | null;
  @ApiProperty({ example: 'user.create' }) action: string;
  @ApiProperty({ example: 'user' }) entityType: string;
  @ApiProperty({ type: String, nullable: true }) entityId: string | null;
  @ApiProperty({ type: String, nullable: true }) ip: string | null;
  @ApiProperty({ type: String, nullable: true }) requestId: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description: 'Identifiers and outcomes, never case content',
  })
  details: Record<string, unknown>;
  @ApiProperty({ description: 'SHA-256 of prevHash and this row’s canonical content' }) hash: string;
  @ApiProperty() prevHash: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEventDto] }) items: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class AuditVerifyDto {
  @ApiProperty({ description: 'True when every row’s hash matches its content and its predecessor' })
  ok: boolean;
  @ApiProperty({ description: 'Rows checked before the first broken one (all rows when ok)' })
  checked: number;
  @ApiProperty({ required: false, format: 'uuid' }) firstBrokenId?: string;
}

export function mapAuditEvent(row: AuditEventEntity): AuditEventDto {
  return {
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    ip: row.ip,
    requestId: row.requestId,
    details: row.details,
    hash: row.hash,
    prevHash: row.prevHash,
  };
}
