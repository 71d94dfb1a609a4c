import { diffConfigs } from './config-diff.js';
import type { FlagConfig } from './flag-config.js';
import type { FlagDefinition } from './flag-definition.js';
import type { SegmentDefinition } from './segment-definition.js';

// A write that would store what is already stored writes nothing (no version, audit entry or environment
// version bump) and answers `unchanged: true`. "The same" is the diff the history shows: key order is
// ignored except in a rollout's weights, where it is meaning.

/** True when a config write would change nothing. */
export function sameConfig(current: FlagConfig, next: FlagConfig): boolean {
  return diffConfigs(current, next).length === 0;
}

type SegmentContent = Pick<SegmentDefinition, 'name' | 'description' | 'included' | 'excluded' | 'conditions'>;

/** True when a segment write would change nothing (its name, description, lists and conditions). */
export function sameSegment(current: SegmentContent, next: SegmentContent): boolean {
  const content = ({ name, description, included, excluded, conditions }: SegmentContent) => ({
    name,
    description,
    included,
    excluded,
    conditions,
  });
  return diffConfigs(content(current), content(next)).length === 0;
}

type FlagMetadata = Pick<FlagDefinition, 'name' | 'description' | 'tags' | 'temporary'>;

/** True when a metadata edit would change nothing. */
export function sameMetadata(current: FlagMetadata, next: FlagMetadata): boolean {
  const content = ({ name, description, tags, temporary }: FlagMetadata) => ({ name, description, tags, temporary });
  return diffConfigs(content(current), content(next)).length === 0;
}
