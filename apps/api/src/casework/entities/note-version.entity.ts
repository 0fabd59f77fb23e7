import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CaseNoteEntity } from './case-note.entity';

/** One version of a case note's text. Never changed or deleted (a trigger refuses it). */
@Entity({ name: 'note_versions' })
@Index('note_versions_note_version_key', ['noteId', 'version'], { unique: true })
@Check('note_versions_body_length', `char_length(body) BETWEEN 1 AND 20000`)
@Check('note_versions_reason_for_amendments', `version = 1 OR reason IS NOT NULL`)
export class NoteVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'note_id', type: 'uuid' })
  noteId: string;

  @ManyToOne(() => CaseNoteEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'note_id' })
  note?: CaseNoteEntity;

  @Column({ type: 'integer' })
  version: number;

  @Column({ type: 'text' })
  body: string;

  /** Why it was amended (every version after the first). */
  @Column({ type: 'text', nullable: true })
  reason: string | null;

  @Column({ name: 'created_by', type: 'uuid' })
  createdBy: string;

  @Column({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
