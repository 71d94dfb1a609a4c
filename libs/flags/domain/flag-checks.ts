import { validateFlag, validateSegment, type Flag, type Segment } from '@switchyard/evaluation';
import type { StructureIssue } from './structure-issue.js';

/** What a flag is checked against: the other flags (prerequisites) and the segments of its environment. */
export interface FlagLookup {
  flags: Record<string, Flag>;
  segments: Record<string, Segment>;
}

/**
 * The engine's semantic checks of a wire flag against its environment: variant references and types,
 * weights, operators and values, segments, prerequisites and prerequisite cycles.
 */
export function checkFlag(flag: Flag, lookup: FlagLookup): StructureIssue[] {
  return validateFlag(flag, lookup);
}

/** The engine's checks of a segment against the project's others: lists, conditions, references, cycles. */
export function checkSegment(segment: Segment, segments: Record<string, Segment>): StructureIssue[] {
  return validateSegment(segment, { segments });
}
