import type { Actor, Role, TokenHolder } from '@switchyard/kernel';
import type { AdminToken } from '../domain/admin-token.js';
import type { SdkKey } from '../domain/sdk-key.js';

/** A stored credential with the hash it was found by. */
export interface StoredCredential<T> {
  record: T;
  hash: Buffer;
}

/** Port: where admin tokens live. Secrets never reach it, only their SHA-256. */
export abstract class AdminTokenRepository {
  abstract insert(input: {
    name: string;
    role: Role;
    holder: TokenHolder | null;
    hash: Buffer;
    hint: string;
    createdBy: string;
  }): Promise<AdminToken>;
  abstract findByHash(hash: Buffer): Promise<StoredCredential<AdminToken> | null>;
  abstract list(): Promise<AdminToken[]>;
  /** Sets revoked_at if not yet set; null when no token has this id. */
  abstract revoke(id: string, at: Date): Promise<AdminToken | null>;
  abstract countActiveAdmins(): Promise<number>;
  /** The ids among `ids` whose token is revoked. */
  abstract revokedAmong(ids: string[]): Promise<string[]>;
  abstract touch(id: string, at: Date): Promise<void>;
  /** Runs `work` while holding a cluster-wide lock, so two nodes never bootstrap at once. */
  abstract exclusively<T>(work: () => Promise<T>): Promise<T>;
}

/** Port: where SDK keys live. */
export abstract class SdkKeyRepository {
  abstract insert(input: {
    name: string;
    projectId: string;
    environmentId: string;
    hash: Buffer;
    hint: string;
    createdBy: string;
  }): Promise<SdkKey>;
  abstract findByHash(hash: Buffer): Promise<StoredCredential<SdkKey> | null>;
  abstract listByEnvironment(environmentId: string): Promise<SdkKey[]>;
  abstract revoke(id: string, at: Date): Promise<SdkKey | null>;
  abstract touch(id: string, at: Date): Promise<void>;
  /** The ids among `ids` whose key is revoked. */
  abstract revokedAmong(ids: string[]): Promise<string[]>;
}

/** The answer to "which environment is <project>/<environment>?": its ids, or which key names nothing. */
export type EnvironmentLookup = { projectId: string; environmentId: string } | { missing: 'project' | 'environment' };

/** Port: the question "which environment is <project>/<environment>?", answered by the flags context. */
export abstract class EnvironmentDirectory {
  abstract find(projectKey: string, environmentKey: string): Promise<EnvironmentLookup>;
}

/** One access event for the audit log. */
export interface AccessAuditEvent {
  action: 'admin-token.created' | 'admin-token.revoked' | 'sdk-key.created' | 'sdk-key.revoked';
  actor: Actor;
  projectKey?: string | null;
  environmentKey?: string | null;
  details: Record<string, unknown>;
}

/** Port: records access events in the audit log (the audit context provides the adapter). */
export abstract class AccessAudit {
  abstract record(event: AccessAuditEvent): Promise<void>;
}

/** The ports a write uses, all bound to one transaction. */
export interface AccessWriteScope {
  tokens: AdminTokenRepository;
  keys: SdkKeyRepository;
  audit: AccessAudit;
}

/** Port: runs a write and its audit entry in one transaction (both commit, or neither). */
export abstract class AccessTransaction {
  abstract run<T>(work: (scope: AccessWriteScope) => Promise<T>): Promise<T>;
}
