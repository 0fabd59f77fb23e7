import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { MEETING_KINDS, type MeetingKind } from '@beacon/domain';
import { sqlList } from '../../database/sql';
import { ReferralEntity } from '../../referrals/entities/referral.entity';

/** A meeting with the client, or for them with professionals (ward round, CPA review, tribunal…). */
@Entity({ name: 'meetings' })
@Check('meetings_kind_valid', `kind IN (${sqlList(MEETING_KINDS)})`)
@Check('meetings_duration_valid', `duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 1440`)
@Index('meetings_referral_idx', ['referralId', 'startsAt'])
@Index('meetings_created_by_starts_idx', ['createdBy', 'startsAt'])
export class MeetingEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Column({ type: 'text' })
  kind: MeetingKind;

  @Column({ name: 'starts_at', type: 'timestamptz' })
  startsAt: Date;

  @Column({ name: 'duration_minutes', type: 'integer', nullable: true })
  durationMinutes: number | null;

  @Column({ type: 'text' })
  location: string;

  @Column({ name: 'in_private', type: 'boolean' })
  inPrivate: boolean;

  @Column({ type: 'text', array: true })
  attendees: string[];

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
