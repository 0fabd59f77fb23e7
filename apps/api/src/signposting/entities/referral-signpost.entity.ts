import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { ReferralEntity } from '../../referrals/entities/referral.entity';
import { SignpostingServiceEntity } from './signposting-service.entity';

/** Where a person was pointed, on decline or for the out-of-scope part of a referral. */
@Entity({ name: 'referral_signposts' })
export class ReferralSignpostEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('referral_signposts_referral_idx')
  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Column({ name: 'service_id', type: 'uuid', nullable: true })
  serviceId: string | null;

  @ManyToOne(() => SignpostingServiceEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'service_id' })
  service?: SignpostingServiceEntity;

  /** The directory entry's name at the time, or a free-text destination. */
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
