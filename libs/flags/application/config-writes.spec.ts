import { flagsFixture } from '../testing/flags-fixture.js';
import { KillFlag } from './kill-flag.js';
import { KillFlagsByTag } from './kill-flags-by-tag.js';
import { PreviewEvaluation } from './preview-evaluation.js';
import { RestoreFlag } from './restore-flag.js';
import { RevertFlagConfig } from './revert-flag-config.js';
import { ToggleFlag } from './toggle-flag.js';
import type { ConfigChangeResult } from './change-config.js';
import { CreateFlag } from './create-flag.js';
import { GetFlagConfig } from './get-flag-config.js';
import { UpdateFlagConfig } from './update-flag-config.js';
import { EDITOR } from '../testing/flags-fixture.js';

describe('config writes', () => {
  it('toggles without a base version and refuses a stale one', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    const toggle = new ToggleFlag(unitOfWork, notifier);
    expect((await toggle.execute(target, true, {})).config.on).toBe(true);
    await expect(toggle.execute(target, false, { baseVersion: 1 })).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('kills without a base version while writers on a stale base version race with it, in any order', async () => {
    const targeting = {
      on: true,
      offVariant: 'off',
      rules: [
        {
          id: 'fr',
          conditions: [{ attribute: 'country', operator: 'in' as const, values: ['FR'] }],
          serve: { variant: 'on' },
        },
      ],
      fallthrough: { variant: 'off' },
      prerequisites: [],
    };
    type Writer = 'toggle' | 'update' | 'kill';
    const orders: Writer[][] = [
      ['toggle', 'update', 'kill'],
      ['update', 'kill', 'toggle'],
      ['kill', 'toggle', 'update'],
      ['kill', 'update', 'toggle'],
    ];
    for (const order of orders) {
      const { unitOfWork, notifier, target } = await flagsFixture();
      const start: Record<Writer, () => Promise<ConfigChangeResult>> = {
        toggle: () => new ToggleFlag(unitOfWork, notifier).execute(target, true, { baseVersion: 1 }),
        update: () => new UpdateFlagConfig(unitOfWork, notifier).execute(target, targeting, { baseVersion: 1 }),
        kill: () => new KillFlag(unitOfWork, notifier).execute(target, 'incident 42'),
      };
      // Every writer is in flight before any of them commits: the two based on version 1 cannot both win.
      const settled = await Promise.allSettled(order.map((writer) => start[writer]()));
      const outcome = Object.fromEntries(order.map((writer, index) => [writer, settled[index]!])) as Record<
        Writer,
        PromiseSettledResult<ConfigChangeResult>
      >;
      const killed = outcome.kill;
      expect(killed.status).toBe('fulfilled');
      const winners = (['toggle', 'update'] as const).filter((writer) => outcome[writer].status === 'fulfilled');
      for (const loser of (['toggle', 'update'] as const).filter((writer) => !winners.includes(writer))) {
        expect(outcome[loser]).toMatchObject({ status: 'rejected', reason: { code: 'VERSION_CONFLICT' } });
      }
      // A stale writer wins only when it committed before the kill; the kill keeps whatever it committed.
      const killFirst = order[0] === 'kill';
      expect(winners).toEqual(killFirst ? [] : [order[0]]);
      const before = killFirst ? { on: false } : order[0] === 'toggle' ? { on: true, rules: [] } : targeting;
      const stored = await new GetFlagConfig(unitOfWork).execute(
        target.projectKey,
        target.environmentKey,
        target.flagKey,
      );
      expect(stored.config).toMatchObject({ ...before, killed: { by: 'alice', reason: 'incident 42' } });
      expect((killed as PromiseFulfilledResult<ConfigChangeResult>).value).toMatchObject({
        unchanged: false,
        version: stored.version,
        config: stored.config,
      });
      const versions = unitOfWork.state.versions.filter((v) => v.environmentId === stored.environmentId);
      expect(versions.map((v) => v.version)).toEqual(Array.from({ length: versions.length }, (_, i) => i + 1));
      expect(versions.map((v) => v.kind)).toEqual(['create', ...winners, 'kill']);
    }
  });

  it('restores a killed flag with the targeting it had before the kill', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    await new ToggleFlag(unitOfWork, notifier).execute(target, true, {});
    const killed = await new KillFlag(unitOfWork, notifier).execute(target, 'incident 42');
    expect(killed.config.killed).toMatchObject({ by: 'alice', reason: 'incident 42' });
    expect(killed.wire.killed?.reason).toBe('incident 42');
    const restored = await new RestoreFlag(unitOfWork, notifier).execute(target, 'fixed');
    expect(restored.config).toMatchObject({ on: true, killed: null });
    expect(unitOfWork.state.versions.filter((v) => v.kind !== 'create').map((v) => v.kind)).toEqual([
      'toggle',
      'kill',
      'restore',
    ]);
  });

  it('joins a burst of kills of one flag into the first kill: one transaction, one version, the rest unchanged', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    let transactions = 0;
    const run = unitOfWork.run.bind(unitOfWork);
    unitOfWork.run = (work) => ((transactions += 1), run(work));
    const kill = new KillFlag(unitOfWork, notifier);
    const results = await Promise.all(
      Array.from({ length: 100 }, (_, index) => kill.execute(target, `incident ${index}`)),
    );
    expect(transactions).toBe(1);
    expect(results.filter((result) => !result.unchanged)).toHaveLength(1);
    expect(new Set(results.map((result) => result.config.killed?.reason))).toEqual(new Set(['incident 0']));
    expect(unitOfWork.state.versions.filter((v) => v.kind === 'kill')).toHaveLength(1);
    const later = await kill.execute(target, 'later');
    expect(later).toMatchObject({ unchanged: true, config: { killed: { reason: 'incident 0' } } });
  });

  it('reverts to an earlier version as a new version of kind revert', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    await new ToggleFlag(unitOfWork, notifier).execute(target, true, {});
    const reverted = await new RevertFlagConfig(unitOfWork, notifier).execute(target, 1, { baseVersion: 2 });
    expect(reverted).toMatchObject({ version: 3, config: { on: false } });
    expect(unitOfWork.state.versions.at(-1)).toMatchObject({ kind: 'revert', reason: 'revert to version 1' });
    await expect(new RevertFlagConfig(unitOfWork, notifier).execute(target, 9, {})).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('kills every live flag with a tag in one change-log row and skips flags already killed', async () => {
    const { unitOfWork, notifier, target, events } = await flagsFixture();
    await new CreateFlag(unitOfWork, notifier).execute(
      'shop',
      { key: 'express-pay', name: 'Express', type: 'boolean', tags: ['checkout'] },
      EDITOR,
    );
    await new CreateFlag(unitOfWork, notifier).execute(
      'shop',
      { key: 'banner', name: 'Banner', type: 'boolean' },
      EDITOR,
    );
    await new KillFlag(unitOfWork, notifier).execute(target, 'first');
    events.length = 0;
    const result = await new KillFlagsByTag(unitOfWork, notifier).execute({
      projectKey: 'shop',
      environmentKey: 'production',
      tag: 'checkout',
      actor: EDITOR,
    });
    expect(result.killed).toEqual(['express-pay']);
    expect(events).toHaveLength(1);
    expect(Object.keys(events[0]!.patch.flags)).toEqual(['express-pay']);
    expect(events[0]!.patch.flags['express-pay']?.killed).toMatchObject({ by: 'alice', kind: 'token' });
    const again = await new KillFlagsByTag(unitOfWork, notifier).execute({
      projectKey: 'shop',
      environmentKey: 'production',
      tag: 'checkout',
      actor: EDITOR,
    });
    expect(again).toEqual({ killed: [], environmentVersion: null });
  });

  it('previews the engine result with the reason and flag version', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    const preview = new PreviewEvaluation(unitOfWork);
    expect((await preview.execute(target, { key: 'u1' })).result).toMatchObject({
      value: false,
      reason: 'DISABLED',
      flagVersion: 1,
    });
    await new ToggleFlag(unitOfWork, notifier).execute(target, true, {});
    expect(await preview.execute(target, { key: 'u1' })).toMatchObject({
      flagVersion: 2,
      result: { value: true, variant: 'on', reason: 'DEFAULT' },
    });
  });
});
