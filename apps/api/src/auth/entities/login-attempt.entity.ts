import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** Sign-in attempts, kept a day, for throttling across every API replica. */
@Entity({ name: 'login_attempts' })
@Index('login_attempts_email_ip_at_idx', ['email', 'ip', 'at'])
@Index('login_attempts_ip_at_idx', ['ip', 'at'])
export class LoginAttemptEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Index('login_attempts_at_idx')
  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;

  @Column({ type: 'text' })
  email: string;

  @Column({ type: 'text' })
  ip: string;

  @Column({ type: 'boolean' })
  success: boolean;

  /** Which step failed or passed: the password, or the two-step verification code after it. */
  @Column({ type: 'text', default: 'password' })
  factor: 'password' | 'mfa';
}
