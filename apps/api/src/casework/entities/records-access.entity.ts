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
import { RECORDS_ACCESS_BASES, type RecordsAccessBasis } from '@beacon/domain';
import { sqlList } from '../../database/sql';
import { ReferralEntity } from '../../referrals/entities/referral.entity';

/** An IMHA's access to the person's records (MHA s130B): which, whose, on what basis, when, by whom. */
@Entity({ name: 'records_access' })
@Check('records_access_basis_valid', `basis IN (${sqlList(RECORDS_ACCESS_BASES)})`)
@Index('records_access_referral_idx', ['referralId', 'accessedOn'])
export class RecordsAccessEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Column({ name: 'records_description', type: 'text' })
  recordsDescription: string;

  @Column({ type: 'text' })
  basis: RecordsAccessBasis;

  @Column({ name: 'held_by', type: 'text' })
  heldBy: string;

  @Column({ name: 'accessed_on', type: 'date' })
  accessedOn: string;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
