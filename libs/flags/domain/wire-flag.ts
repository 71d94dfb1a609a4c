import type { Flag, Segment } from '@switchyard/evaluation';
import type { FlagConfig } from './flag-config.js';
import type { FlagDefinition } from './flag-definition.js';
import type { SegmentDefinition } from './segment-definition.js';

/** Maps a flag and its config in one environment to the engine's wire `Flag`, at the config's version. */
export function toWireFlag(flag: FlagDefinition, config: FlagConfig, version: number): Flag {
  const wire: Flag = {
    key: flag.key,
    type: flag.type,
    version,
    variants: flag.variants,
    offVariant: config.offVariant,
    on: config.on,
    rules: config.rules,
    fallthrough: config.fallthrough,
    salt: config.salt,
  };
  if (config.killed) wire.killed = config.killed;
  if (config.prerequisites.length > 0) wire.prerequisites = config.prerequisites;
  if (config.breaker) wire.breaker = config.breaker;
  return wire;
}

/** Maps a segment to the engine's wire `Segment`. */
export function toWireSegment(segment: SegmentDefinition): Segment {
  return {
    key: segment.key,
    included: segment.included,
    excluded: segment.excluded,
    conditions: segment.conditions,
  };
}
