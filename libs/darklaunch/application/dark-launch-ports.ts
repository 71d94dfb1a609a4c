import type { DifferingPath, MismatchSample } from '../domain/dark-launch-report.js';

/** One bucket (BUCKET_MS) of a flag's dark-launch reports, summed over the fleet. */
export interface DarkLaunchBucket {
  environmentId: string;
  flagKey: string;
  /** The bucket's start (a multiple of BUCKET_MS): reports are filed by the start of their SDK window. */
  start: Date;
  /** Calls by the variant served. */
  off: number;
  shadow: number;
  live: number;
  compared: number;
  matches: number;
  mismatches: number;
  ignored: number;
  candidateErrors: number;
  timeouts: number;
  skipped: number;
  liveCalls: number;
  liveFailures: number;
  /** Histogram counts, one per DURATION_BUCKETS_MS bucket. */
  controlMs: number[];
  candidateMs: number[];
}

/** A minute's differing paths of one flag (top paths only; paths are kept per minute, counters per bucket). */
export interface PathMinute {
  environmentId: string;
  flagKey: string;
  minute: Date;
  paths: DifferingPath[];
}

/** A mismatch sample as kept: which flag, and the start of the window it was seen in. */
export interface KeptSample extends MismatchSample {
  environmentId: string;
  flagKey: string;
  at: Date;
}

/** The dark-launch flags of each environment (the flags context, behind a port). */
export abstract class DarkLaunchFlags {
  /**
   * Whether the environment has the flag and it is a dark launch (variants exactly off, shadow, live). Cached; a
   * name not known may be reloaded at most every second.
   */
  abstract isDarkLaunch(environmentId: string, flagKey: string): Promise<boolean>;
  /**
   * The flag by keys (for people): its environment's id and whether it is a dark launch; throws NOT_FOUND for
   * an unknown project, environment or flag.
   */
  abstract byKeys(
    projectKey: string,
    environmentKey: string,
    flagKey: string,
  ): Promise<{ environmentId: string; darkLaunch: boolean }>;
}

/** The dark-launch reports in Postgres, shared by every node. */
export abstract class DarkLaunchStore {
  /** Adds buckets, paths and samples (counts add up whatever other nodes write meanwhile). */
  abstract record(buckets: DarkLaunchBucket[], paths: PathMinute[], samples: KeptSample[]): Promise<void>;
  /** The flag's buckets starting at or after `since`, oldest first. */
  abstract buckets(environmentId: string, flagKey: string, since: Date): Promise<DarkLaunchBucket[]>;
  /** The flag's differing paths since `since`, summed, most frequent first (at most `limit`). */
  abstract paths(environmentId: string, flagKey: string, since: Date, limit: number): Promise<DifferingPath[]>;
  /** The flag's newest samples since `since` (at most `limit`), newest first. */
  abstract samples(environmentId: string, flagKey: string, since: Date, limit: number): Promise<KeptSample[]>;
  /** Deletes rows older than `olderThan`, paths beyond the top ones per minute, samples beyond the newest. */
  abstract prune(olderThan: Date): Promise<number>;
}
