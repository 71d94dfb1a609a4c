import pg from 'pg';
import { LeaderLock } from './leader-lock.js';

/** The advisory lock key of the scheduler's leadership (any 64-bit number no other lock of ours uses). */
export const SCHEDULER_LOCK_KEY = '7461001100110011';

/**
 * Leadership as a Postgres session-level advisory lock on a connection of its own (outside the pool, so it
 * never takes a pooled connection from requests). The lock lives as long as the session: a node that stops
 * releases it, and a node that dies loses it when Postgres sees its connection close.
 */
export class PostgresAdvisoryLock extends LeaderLock {
  private client: pg.Client | undefined;
  private held = false;

  constructor(
    private readonly connectionString: string,
    private readonly key: string = SCHEDULER_LOCK_KEY,
  ) {
    super();
  }

  async hold(): Promise<boolean> {
    try {
      const client = await this.connected();
      if (this.held) {
        await client.query('SELECT 1');
        return true;
      }
      const rows = (await client.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [this.key])).rows as Array<{
        locked: boolean;
      }>;
      this.held = rows[0]?.locked === true;
      return this.held;
    } catch {
      // The session is gone (or never came): whatever it held, Postgres released with it.
      this.drop();
      return false;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    if (!client) return;
    await client.end().catch(() => undefined);
  }

  private async connected(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({
      connectionString: this.connectionString,
      application_name: 'switchyard-scheduler',
      keepAlive: true,
      connectionTimeoutMillis: 5000,
    });
    // A broken connection emits 'error' outside any query: forget it; the next hold() reconnects.
    client.on('error', () => {
      if (this.client === client) this.drop();
    });
    this.client = client;
    try {
      await client.connect();
    } catch (error) {
      this.drop();
      throw error;
    }
    return client;
  }

  private drop(): void {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    void client?.end().catch(() => undefined);
  }
}
