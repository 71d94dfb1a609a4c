import type { Patch } from '@switchyard/evaluation';
import type { AuditEntryDraft } from '@switchyard/audit';
import { DomainError } from '@switchyard/kernel';
import type { FlagsTransaction } from '../application/flags-unit-of-work.js';
import { FlagsUnitOfWork } from '../application/flags-unit-of-work.js';
import type { FlagConfigRecord, FlagConfigVersion } from '../domain/flag-config.js';
import type { FlagDefinition } from '../domain/flag-definition.js';
import type { Environment, Project } from '../domain/project.js';
import type { SegmentDefinition } from '../domain/segment-definition.js';

/** Everything the fake stores; tests read it directly. */
export interface InMemoryFlagsState {
  projects: Project[];
  environments: Environment[];
  flags: FlagDefinition[];
  configs: FlagConfigRecord[];
  versions: FlagConfigVersion[];
  segments: SegmentDefinition[];
  changeLog: Array<{ environmentId: string; patch: Patch; createdAt?: Date }>;
  audit: AuditEntryDraft[];
}

const empty = (): InMemoryFlagsState => ({
  projects: [],
  environments: [],
  flags: [],
  configs: [],
  versions: [],
  segments: [],
  changeLog: [],
  audit: [],
});

function duplicate(what: string): DomainError {
  return new DomainError('ALREADY_EXISTS', `duplicate ${what}`);
}

/** An in-memory unit of work: work runs on a copy of the state, kept only when it succeeds (rollback). */
export class InMemoryFlagsUnitOfWork extends FlagsUnitOfWork {
  state: InMemoryFlagsState = empty();
  /** Called after each config write; a test throws from it to fail a transaction midway. */
  afterConfigSave: () => void = () => undefined;

  private queue: Promise<unknown> = Promise.resolve();

  /** Runs one transaction at a time (as if every write took the same lock), so a draft never goes stale. */
  run<T>(work: (tx: FlagsTransaction) => Promise<T>): Promise<T> {
    const next = this.queue.then(async () => {
      const draft = structuredClone(this.state);
      const result = await work(this.transaction(draft));
      this.state = draft;
      return structuredClone(result);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private transaction(s: InMemoryFlagsState): FlagsTransaction {
    const copy = <T>(value: T): T => structuredClone(value);
    const replace = <T extends { id: string }>(list: T[], item: T) =>
      list.splice(
        list.findIndex((x) => x.id === item.id),
        1,
        copy(item),
      );
    return {
      projects: {
        insert: async (project) => {
          if (s.projects.some((p) => p.key === project.key)) throw duplicate('project');
          s.projects.push(copy(project));
        },
        findByKey: async (key) => copy(s.projects.find((p) => p.key === key) ?? null),
        findById: async (id) => copy(s.projects.find((p) => p.id === id) ?? null),
        list: async () => copy(s.projects),
      },
      environments: {
        insert: async (environment) => void s.environments.push(copy(environment)),
        findByKey: async (projectId, key) =>
          copy(s.environments.find((e) => e.projectId === projectId && e.key === key) ?? null),
        findById: async (id) => copy(s.environments.find((e) => e.id === id) ?? null),
        listByProject: async (projectId) => copy(s.environments.filter((e) => e.projectId === projectId)),
        bumpVersion: async (id) => {
          const e = s.environments.find((x) => x.id === id)!;
          e.version += 1;
          return e.version;
        },
        setProtected: async (id, isProtected) => {
          s.environments.find((x) => x.id === id)!.protected = isProtected;
        },
      },
      flags: {
        insert: async (flag) => void s.flags.push(copy(flag)),
        update: async (flag) => void replace(s.flags, flag),
        findByKey: async (projectId, key) =>
          copy(s.flags.find((f) => f.projectId === projectId && f.key === key) ?? null),
        listByProject: async (projectId, all) =>
          copy(s.flags.filter((f) => f.projectId === projectId && (all || !f.archivedAt))),
      },
      configs: {
        find: async (flagId, environmentId) =>
          copy(s.configs.find((c) => c.flagId === flagId && c.environmentId === environmentId) ?? null),
        listByEnvironment: async (environmentId) => copy(s.configs.filter((c) => c.environmentId === environmentId)),
        save: async (record, version) => {
          s.configs = s.configs.filter(
            (c) => !(c.flagId === record.flagId && c.environmentId === record.environmentId),
          );
          s.configs.push(copy(record));
          if (
            s.versions.some(
              (v) =>
                v.flagId === version.flagId &&
                v.environmentId === version.environmentId &&
                v.version === version.version,
            )
          ) {
            throw duplicate('version');
          }
          s.versions.push(copy(version));
          this.afterConfigSave();
        },
        listVersions: async (flagId, environmentId, limit) =>
          copy(
            s.versions
              .filter((v) => v.flagId === flagId && v.environmentId === environmentId)
              .reverse()
              .slice(0, limit),
          ),
        findVersion: async (flagId, environmentId, n) =>
          copy(
            s.versions.find((v) => v.flagId === flagId && v.environmentId === environmentId && v.version === n) ?? null,
          ),
      },
      segments: {
        insert: async (segment) => void s.segments.push(copy(segment)),
        update: async (segment) => void replace(s.segments, segment),
        findByKey: async (projectId, key) =>
          copy(s.segments.find((x) => x.projectId === projectId && x.key === key) ?? null),
        listByProject: async (projectId) => copy(s.segments.filter((x) => x.projectId === projectId)),
      },
      changeLog: {
        append: async (environmentId, patch) =>
          void s.changeLog.push({ environmentId, patch: copy(patch), createdAt: new Date() }),
        listAfter: async (environmentId, after) =>
          copy(
            s.changeLog
              .filter((row) => row.environmentId === environmentId && row.patch.version > after)
              .map((row) => row.patch),
          ),
        prune: async ({ keepVersions, olderThan, limit }) => {
          const current = (id: string) => s.environments.find((e) => e.id === id)?.version ?? 0;
          const doomed = s.changeLog
            .filter(
              (row) =>
                row.patch.version <= current(row.environmentId) - keepVersions ||
                (row.createdAt !== undefined && row.createdAt < olderThan),
            )
            .slice(0, limit);
          s.changeLog = s.changeLog.filter((row) => !doomed.includes(row));
          return doomed.length;
        },
      },
      audit: { append: async (entry) => void s.audit.push(copy(entry)) },
    };
  }
}
