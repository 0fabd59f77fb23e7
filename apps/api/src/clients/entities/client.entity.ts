import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import {
  AGE_BANDS,
  DISABILITIES,
  ETHNICITIES,
  GENDERS,
  LOCAL_AUTHORITIES,
  type AgeBand,
  type Disability,
  type Ethnicity,
  type Gender,
  type LocalAuthority,
} from '@beacon/domain';
import { sqlList } from '../../database/sql';

/** A person referred to the service (or a carer). Case data: every read and write is audited. */
@Entity({ name: 'clients' })
@Check('clients_local_authority_valid', `local_authority IN (${sqlList(LOCAL_AUTHORITIES)})`)
@Check('clients_nhs_number_format', `nhs_number IS NULL OR nhs_number ~ '^[0-9]{10}$'`)
@Check('clients_age_band_valid', `age_band IS NULL OR age_band IN (${sqlList(AGE_BANDS)})`)
@Check('clients_gender_valid', `gender IS NULL OR gender IN (${sqlList(GENDERS)})`)
@Check('clients_ethnicity_valid', `ethnicity IS NULL OR ethnicity IN (${sqlList(ETHNICITIES)})`)
@Check('clients_disability_valid', `disability IS NULL OR disability IN (${sqlList(DISABILITIES)})`)
@Index('clients_name_dob_idx', ['lastNameKey', 'firstNameKey', 'dateOfBirth'])
export class ClientEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  /** Lower-cased, accent- and space-folded names for duplicate hints and search. */
  @Column({ name: 'first_name_key', type: 'text' })
  firstNameKey: string;

  @Column({ name: 'last_name_key', type: 'text' })
  lastNameKey: string;

  /** "first last" folded: searched with a trigram index (created in the migration, not by TypeORM). */
  @Index('clients_search_trgm_idx', { synchronize: false })
  @Column({ name: 'search_name', type: 'text' })
  searchName: string;

  @Column({ name: 'date_of_birth', type: 'date', nullable: true })
  dateOfBirth: string | null;

  @Index('clients_nhs_number_idx')
  @Column({ name: 'nhs_number', type: 'text', nullable: true })
  nhsNumber: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  @Column({ type: 'text', nullable: true })
  email: string | null;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @Column({ name: 'local_authority', type: 'text' })
  localAuthority: LocalAuthority;

  /**
   * Equality monitoring (optional; null when never asked). Reports take the age band from the
   * date of birth when there is one, so the band is for people who gave only that.
   */
  @Column({ name: 'age_band', type: 'text', nullable: true })
  ageBand: AgeBand | null;

  @Column({ type: 'text', nullable: true })
  gender: Gender | null;

  @Column({ type: 'text', nullable: true })
  ethnicity: Ethnicity | null;

  @Column({ type: 'text', nullable: true })
  disability: Disability | null;

  @Index('clients_created_by_idx')
  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
