import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Row of `change_log`: the patch that brought an environment to `version`. */
@Entity('change_log')
export class ChangeLogEntity {
  @PrimaryColumn({ type: 'uuid', name: 'environment_id' }) environmentId: string;
  @PrimaryColumn('bigint') version: string;
  // Typed loosely: TypeORM's deep-partial types do not terminate on the recursive JsonValue of a Patch.
  @Column('json') payload: object;
  @Column({ type: 'timestamptz', name: 'created_at' }) createdAt: Date;
}
