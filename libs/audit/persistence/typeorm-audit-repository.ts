import { Injectable } from '@nestjs/common';
import { INTERNAL_PREFIX } from '@switchyard/kernel';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditLogReader } from '../application/audit-log-reader.js';
import type { AuditEntryDraft, AuditPage, AuditQuery, AuditSink } from '../domain/audit-entry.js';
import { AuditEntryEntity } from './audit-entry.entity.js';
import { AuditEntryMapper } from './audit-entry.mapper.js';

/** Appends audit entries inside the caller's transaction (through its EntityManager). */
export class TypeormAuditSink implements AuditSink {
  constructor(private readonly manager: EntityManager) {}

  async append(entry: AuditEntryDraft): Promise<void> {
    await this.manager.insert(AuditEntryEntity, AuditEntryMapper.row(entry));
  }
}

/** Reads the audit log newest first with the query's filters. */
@Injectable()
export class TypeormAuditRepository extends AuditLogReader {
  constructor(private readonly dataSource: DataSource) {
    super();
  }

  async list(query: AuditQuery): Promise<AuditPage> {
    const builder = this.dataSource.manager.createQueryBuilder(AuditEntryEntity, 'entry');
    // The service's own projects and actors (the canary's kills every 30 s) are never shown to customers.
    builder.where('(entry.project_key IS NULL OR NOT starts_with(entry.project_key, :internal))', {
      internal: INTERNAL_PREFIX,
    });
    builder.andWhere('NOT starts_with(entry.actor_id, :internal)');
    if (query.project) builder.andWhere('entry.project_key = :project', { project: query.project });
    if (query.environment) builder.andWhere('entry.environment_key = :environment', { environment: query.environment });
    if (query.flag) builder.andWhere('entry.flag_key = :flag', { flag: query.flag });
    if (query.actor) builder.andWhere('(entry.actor_id = :actor OR entry.actor_name = :actor)', { actor: query.actor });
    if (query.from) builder.andWhere('entry.at >= :from', { from: new Date(query.from) });
    if (query.to) builder.andWhere('entry.at <= :to', { to: new Date(query.to) });
    if (query.before) builder.andWhere('entry.id < :before', { before: query.before });
    const rows = await builder
      .orderBy('entry.id', 'DESC')
      .limit(query.limit + 1)
      .getMany();
    const items = rows.slice(0, query.limit).map(AuditEntryMapper.entry);
    return { items, nextBefore: rows.length > query.limit ? items.at(-1)!.id : null };
  }
}
