import { InMemoryLeaderLock, SharedLock } from '../testing/shared-leader-lock.js';
import { LeaderTicker } from './leader-ticker.js';

describe('LeaderTicker', () => {
  it('runs the jobs on exactly one of two nodes, and on the other once the leader stops', async () => {
    const shared = new SharedLock();
    const runs: string[] = [];
    const [a, b] = ['a', 'b'].map((name) => {
      const ticker = new LeaderTicker(new InMemoryLeaderLock(shared), { tickMs: 1000 });
      ticker.register('job', async () => void runs.push(name));
      return ticker;
    });
    await a!.tick();
    await b!.tick();
    await a!.tick();
    expect(runs).toEqual(['a', 'a']);
    expect([a!.isLeader, b!.isLeader]).toEqual([true, false]);
    await a!.stop();
    await b!.tick();
    expect(runs).toEqual(['a', 'a', 'b']);
    expect(b!.isLeader).toBe(true);
  });

  it('steps down when its lock is lost, and says so to leadership listeners', async () => {
    const shared = new SharedLock();
    const lock = new InMemoryLeaderLock(shared);
    const ticker = new LeaderTicker(lock, { tickMs: 1000 });
    const changes: boolean[] = [];
    ticker.onLeadership((leader) => changes.push(leader));
    let runs = 0;
    ticker.register('job', async () => void runs++);
    await ticker.tick();
    lock.alive = false;
    await ticker.tick();
    expect(runs).toBe(1);
    expect(changes).toEqual([true, false]);
  });

  it('runs a job at most every everyMs, and goes on with the others when one throws', async () => {
    let now = 0;
    const errors: string[] = [];
    const ticker = new LeaderTicker(
      new InMemoryLeaderLock(new SharedLock()),
      { tickMs: 10 },
      (message) => errors.push(message),
      () => new Date(now),
    );
    const runs: string[] = [];
    ticker.register('prune', async () => void runs.push('prune'), { everyMs: 60_000 });
    ticker.register('broken', async () => {
      throw new Error('boom');
    });
    ticker.register('recover', async () => void runs.push('recover'));
    await ticker.tick();
    now = 30_000;
    await ticker.tick();
    now = 60_000;
    await ticker.tick();
    expect(runs).toEqual(['prune', 'recover', 'recover', 'prune', 'recover']);
    expect(errors).toHaveLength(3);
    expect(errors[0]).toContain('broken');
  });

  it('refuses two jobs of one name', () => {
    const ticker = new LeaderTicker(new InMemoryLeaderLock(new SharedLock()), { tickMs: 10 });
    ticker.register('job', async () => undefined);
    expect(() => ticker.register('job', async () => undefined)).toThrow(/already/);
  });
});
