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
import { ClientEntity } from '../../clients/entities/client.entity';
import { AUTHORISATION_METHODS, type AuthorisationMethod } from '@beacon/domain';
import { sqlList } from '../../database/sql';

/**
 * A carer's authorisation for a third party to contact the service on their behalf: who
 * authorised whom, for what, when and how, until when, and its withdrawal.
 */
@Entity({ name: 'authorisations' })
@Check('authorisations_method_valid', `method IN (${sqlList(AUTHORISATION_METHODS)})`)
@Check('authorisations_expiry_after_given', `expires_on IS NULL OR expires_on >= given_on`)
export class AuthorisationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('authorisations_carer_idx')
  @Column({ name: 'carer_client_id', type: 'uuid' })
  carerClientId: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'carer_client_id' })
  carer?: ClientEntity;

  @Column({ name: 'authorised_name', type: 'text' })
  authorisedName: string;

  @Column({ name: 'authorised_relationship', type: 'text' })
  authorisedRelationship: string;

  @Column({ type: 'text' })
  scope: string;

  @Column({ name: 'given_on', type: 'date' })
  givenOn: string;

  @Column({ type: 'text' })
  method: AuthorisationMethod;

  @Column({ name: 'expires_on', type: 'date', nullable: true })
  expiresOn: string | null;

  @Column({ name: 'withdrawn_at', type: 'timestamptz', nullable: true })
  withdrawnAt: Date | null;

  @Column({ name: 'withdrawn_by', type: 'uuid', nullable: true })
  withdrawnBy: string | null;

  @Column({ name: 'withdrawal_reason', type: 'text', nullable: true })
  withdrawalReason: string | null;

  @Column({ name: 'recorded_by', type: 'uuid' })
  recordedBy: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
