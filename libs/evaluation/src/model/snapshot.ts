import type { Flag } from './flag.js';
import type { Segment } from './segment.js';

/** An environment's complete flag state as delivered to SDKs. */
export interface Snapshot {
  /** The environment's version: one integer, bumped by every change. */
  version: number;
  flags: Record<string, Flag>;
  segments: Record<string, Segment>;
}

/** An incremental change: flags set (or removed, when null) at a new environment version. */
export interface Patch {
  version: number;
  flags: Record<string, Flag | null>;
  segments?: Record<string, import('./segment.js').Segment | null>;
}
