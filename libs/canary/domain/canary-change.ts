/** A kill or restore the canary wrote: the environment version it made, and when (ms since the epoch). */
export interface CanaryChange {
  version: number;
  kind: 'kill' | 'restore';
  /** When the writer asked for it: propagation is counted from here, as a person pressing kill would. */
  askedAt: number;
  /** When the write had committed (the writer's clock). */
  committedAt: number;
  /** The node that wrote it. */
  writtenBy: string;
}
