import type { ActivityBatch, EvaluatingInstance, EvaluationCount } from '../domain/flag-activity.js';

/** Evaluation counts, last evaluations and evaluating instances in Postgres, shared by every node. */
export abstract class FlagActivityStore {
  /** Adds the counts (they add up whatever other nodes write meanwhile); moves instances and times forward. */
  abstract record(batch: ActivityBatch): Promise<void>;
  /** The flag's buckets of `stepMs` starting at or after `since`. */
  abstract counts(environmentId: string, flagKey: string, stepMs: number, since: Date): Promise<EvaluationCount[]>;
  /** The flag's instances, most recently seen first (at most `limit`). */
  abstract instances(environmentId: string, flagKey: string, limit: number): Promise<EvaluatingInstance[]>;
  /** When each flag of the environment was last evaluated (flags never evaluated are absent). */
  abstract lastEvaluations(environmentId: string): Promise<Map<string, Date>>;
  /** Deletes buckets past their retention and instances beyond the newest per flag; returns how many rows. */
  abstract prune(now: Date): Promise<number>;
}

/** The flag a person asks about (the flags context, behind a port). */
export abstract class ActivityFlags {
  /** Its environment's id and its variants, in order; throws NOT_FOUND for an unknown project, environment or flag. */
  abstract byKeys(
    projectKey: string,
    environmentKey: string,
    flagKey: string,
  ): Promise<{ environmentId: string; variants: string[] }>;
}
