import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** Row of `audit_log`. */
@Entity('audit_log')
export class AuditEntryEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column('timestamptz') at: Date;
  @Column({ type: 'text', name: 'actor_type' }) actorType: string;
  @Column({ type: 'text', name: 'actor_id' }) actorId: string;
  @Column({ type: 'text', name: 'actor_name' }) actorName: string;
  @Column('text') action: string;
  @Column({ type: 'text', name: 'project_key', nullable: true }) projectKey: string | null;
  @Column({ type: 'text', name: 'environment_key', nullable: true }) environmentKey: string | null;
  @Column({ type: 'text', name: 'flag_key', nullable: true }) flagKey: string | null;
  @Column({ type: 'text', name: 'segment_key', nullable: true }) segmentKey: string | null;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column('jsonb') details: object;
}
