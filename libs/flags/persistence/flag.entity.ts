import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `flags`: project-level metadata of a flag. */
@Entity('flags')
export class FlagEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'project_id' }) projectId: string;
  @Column('text') key: string;
  @Column('text') name: string;
  @Column('text') description: string;
  @Column('text') type: string;
  // Typed loosely: TypeORM's deep-partial types do not terminate on the recursive JsonValue.
  @Column('json') variants: object;
  @Column({ type: 'text', array: true }) tags: string[];
  @Column('boolean') temporary: boolean;
  @Column({ type: 'timestamptz', name: 'archived_at', nullable: true }) archivedAt: Date | null;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
