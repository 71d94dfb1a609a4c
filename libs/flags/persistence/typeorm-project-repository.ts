import type { EntityManager } from 'typeorm';
import type { ProjectRepository, ReadOptions } from '../application/flags-unit-of-work.js';
import type { Project } from '../domain/project.js';
import { FlagsMapper } from './flags.mapper.js';
import { lockClause } from './lock-clause.js';
import { ProjectEntity } from './project.entity.js';
import { insertOrConflict } from './unique-violation.js';

/** Projects in Postgres. */
export class TypeormProjectRepository implements ProjectRepository {
  constructor(private readonly manager: EntityManager) {}

  insert(project: Project): Promise<void> {
    const row = { ...project, createdAt: new Date(project.createdAt) };
    return insertOrConflict('project', project.key, () => this.manager.insert(ProjectEntity, row));
  }

  async findByKey(key: string, options: ReadOptions = {}): Promise<Project | null> {
    const row = await this.manager.findOne(ProjectEntity, { where: { key }, ...lockClause(options) });
    return row ? FlagsMapper.project(row) : null;
  }

  async findById(id: string): Promise<Project | null> {
    const row = await this.manager.findOneBy(ProjectEntity, { id });
    return row ? FlagsMapper.project(row) : null;
  }

  async list(): Promise<Project[]> {
    return (await this.manager.find(ProjectEntity, { order: { key: 'ASC' } })).map(FlagsMapper.project);
  }
}
