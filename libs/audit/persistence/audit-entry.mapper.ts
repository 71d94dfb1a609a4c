import type { Actor } from '@switchyard/kernel';
import type { AuditEntry, AuditEntryDraft } from '../domain/audit-entry.js';
import type { AuditEntryEntity } from './audit-entry.entity.js';

/** Audit rows to plain entries, and drafts to rows. */
export const AuditEntryMapper = {
  entry: (row: AuditEntryEntity): AuditEntry => ({
    id: String(row.id),
    at: new Date(row.at).toISOString(),
    actor: { type: row.actorType as Actor['type'], id: row.actorId, name: row.actorName },
    action: row.action,
    projectKey: row.projectKey,
    environmentKey: row.environmentKey,
    flagKey: row.flagKey,
    segmentKey: row.segmentKey,
    reason: row.reason,
    details: row.details as Record<string, unknown>,
  }),
  row: (draft: AuditEntryDraft): Omit<AuditEntryEntity, 'id'> => ({
    at: new Date(draft.at),
    actorType: draft.actor.type,
    actorId: draft.actor.id,
    actorName: draft.actor.name,
    action: draft.action,
    projectKey: draft.projectKey,
    environmentKey: draft.environmentKey,
    flagKey: draft.flagKey,
    segmentKey: draft.segmentKey,
    reason: draft.reason,
    details: draft.details,
  }),
};
