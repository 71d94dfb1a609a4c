import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { FlagConfig } from '../domain/flag-config.js';

/** Row of `flag_configs`: the current config of one flag in one environment. */
@Entity('flag_configs')
export class FlagConfigEntity {
  @PrimaryColumn({ type: 'uuid', name: 'flag_id' }) flagId: string;
  @PrimaryColumn({ type: 'uuid', name: 'environment_id' }) environmentId: string;
  @Column('integer') version: number;
  @Column('json') config: FlagConfig;
  @Column({ type: 'timestamptz', name: 'updated_at' }) updatedAt: Date;
}
