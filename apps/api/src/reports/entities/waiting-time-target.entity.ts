import { Check, Column, Entity, JoinColumn, ManyToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { SERVICE_TYPES, type ServiceType } from '@beacon/domain';
import { sqlList } from '../../database/sql';
import { UserEntity } from '../../users/entities/user.entity';

/**
 * The days within which each service aims to make first contact after a referral is received:
 * what reports measure "seen within target" against. One row per service, seeded by the
 * migration with defaults; admins change the number (the app may not add or remove rows).
 */
@Entity({ name: 'waiting_time_targets' })
@Check('waiting_time_targets_service_valid', `service_type IN (${sqlList(SERVICE_TYPES)})`)
@Check('waiting_time_targets_days_valid', `target_days BETWEEN 1 AND 365`)
export class WaitingTimeTargetEntity {
  @PrimaryColumn({ name: 'service_type', type: 'text' })
  serviceType: ServiceType;

  @Column({ name: 'target_days', type: 'integer' })
  targetDays: number;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @Column({ name: 'updated_by', type: 'uuid', nullable: true })
  updatedBy: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'updated_by' })
  updater?: UserEntity;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
