import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last number given out per year for references REF-YYYY-NNNNNN (incremented under a row lock). */
@Entity({ name: 'reference_counters' })
export class ReferenceCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year: number;

  @Column({ name: 'last_value', type: 'integer' })
  lastValue: number;
}
