import type { FlagType, JsonValue } from '@switchyard/evaluation';

/** A flag's project-level metadata: what it is, not how it is configured in an environment. */
export interface FlagDefinition {
  id: string;
  projectId: string;
  key: string;
  name: string;
  description: string;
  type: FlagType;
  variants: Record<string, JsonValue>;
  tags: string[];
  /** Temporary flags (releases, experiments) are meant to be removed; permanent ones (ops, entitlements) stay. */
  temporary: boolean;
  /** ISO-8601 UTC; archived flags vanish from snapshots but stay readable. */
  archivedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** The metadata fields of a flag that may change after creation. */
export interface FlagDefinitionChanges {
  name?: string;
  description?: string;
  tags?: string[];
  temporary?: boolean;
}
