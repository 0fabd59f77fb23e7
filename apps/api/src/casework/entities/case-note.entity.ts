import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { NOTE_KINDS, type NoteKind } from '@beacon/domain';
import { sqlList } from '../../database/sql';
import { ReferralEntity } from '../../referrals/entities/referral.entity';

/**
 * A case note: its text lives in note_versions (append-only). `version` is the number of the
 * latest version, and what an amendment must name (a stale one answers 409).
 */
@Entity({ name: 'case_notes' })
@Check('case_notes_kind_valid', `kind IN (${sqlList(NOTE_KINDS)})`)
@Check('case_notes_minutes_valid', `minutes_spent IS NULL OR minutes_spent BETWEEN 0 AND 1440`)
@Index('case_notes_referral_idx', ['referralId', 'createdAt'])
@Index('case_notes_author_created_idx', ['createdBy', 'createdAt'])
export class CaseNoteEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'referral_id', type: 'uuid' })
  referralId: string;

  @ManyToOne(() => ReferralEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'referral_id' })
  referral?: ReferralEntity;

  @Column({ type: 'text' })
  kind: NoteKind;

  @Column({ name: 'minutes_spent', type: 'integer', nullable: true })
  minutesSpent: number | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'integer', default: 1 })
  version: number;
}
