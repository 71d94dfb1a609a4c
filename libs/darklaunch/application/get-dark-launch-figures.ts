import { figuresOf, sumCounts, type DarkLaunchFigures } from '../domain/dark-launch-figures.js';
import type { DarkLaunchStore } from './dark-launch-ports.js';
import { BUCKET_MS } from './record-dark-launches.js';

/**
 * A dark launch's figures since a time: sums over the fleet's buckets that started at or after `since` (rounded
 * up to the next 10 s bucket, so nothing from before `since` counts), p99 from the merged histograms. What ramp
 * plans judge a step by.
 */
export class GetDarkLaunchFigures {
  constructor(private readonly store: DarkLaunchStore) {}

  async execute(query: { environmentId: string; flagKey: string; since: Date }): Promise<DarkLaunchFigures> {
    const since = new Date(Math.ceil(query.since.getTime() / BUCKET_MS) * BUCKET_MS);
    return figuresOf(sumCounts(await this.store.buckets(query.environmentId, query.flagKey, since)));
  }
}
