import type { Condition } from '@switchyard/evaluation';
import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `segments`. */
@Entity('segments')
export class SegmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'project_id' }) projectId: string;
  @Column('text') key: string;
  @Column('text') name: string;
  @Column('text') description: string;
  @Column('jsonb') included: string[];
  @Column('jsonb') excluded: string[];
  @Column('json') conditions: Condition[];
  @Column('integer') version: number;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
