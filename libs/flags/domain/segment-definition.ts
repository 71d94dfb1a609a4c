import type { Condition } from '@switchyard/evaluation';

/** A project-level group of contexts, with its metadata and its own version counter. */
export interface SegmentDefinition {
  id: string;
  projectId: string;
  key: string;
  name: string;
  description: string;
  included: string[];
  excluded: string[];
  conditions: Condition[];
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** The editable fields of a segment. */
export interface SegmentInput {
  name: string;
  description?: string;
  included?: string[];
  excluded?: string[];
  conditions?: Condition[];
}
