import type { Segment } from '@switchyard/evaluation';
import { IssueList, type StructureIssue } from './structure-issue.js';

function referencedSegments(segment: Segment): string[] {
  return (segment.conditions ?? []).flatMap((condition) => ('segment' in condition ? [condition.segment] : []));
}

/** Semantic checks of a segment against the project's others: referenced segments exist, no cycles. */
export function checkSegment(segment: Segment, segments: Record<string, Segment>): StructureIssue[] {
  const list = new IssueList();
  (segment.conditions ?? []).forEach((condition, index) => {
    if ('segment' in condition && condition.segment !== segment.key && !(condition.segment in segments)) {
      list.add(`conditions[${index}].segment`, 'UNKNOWN_SEGMENT', `no segment "${condition.segment}"`);
    }
  });
  const all = { ...segments, [segment.key]: segment };
  const visit = (key: string, trail: string[]): string[] | null => {
    if (trail.includes(key)) return [...trail, key];
    for (const next of all[key] ? referencedSegments(all[key]) : []) {
      const cycle = visit(next, [...trail, key]);
      if (cycle) return cycle;
    }
    return null;
  };
  const cycle = visit(segment.key, []);
  if (cycle) list.add('conditions', 'SEGMENT_CYCLE', `segments form a cycle: ${cycle.join(' → ')}`);
  return list.issues;
}
