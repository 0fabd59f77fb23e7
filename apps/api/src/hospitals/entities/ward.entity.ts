import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  PrimaryGeneratedColumn,
} from 'typeorm';
import { HospitalEntity } from './hospital.entity';

/** A ward of a hospital (reference data): what visit schedules are for. */
@Entity({ name: 'wards' })
@Index('wards_hospital_name_key', ['hospitalId', 'name'], { unique: true })
export class WardEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'hospital_id', type: 'uuid' })
  hospitalId: string;

  @ManyToOne(() => HospitalEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'hospital_id' })
  hospital?: HospitalEntity;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  specialty: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
