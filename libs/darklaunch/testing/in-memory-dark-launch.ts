import {
  DarkLaunchFlags,
  DarkLaunchStore,
  type DarkLaunchBucket,
  type KeptSample,
  type PathMinute,
} from '../application/dark-launch-ports.js';
import { addHistogram, type DarkLaunchReport, type DifferingPath } from '../domain/dark-launch-report.js';

/** Dark-launch flags in memory: `add` makes a flag one. */
export class InMemoryDarkLaunchFlags extends DarkLaunchFlags {
  readonly flags = new Set<string>();

  add(environmentId: string, flagKey: string): void {
    this.flags.add(`${environmentId}/${flagKey}`);
  }

  async isDarkLaunch(environmentId: string, flagKey: string): Promise<boolean> {
    return this.flags.has(`${environmentId}/${flagKey}`);
  }

  /** Keys are taken as they are: project `p`, environment key = the environment id. */
  async byKeys(_projectKey: string, environmentKey: string, flagKey: string) {
    return { environmentId: environmentKey, darkLaunch: this.flags.has(`${environmentKey}/${flagKey}`) };
  }
}

/** The store in memory, adding as Postgres does. */
export class InMemoryDarkLaunchStore extends DarkLaunchStore {
  readonly rows = new Map<string, DarkLaunchBucket>();
  readonly pathRows = new Map<string, DifferingPath & { key: string; minute: Date }>();
  sampleRows: KeptSample[] = [];
  writes = 0;

  async record(buckets: DarkLaunchBucket[], paths: PathMinute[], samples: KeptSample[]): Promise<void> {
    this.writes++;
    for (const minute of buckets) {
      const key = `${flagOf(minute)}/${minute.start.getTime()}`;
      const row = this.rows.get(key);
      if (!row) {
        this.rows.set(key, { ...minute, controlMs: [...minute.controlMs], candidateMs: [...minute.candidateMs] });
        continue;
      }
      for (const field of COUNTERS) row[field] += minute[field];
      addHistogram(row.controlMs, minute.controlMs);
      addHistogram(row.candidateMs, minute.candidateMs);
    }
    for (const minute of paths)
      for (const path of minute.paths) {
        const key = `${keyOf(minute)}/${path.path}`;
        const row = this.pathRows.get(key);
        if (row) {
          row.count += path.count;
          row.noise ||= path.noise;
        } else this.pathRows.set(key, { ...path, key: flagOf(minute), minute: minute.minute });
      }
    this.sampleRows.push(...samples);
  }

  async buckets(environmentId: string, flagKey: string, since: Date): Promise<DarkLaunchBucket[]> {
    return [...this.rows.values()]
      .filter((m) => m.environmentId === environmentId && m.flagKey === flagKey && m.start >= since)
      .sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  async paths(environmentId: string, flagKey: string, since: Date, limit: number): Promise<DifferingPath[]> {
    const summed = new Map<string, DifferingPath>();
    for (const row of this.pathRows.values()) {
      if (row.key !== `${environmentId}/${flagKey}` || row.minute < since) continue;
      const known = summed.get(row.path) ?? { path: row.path, count: 0, noise: false };
      known.count += row.count;
      known.noise ||= row.noise;
      summed.set(row.path, known);
    }
    return [...summed.values()].sort((a, b) => b.count - a.count || (a.path < b.path ? -1 : 1)).slice(0, limit);
  }

  async samples(environmentId: string, flagKey: string, _since: Date, limit: number): Promise<KeptSample[]> {
    return this.sampleRows
      .filter((s) => s.environmentId === environmentId && s.flagKey === flagKey)
      .reverse()
      .slice(0, limit);
  }

  async prune(): Promise<number> {
    return 0;
  }
}

const COUNTERS = [
  'off',
  'shadow',
  'live',
  'compared',
  'matches',
  'mismatches',
  'ignored',
  'candidateErrors',
  'timeouts',
  'skipped',
  'liveCalls',
  'liveFailures',
] as const;

const flagOf = (m: { environmentId: string; flagKey: string }) => `${m.environmentId}/${m.flagKey}`;
const keyOf = (m: { environmentId: string; flagKey: string; minute: Date }) => `${flagOf(m)}/${m.minute.getTime()}`;

/** A report as an SDK sends it (counts zero unless given); `histogram(i, n)` puts n samples in bucket i. */
export function darkLaunchReport(
  flag: string,
  windowStart: Date,
  overrides: Partial<Omit<DarkLaunchReport, 'flag' | 'windowStart'>> = {},
): DarkLaunchReport {
  return {
    flag,
    windowStart,
    windowMs: 2000,
    modes: { off: 0, shadow: 0, live: 0 },
    shadow: { compared: 0, matches: 0, mismatches: 0, ignored: 0, candidateErrors: 0, timeouts: 0, skipped: 0 },
    live: { calls: 0, failures: 0 },
    controlMs: histogram(),
    candidateMs: histogram(),
    paths: [],
    samples: [],
    ...overrides,
  };
}

/** A histogram with `counts` given as { bucketIndex: count }. */
export function histogram(counts: Record<number, number> = {}): number[] {
  return Array.from({ length: 20 }, (_, i) => counts[i] ?? 0);
}
