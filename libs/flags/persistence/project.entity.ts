import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `projects`. */
@Entity('projects')
export class ProjectEntity {
  @PrimaryColumn('uuid') id: string;
  @Column('text') key: string;
  @Column('text') name: string;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
