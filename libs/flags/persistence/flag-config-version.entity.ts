import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FlagConfig } from '../domain/flag-config.js';

/** Row of `flag_config_versions`: an immutable revision of a flag config. */
@Entity('flag_config_versions')
export class FlagConfigVersionEntity {
  @PrimaryColumn({ type: 'uuid', name: 'flag_id' }) flagId: string;
  @PrimaryColumn({ type: 'uuid', name: 'environment_id' }) environmentId: string;
  @PrimaryColumn('integer') version: number;
  @Column('json') config: FlagConfig;
  @Column('text') kind: string;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ type: 'text', name: 'actor_type' }) actorType: string;
  @Column({ type: 'text', name: 'actor_id' }) actorId: string;
  @Column({ type: 'text', name: 'actor_name' }) actorName: string;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
