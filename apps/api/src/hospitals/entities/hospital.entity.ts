import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** A hospital with mental-health wards the service visits (reference data). */
@Entity({ name: 'hospitals' })
export class HospitalEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Index('hospitals_name_key', { unique: true })
  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  address: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
