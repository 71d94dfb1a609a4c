import type { Condition, EvaluationResult, Flag, FlagType, JsonValue } from '@switchyard/evaluation';

export type Role = 'viewer' | 'editor' | 'admin';

export type TokenHolder = 'person' | 'automation';

export interface Project {
  key: string;
  name: string;
}

export interface Environment {
  key: string;
  name: string;
  /** One integer per environment, bumped by every change. */
  version: number;
}

/** A flag's project-level metadata. */
export interface FlagMeta {
  key: string;
  name: string;
  description?: string;
  type: FlagType;
  variants: Record<string, JsonValue>;
  tags: string[];
  archivedAt?: string | null;
}

/** A flag's configuration in one environment: the engine's wire format plus who last changed it. */
export interface FlagConfig extends Flag {
  /** The environment version a write produced (present on the answers of writes). */
  environmentVersion?: number;
  updatedAt?: string;
  updatedBy?: string;
}

/** A flag with its config in one environment, as the environment's flag list answers it. */
export interface EnvironmentFlag {
  meta: FlagMeta;
  config: FlagConfig;
}

/** One immutable version of a flag config. */
export interface FlagVersion {
  version: number;
  /** create, update, toggle, kill, restore, revert… */
  kind?: string;
  at: string;
  actor: string;
  reason?: string;
  config: FlagConfig;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: string;
  action: string;
  project?: string;
  environment?: string;
  flag?: string;
  reason?: string;
  details?: unknown;
}

export interface AdminToken {
  id: string;
  name: string;
  role: Role;
  holder: TokenHolder | null;
  /** The first characters of the secret, to recognise it. */
  hint?: string;
  createdAt?: string;
  revokedAt?: string | null;
  lastUsedAt?: string | null;
  /** Present only in the answer that created it. */
  token?: string;
}

export interface SdkKey {
  id: string;
  name: string;
  hint?: string;
  createdAt?: string;
  revokedAt?: string | null;
  lastUsedAt?: string | null;
  /** Present only in the answer that created it. */
  key?: string;
}

/** Who is signed in: the admin token's id, name and role. */
export interface Identity {
  id: string;
  name: string;
  role: Role;
}

/** "Version N applied by X of Y instances, p99 T ms" — as far as the delivery endpoint reports it. */
export interface DeliveryStatus {
  version: number;
  applied: number;
  instances: number;
  p99Ms?: number;
}

export type Evaluation = EvaluationResult;

/** A project-level segment as the admin API answers it. */
export interface SegmentRecord {
  key: string;
  name: string;
  description?: string;
  included: string[];
  excluded: string[];
  conditions: Condition[];
  version: number;
  updatedAt?: string;
}

/** What a webhook may subscribe to. */
export type WebhookEvent = 'kill' | 'restore' | 'trip' | 'probing' | 'recovered' | 'change';

/** A project's webhook (never its secret, except in the answers of create and rotate-secret). */
export interface Webhook {
  id: string;
  projectKey: string;
  url: string;
  description: string;
  events: WebhookEvent[];
  enabled: boolean;
  secretHint: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  /** Present only in the answers of create and rotate-secret. */
  secret?: string;
}

/** One event's delivery to one webhook. */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: WebhookEvent | 'test';
  status: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  lastAttemptAt: string | null;
  nextAttemptAt: string | null;
  createdAt: string;
  completedAt: string | null;
  body: string;
}
