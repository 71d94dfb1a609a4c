import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `environments`; `version` is bumped by every change (a bigint, read as a string). */
@Entity('environments')
export class EnvironmentEntity {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'uuid', name: 'project_id' }) projectId: string;
  @Column('text') key: string;
  @Column('text') name: string;
  @Column('bigint') version: string;
  @Column('boolean') protected: boolean;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
