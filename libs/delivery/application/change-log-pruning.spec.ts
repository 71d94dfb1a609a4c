import { ChangeLogPruning } from './change-log-pruning.js';
import { ControlledChangeLogPruner } from '../testing/controlled-change-log-pruner.js';

const retention = { keepVersions: 10, maxAgeMs: 1_000 };

describe('ChangeLogPruning', () => {
  it('runs one pruning at a time on this node: a run while one is going does nothing', async () => {
    const pruner = new ControlledChangeLogPruner();
    const pruned: number[] = [];
    const pruning = new ChangeLogPruning(pruner, { retention, intervalMs: 60_000 }, (deleted) => pruned.push(deleted));
    const first = pruning.run();
    await pruning.run();
    expect(pruner.calls).toEqual([retention]);
    pruner.finish(7);
    await first;
    expect(pruned).toEqual([7]);
    const next = pruning.run();
    expect(pruner.calls).toHaveLength(2);
    pruner.finish(0);
    await next;
    expect(pruned).toEqual([7]);
  });

  it('reports a failed run and prunes again at the next run', async () => {
    const pruner = new ControlledChangeLogPruner();
    const errors: string[] = [];
    const pruning = new ChangeLogPruning(
      pruner,
      { retention, intervalMs: 60_000 },
      () => undefined,
      (message, error) => errors.push(`${message}: ${(error as Error).message}`),
    );
    const failing = pruning.run();
    pruner.fail('database down');
    await failing;
    expect(errors).toEqual(['pruning the change log failed; will retry: database down']);
    const retry = pruning.run();
    expect(pruner.calls).toHaveLength(2);
    pruner.finish(1);
    await retry;
  });
});
