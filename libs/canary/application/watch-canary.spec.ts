import type { CanaryOutcome } from '../domain/canary-watch.js';
import { InMemoryCanaryChangeStore } from '../testing/in-memory-canary-change-store.js';
import {
  CanaryAlerts,
  CanaryFlags,
  CanaryKeys,
  type CanaryAlertEvent,
  type CanaryKey,
  type CanaryTarget,
  type CanaryWrite,
  type ProbeClient,
} from './canary-ports.js';
import { WatchCanary } from './watch-canary.js';

class Target extends CanaryFlags {
  async ensureTarget(): Promise<CanaryTarget> {
    return { environmentId: 'env-1' };
  }
  async kill(): Promise<CanaryWrite> {
    throw new Error('a watch never writes');
  }
  async restore(): Promise<CanaryWrite> {
    throw new Error('a watch never writes');
  }
}

class Keys extends CanaryKeys {
  readonly issued: string[] = [];
  readonly revoked: string[] = [];
  async issue(name: string): Promise<CanaryKey> {
    this.issued.push(name);
    return { id: `key-${this.issued.length}`, secret: 'sdk_secret' };
  }
  async revoke(id: string): Promise<void> {
    this.revoked.push(id);
  }
}

class Alerts extends CanaryAlerts {
  readonly sent: CanaryAlertEvent[] = [];
  async send(event: CanaryAlertEvent): Promise<void> {
    this.sent.push(event);
  }
}

/** A probe client whose served versions the test sets. */
class Probe implements ProbeClient {
  version: number | undefined;
  closed = false;
  private listener: ((version: number) => void) | undefined;
  onVersion(listener: (version: number) => void): void {
    this.listener = listener;
  }
  serve(version: number): void {
    this.version = version;
    this.listener?.(version);
  }
  async close(): Promise<void> {
    this.closed = true;
  }
}

function setup() {
  let now = 10_000;
  let url: string | undefined;
  const store = new InMemoryCanaryChangeStore();
  const keys = new Keys();
  const alerts = new Alerts();
  const probes: Array<{ probe: Probe; baseUrl: string }> = [];
  const outcomes: CanaryOutcome[] = [];
  const watch = new WatchCanary(
    {
      flags: new Target(),
      keys,
      store,
      alerts,
      openClient: (baseUrl) => {
        const probe = new Probe();
        probes.push({ probe, baseUrl });
        return probe;
      },
      selfUrl: () => url,
      observe: (outcome) => outcomes.push(outcome),
      verdictChanged: () => undefined,
      warn: (message, error) => {
        throw new Error(`${message}: ${String(error)}`);
      },
      clock: () => now,
    },
    { node: 'node-b', intervalMs: 5_000, boundMs: 1_000, checkMs: 100 },
  );
  const write = (version: number, askedAt = now) =>
    store.record('env-1', { version, kind: 'kill', askedAt, committedAt: askedAt, writtenBy: 'node-a' });
  return {
    watch,
    keys,
    alerts,
    probes,
    outcomes,
    write,
    listen: (at: string) => (url = at),
    advance: (ms: number) => (now += ms),
  };
}

describe('WatchCanary', () => {
  it('opens its probe on this node once it listens, with a key of its own, and judges only later changes', async () => {
    const { watch, keys, probes, outcomes, write, listen, advance } = setup();
    await write(3, 0);
    await watch.check();
    expect(probes).toEqual([]);
    listen('http://127.0.0.1:4242');
    await watch.check();
    expect(keys.issued).toEqual(['canary on node-b']);
    expect(probes.map((opened) => opened.baseUrl)).toEqual(['http://127.0.0.1:4242']);
    probes[0]!.probe.serve(3);
    expect(outcomes).toEqual([]);
    await write(4);
    advance(25);
    probes[0]!.probe.serve(4);
    await watch.check();
    expect(outcomes).toEqual([expect.objectContaining({ type: 'arrived', propagationMs: 25, late: false })]);
    expect(watch.verdict().status).toBe('up');
  });

  it('alerts once when a change is overdue, and once when a later change arrives in time', async () => {
    const { watch, alerts, probes, write, listen, advance } = setup();
    listen('http://127.0.0.1:1');
    await watch.check();
    await write(1);
    await watch.check();
    advance(1_001);
    await watch.check();
    await watch.check();
    expect(alerts.sent).toEqual([
      {
        type: 'canary.degraded',
        node: 'node-b',
        detail: 'the kill (environment version 1) has not reached node-b within 1000 ms',
        boundMs: 1_000,
        at: new Date(11_001).toISOString(),
      },
    ]);
    await write(2);
    probes[0]!.probe.serve(2);
    await watch.check();
    expect(alerts.sent.map((event) => event.type)).toEqual(['canary.degraded', 'canary.recovered']);
  });

  it('closes its probe and revokes its key when stopped', async () => {
    const { watch, keys, probes, listen } = setup();
    listen('http://127.0.0.1:1');
    await watch.check();
    await watch.stop();
    expect(probes[0]!.probe.closed).toBe(true);
    expect(keys.revoked).toEqual(['key-1']);
  });
});
