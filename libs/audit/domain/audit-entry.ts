import type { Actor } from '@switchyard/kernel';

/** What a mutation was and who did it, as written in the same transaction as the mutation. */
export interface AuditEntryDraft {
  /** ISO-8601 UTC. */
  at: string;
  actor: Pick<Actor, 'type' | 'id' | 'name'>;
  /** Dotted verb, e.g. `flag.created`, `flag-config.killed`, `segment.updated`. */
  action: string;
  projectKey: string | null;
  environmentKey: string | null;
  flagKey: string | null;
  segmentKey: string | null;
  reason: string | null;
  /** Action-specific facts: versions, kinds, changed fields. */
  details: Record<string, unknown>;
}

/** A recorded audit entry; ids grow with time, so they page newest first. */
export interface AuditEntry extends AuditEntryDraft {
  id: string;
}

/** Filters of the audit log; every field narrows the result. */
export interface AuditQuery {
  project?: string;
  environment?: string;
  flag?: string;
  /** Matches the actor's id or name. */
  actor?: string;
  from?: string;
  to?: string;
  /** Return entries older than this entry id (pagination cursor). */
  before?: string;
  limit: number;
}

/** One page of the audit log, newest first, with the cursor of the next page when there is one. */
export interface AuditPage {
  items: AuditEntry[];
  nextBefore: string | null;
}

/** Where writes append their audit entries, inside their own transaction. */
export interface AuditSink {
  append(entry: AuditEntryDraft): Promise<void>;
}
