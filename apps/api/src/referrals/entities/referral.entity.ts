import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  CLOSURE_OUTCOMES,
  ISSUES,
  LOCAL_AUTHORITIES,
  PRIORITIES,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  SERVICE_TYPES,
  type ClosureOutcome,
  type EligibilityFacts,
  type Issue,
  type LocalAuthority,
  type Priority,
  type ReferralSource,
  type ReferralStatus,
  type ServiceType,
} from '@beacon/domain';
import { AuthorisationEntity } from '../../authorisations/entities/authorisation.entity';
import { ClientEntity } from '../../clients/entities/client.entity';
import { UserEntity } from '../../users/entities/user.entity';
import { VisitEntity } from '../../visits/entities/visit.entity';
import { sqlList } from '../../database/sql';

export interface Referrer {
  name: string;
  relationship?: string;
  organisation?: string;
  phone?: string;
  email?: string;
}

/** MHA s130D: whether and how the patient was told about IMHA (IMHA referrals). */
export interface ImhaInformation {
  informed: boolean;
  informedOn?: string;
  informedBy?: string;
  method?: 'ORAL' | 'WRITTEN' | 'ORAL_AND_WRITTEN';
}

/**
 * A referral: the unit of casework. Lists sort by (received_at, id) and every filter of
 * API.md has an index that leads with its column and ends with that sort key.
 */
@Entity({ name: 'referrals' })
@Check('referrals_service_type_valid', `service_type IN (${sqlList(SERVICE_TYPES)})`)
@Check('referrals_source_valid', `source IN (${sqlList(REFERRAL_SOURCES)})`)
@Check('referrals_status_valid', `status IN (${sqlList(REFERRAL_STATUSES)})`)
@Check('referrals_local_authority_valid', `local_authority IN (${sqlList(LOCAL_AUTHORITIES)})`)
@Check('referrals_priority_valid', `priority IN (${sqlList(PRIORITIES)})`)
@Check('referrals_issues_valid', `cardinality(issues) > 0 AND issues <@ ARRAY[${sqlList(ISSUES)}]::text[]`)
@Check('referrals_outcome_valid', `outcome IS NULL OR outcome IN (${sqlList(CLOSURE_OUTCOMES)})`)
@Index('referrals_received_idx', ['receivedAt', 'id'])
@Index('referrals_retention_idx', ['status', 'closedAt'])
@Index('referrals_status_received_idx', ['status', 'receivedAt', 'id'])
// Multi-status views scan one small partial index in received order instead of walking every
// referral (the triage queue oldest first took 73 ms at 100,000 referrals without it).
@Index('referrals_triage_received_idx', ['receivedAt', 'id'], {
  where: `status IN ('RECEIVED', 'AWAITING_ALLOCATION')`,
})
@Index('referrals_open_received_idx', ['receivedAt', 'id'], { where: `status IN ('ALLOCATED', 'ACTIVE')` })
@Index('referrals_advocate_received_idx', ['allocatedAdvocateId', 'receivedAt', 'id'])
@Index('referrals_creator_received_idx', ['createdBy', 'receivedAt', 'id'])
@Index('referrals_service_received_idx', ['serviceType', 'receivedAt', 'id'])
@Index('referrals_area_received_idx', ['localAuthority', 'receivedAt', 'id'])
export class ReferralEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('referrals_reference_key', { unique: true })
  @Column({ type: 'text' })
  reference: string;

  @Index('referrals_client_idx')
  @Column({ name: 'client_id', type: 'uuid' })
  clientId: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'client_id' })
  client?: ClientEntity;

  @Column({ name: 'service_type', type: 'text' })
  serviceType: ServiceType;

  @Column({ type: 'text' })
  source: ReferralSource;

  @Column({ type: 'jsonb', nullable: true })
  referrer: Referrer | null;

  @Column({ type: 'text', array: true })
  issues: Issue[];

  @Column({ type: 'jsonb' })
  facts: EligibilityFacts;

  @Column({ type: 'boolean' })
  eligible: boolean;

  @Column({ name: 'eligibility_reasons', type: 'text', array: true })
  eligibilityReasons: string[];

  @Column({ name: 'in_scope', type: 'text', array: true })
  inScope: Issue[];

  @Column({ name: 'out_of_scope', type: 'text', array: true })
  outOfScope: Issue[];

  @Column({ type: 'text' })
  status: ReferralStatus;

  @Column({ type: 'text', default: 'ROUTINE' })
  priority: Priority;

  /** The area on the day of the referral (the client may move later). */
  @Column({ name: 'local_authority', type: 'text' })
  localAuthority: LocalAuthority;

  /** What the person wants help with, in the referrer's words. Case content. */
  @Column({ type: 'text', nullable: true })
  summary: string | null;

  @Column({ name: 'imha_information', type: 'jsonb', nullable: true })
  imhaInformation: ImhaInformation | null;

  @Column({ name: 'authorisation_id', type: 'uuid', nullable: true })
  authorisationId: string | null;

  @ManyToOne(() => AuthorisationEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'authorisation_id' })
  authorisation?: AuthorisationEntity;

  /** WARD_VISIT referrals: the visit on which the person was met. */
  @Index('referrals_visit_idx')
  @Column({ name: 'visit_id', type: 'uuid', nullable: true })
  visitId: string | null;

  @ManyToOne(() => VisitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'visit_id' })
  visit?: VisitEntity;

  @Column({ name: 'received_at', type: 'timestamptz' })
  receivedAt: Date;

  @Column({ name: 'due_date', type: 'date', nullable: true })
  dueDate: string | null;

  @Column({ name: 'first_contact_at', type: 'timestamptz', nullable: true })
  firstContactAt: Date | null;

  @Column({ name: 'allocated_advocate_id', type: 'uuid', nullable: true })
  allocatedAdvocateId: string | null;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'allocated_advocate_id' })
  allocatedAdvocate?: UserEntity;

  @Column({ name: 'allocated_at', type: 'timestamptz', nullable: true })
  allocatedAt: Date | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @ManyToOne(() => UserEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'created_by' })
  creator?: UserEntity;

  @Column({ name: 'decline_reason', type: 'text', nullable: true })
  declineReason: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: ClosureOutcome | null;

  @Column({ name: 'closure_reason', type: 'text', nullable: true })
  closureReason: string | null;

  @Column({ name: 'closed_at', type: 'timestamptz', nullable: true })
  closedAt: Date | null;

  /** When its personal content was removed at the end of its retention period (never deleted). */
  @Column({ name: 'anonymised_at', type: 'timestamptz', nullable: true })
  anonymisedAt: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
