import { LeaderLock } from './leader-lock.js';

/** Work the leader runs on its ticks: due breaker probes, ramp steps, game-day time boxes, pruning. */
export type Job = (now: Date) => Promise<void>;

interface Registered {
  run: Job;
  everyMs: number;
  lastRun: number;
}

/** How the ticker runs. */
export interface TickerOptions {
  /** Interval between ticks; also how soon a standby node takes over from a leader that is gone. */
  tickMs: number;
}

/**
 * The one place timed work runs, on exactly one node: every tick, each node tries the leader lock; the node
 * that holds it runs every registered job in turn (each at most every `everyMs`). Jobs keep their own due
 * times in the database, so a node taking over finds what the last leader left, and writes stay safe when two
 * nodes briefly both believe they lead (each job writes against the versions it read).
 */
export class LeaderTicker {
  private readonly jobs = new Map<string, Registered>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = true;
  private closing = false;
  private leader = false;
  private readonly leadershipListeners = new Set<(leader: boolean) => void>();

  constructor(
    private readonly lock: LeaderLock,
    private readonly options: TickerOptions,
    private readonly onError: (message: string, error: unknown) => void = () => undefined,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** True while this node is the leader (as of its last tick). */
  get isLeader(): boolean {
    return this.leader;
  }

  /** Registers a job (unique name); returns the function that removes it. */
  register(name: string, run: Job, options: { everyMs?: number } = {}): () => void {
    if (this.jobs.has(name)) throw new Error(`A job named "${name}" is registered already`);
    this.jobs.set(name, { run, everyMs: options.everyMs ?? 0, lastRun: Number.NEGATIVE_INFINITY });
    return () => this.jobs.delete(name);
  }

  /** Calls `listener` whenever this node gains (true) or loses (false) leadership. */
  onLeadership(listener: (leader: boolean) => void): () => void {
    this.leadershipListeners.add(listener);
    return () => this.leadershipListeners.delete(listener);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.closing = false;
    this.schedule(0);
  }

  /** Stops ticking, waits for a tick in progress, and releases the lock. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.closing = true;
    clearTimeout(this.timer);
    await this.running;
    this.setLeader(false);
    await this.lock.release();
  }

  /** One tick: hold the lock, and when leading, run the jobs that are due. Never throws. */
  async tick(): Promise<void> {
    this.setLeader(await this.lock.hold());
    if (!this.leader) return;
    for (const [name, job] of this.jobs) {
      if (this.closing) break;
      const at = this.now();
      if (at.getTime() - job.lastRun < job.everyMs) continue;
      job.lastRun = at.getTime();
      try {
        await job.run(at);
      } catch (error) {
        this.onError(`scheduled job ${name} failed; it runs again at the next tick`, error);
      }
    }
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.tick().finally(() => {
        this.running = undefined;
        if (!this.stopped) this.schedule(this.options.tickMs);
      });
    }, delayMs);
    this.timer.unref();
  }

  private setLeader(leader: boolean): void {
    if (leader === this.leader) return;
    this.leader = leader;
    for (const listener of this.leadershipListeners) {
      try {
        listener(leader);
      } catch {
        // A listener's failure must not stop the ticker.
      }
    }
  }
}
