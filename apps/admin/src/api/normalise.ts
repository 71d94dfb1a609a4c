import type { JsonValue } from '@switchyard/evaluation';
import type { AuditEntry, DeliveryStatus, EnvironmentFlag, FlagConfig, FlagMeta, FlagVersion } from './types.js';

type Loose = Record<string, unknown>;

/** A list answer, whether the service sends a bare array or `{ items | data | <name>: [...] }`. */
export function listOf<T>(body: unknown, ...names: string[]): T[] {
  if (Array.isArray(body)) return body as T[];
  if (body && typeof body === 'object') {
    for (const name of ['items', 'data', ...names]) {
      const value = (body as Loose)[name];
      if (Array.isArray(value)) return value as T[];
    }
  }
  return [];
}

/** Actors arrive as a name or as `{ type, id, name }`. */
export function actorName(actor: unknown): string {
  if (typeof actor === 'string') return actor;
  if (actor && typeof actor === 'object') {
    const { name, id, type } = actor as Loose;
    return String(name ?? id ?? type ?? 'unknown');
  }
  return 'unknown';
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/**
 * A flag config answer → the wire format the UI edits. The service answers either a wire flag, or
 * `{ version, config, wire?, updatedAt }`; variants live on the flag's metadata and are filled in from it.
 */
export function toFlagConfig(raw: Loose, variants?: Record<string, JsonValue>): FlagConfig {
  const inner = (raw.wire ?? raw.config ?? raw) as Loose;
  return {
    ...(inner as unknown as FlagConfig),
    killed: (inner.killed as FlagConfig['killed']) ?? null,
    rules: (inner.rules as FlagConfig['rules']) ?? [],
    prerequisites: (inner.prerequisites as FlagConfig['prerequisites']) ?? [],
    version: Number(raw.version ?? inner.version ?? 0),
    variants: (inner.variants as FlagConfig['variants']) ?? variants ?? {},
    updatedAt: text(raw.updatedAt ?? inner.updatedAt),
    environmentVersion: typeof raw.environmentVersion === 'number' ? raw.environmentVersion : undefined,
  };
}

/** One item of an environment's flag list: the flag's metadata beside its config (and the config's version). */
export function toEnvironmentFlag(raw: Loose): EnvironmentFlag {
  const { version, config, configUpdatedAt, ...metadata } = raw;
  const meta = { ...metadata, tags: metadata.tags ?? [], variants: metadata.variants ?? {} } as unknown as FlagMeta;
  return { meta, config: toFlagConfig({ version, config, updatedAt: configUpdatedAt }, meta.variants) };
}

export function toFlagVersion(raw: Loose): FlagVersion {
  const config = toFlagConfig({ ...raw, wire: undefined, config: raw.config ?? raw.flag ?? raw });
  return {
    version: Number(raw.version ?? config.version),
    kind: text(raw.kind),
    at: String(raw.at ?? raw.createdAt ?? raw.timestamp ?? ''),
    actor: actorName(raw.actor ?? raw.by ?? raw.createdBy),
    reason: text(raw.reason),
    config,
  };
}

export function toAuditEntry(raw: Loose, index: number): AuditEntry {
  return {
    id: String(raw.id ?? index),
    at: String(raw.at ?? raw.createdAt ?? raw.timestamp ?? ''),
    actor: actorName(raw.actor ?? raw.by),
    action: String(raw.action ?? raw.type ?? raw.event ?? ''),
    project: text(raw.project ?? raw.projectKey),
    environment: text(raw.environment ?? raw.environmentKey),
    flag: text(raw.flag ?? raw.flagKey),
    reason: text(raw.reason),
    details: raw.details ?? raw.diff ?? raw.after ?? raw.payload,
  };
}

export function toDeliveryStatus(raw: Loose | undefined): DeliveryStatus | undefined {
  if (!raw || typeof raw !== 'object') return undefined;
  const applied = Number(raw.appliedInstances ?? raw.applied);
  const instances = Number(raw.liveInstances ?? raw.instances);
  if (!Number.isFinite(applied) || !Number.isFinite(instances)) return undefined;
  const propagation = (raw.propagationMs ?? {}) as Loose;
  const p99 = propagation.p99 ?? raw.p99Ms;
  return {
    version: Number(raw.version ?? 0),
    applied,
    instances,
    p99Ms: typeof p99 === 'number' ? p99 : undefined,
  };
}
