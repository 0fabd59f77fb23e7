import {
  Check,
  Column,
  CreateDateColumn,
  Entity,
  Index,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
} from 'typeorm';
import type { Role } from '@beacon/domain';

@Entity({ name: 'users' })
@Index('users_created_at_id_idx', ['createdAt', 'id'])
@Check('users_roles_valid', `cardinality(roles) > 0 AND roles <@ ARRAY['ADVOCATE','MANAGER','ADMIN']::text[]`)
@Check('users_email_normalised', `email = lower(btrim(email))`)
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Stored trimmed and lower-cased, so the unique index makes addresses unique case-insensitively. */
  @Index('users_email_key', { unique: true })
  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'display_name', type: 'text' })
  displayName: string;

  @Column({ type: 'text', array: true })
  roles: Role[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @Column({ name: 'password_hash', type: 'text' })
  passwordHash: string;

  /**
   * Set while the password is one an admin gave (a new account or a reset): until it is changed
   * the account can do nothing else, and after this moment it no longer signs in (ASVS 6.4.1).
   */
  @Column({ name: 'temporary_password_until', type: 'timestamptz', nullable: true })
  temporaryPasswordUntil: Date | null;

  /** The TOTP secret, AES-256-GCM encrypted (auth/mfa/secret-box.ts); set once enrolment is confirmed. */
  @Column({ name: 'mfa_secret', type: 'text', nullable: true })
  mfaSecret: string | null;

  /** A secret shown for enrolment and not yet confirmed with a code (encrypted likewise). */
  @Column({ name: 'mfa_pending_secret', type: 'text', nullable: true })
  mfaPendingSecret: string | null;

  @Column({ name: 'mfa_enabled_at', type: 'timestamptz', nullable: true })
  mfaEnabledAt: Date | null;

  /** The last TOTP time step accepted: a code is refused once used (RFC 6238 section 5.2). */
  @Column({ name: 'mfa_last_step', type: 'bigint', nullable: true })
  mfaLastStep: string | null;

  /**
   * For roles that need two-step verification: until when the account may work without it.
   * Null or past means now: the account can do nothing but enrol.
   */
  @Column({ name: 'mfa_enrol_by', type: 'timestamptz', nullable: true })
  mfaEnrolBy: Date | null;

  @Column({ type: 'integer', default: 1 })
  version: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
