import type { EntityManager } from 'typeorm';
import type { SegmentRepository } from '../application/flags-unit-of-work.js';
import type { SegmentDefinition } from '../domain/segment-definition.js';
import { FlagsMapper } from './flags.mapper.js';
import { SegmentEntity } from './segment.entity.js';
import { insertOrConflict } from './unique-violation.js';

/** Segments in Postgres. */
export class TypeormSegmentRepository implements SegmentRepository {
  constructor(private readonly manager: EntityManager) {}

  insert(segment: SegmentDefinition): Promise<void> {
    return insertOrConflict('segment', segment.key, () =>
      this.manager.insert(SegmentEntity, FlagsMapper.segmentRow(segment)),
    );
  }

  async update(segment: SegmentDefinition): Promise<void> {
    const { id, ...rest } = FlagsMapper.segmentRow(segment);
    await this.manager.update(SegmentEntity, { id }, rest);
  }

  async findByKey(projectId: string, key: string): Promise<SegmentDefinition | null> {
    const row = await this.manager.findOneBy(SegmentEntity, { projectId, key });
    return row ? FlagsMapper.segment(row) : null;
  }

  async listByProject(projectId: string): Promise<SegmentDefinition[]> {
    return (await this.manager.find(SegmentEntity, { where: { projectId }, order: { key: 'ASC' } })).map(
      FlagsMapper.segment,
    );
  }
}
