/**
 * Leadership among the service's nodes: at most one node holds it at a time, and it passes to another node
 * when the holder stops or dies (its database session ends).
 */
export abstract class LeaderLock {
  /**
   * Takes the lock when it is free, or checks that this node still holds it. True while this node is the
   * leader. Never throws: any failure (database down, session lost) answers false.
   */
  abstract hold(): Promise<boolean>;

  /** Gives the lock up (at shutdown), so another node takes over at its next try. */
  abstract release(): Promise<void>;
}
