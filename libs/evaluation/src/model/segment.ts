import type { Condition } from './flag.js';

/** A project-level group of contexts: explicit includes and excludes, then conditions. */
export interface Segment {
  key: string;
  /** Context keys always in the segment (unless excluded). */
  included?: string[];
  /** Context keys never in the segment; beats `included` and conditions. */
  excluded?: string[];
  /** When present and non-empty, a context matching all of them is in the segment. */
  conditions?: Condition[];
}
