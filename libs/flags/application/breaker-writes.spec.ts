import type { Actor } from '@switchyard/kernel';
import { flagsFixture } from '../testing/flags-fixture.js';
import { KillFlag } from './kill-flag.js';
import { ProbeFlag } from './probe-flag.js';
import { RecoverFlag } from './recover-flag.js';
import { ReplaceKill } from './replace-kill.js';
import { ToggleFlag } from './toggle-flag.js';
import { UpdateFlagConfig } from './update-flag-config.js';

const BREAKER: Actor = { type: 'breaker', id: 'breaker', name: 'breaker' };
const PROBE = { percent: 10, since: '2026-12-01T22:00:00.000Z' };

async function tripped() {
  const fixture = await flagsFixture();
  const { unitOfWork, notifier, target } = fixture;
  await new ToggleFlag(unitOfWork, notifier).execute(target, true, {}); // version 2: the pre-trip config
  const kill = await new KillFlag(unitOfWork, notifier).execute({ ...target, actor: BREAKER }, 'tripped');
  return { ...fixture, breaker: { ...target, actor: BREAKER }, killVersion: kill.version };
}

describe("the breaker's config writes", () => {
  it('probes, then recovers the exact pre-trip config, each as its own version kind', async () => {
    const { unitOfWork, notifier, breaker, killVersion, environmentId } = await tripped();
    const probing = await new ProbeFlag(unitOfWork, notifier).execute(breaker, killVersion, PROBE, 'probing');
    expect(probing.config.killed).toMatchObject({ kind: 'breaker', reason: 'tripped', probe: PROBE });
    expect(probing.wire.killed?.probe).toEqual(PROBE);
    const recovered = await new RecoverFlag(unitOfWork, notifier).execute(breaker, probing.version, 2, 'healthy');
    const preTrip = unitOfWork.state.versions.find(
      (v) => v.version === 2 && v.environmentId === environmentId('production'),
    );
    expect(preTrip?.config.on).toBe(true);
    expect(recovered.config).toEqual(preTrip!.config);
    expect(recovered.config.killed).toBeNull();
    expect(unitOfWork.state.versions.slice(-3).map((v) => [v.kind, v.actor.type])).toEqual([
      ['kill', 'breaker'],
      ['probe', 'breaker'],
      ['recover', 'breaker'],
    ]);
  });

  it('refuses to probe or recover on top of a version someone else wrote since (409), and writes nothing', async () => {
    const { unitOfWork, notifier, target, breaker, killVersion } = await tripped();
    await new UpdateFlagConfig(unitOfWork, notifier).execute(
      target,
      { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'off' }, prerequisites: [] },
      { baseVersion: killVersion, reason: 'a person edits while it is killed' },
    );
    const versions = unitOfWork.state.versions.length;
    await expect(new ProbeFlag(unitOfWork, notifier).execute(breaker, killVersion, PROBE, 'p')).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    await expect(new RecoverFlag(unitOfWork, notifier).execute(breaker, killVersion, 2, 'r')).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    await expect(
      new ReplaceKill(unitOfWork, notifier).execute(breaker, 'again', { baseVersion: killVersion }),
    ).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
    expect(unitOfWork.state.versions.length).toBe(versions);
  });

  it('refuses to probe a flag that is not killed', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    await expect(
      new ProbeFlag(unitOfWork, notifier).execute({ ...target, actor: BREAKER }, 1, PROBE, 'p'),
    ).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
    });
  });

  it('replaces a kill record (a probe ends with it) with a new one by the actor', async () => {
    const { unitOfWork, notifier, target, breaker, killVersion } = await tripped();
    await new ProbeFlag(unitOfWork, notifier).execute(breaker, killVersion, PROBE, 'probing');
    const pinned = await new ReplaceKill(unitOfWork, notifier).execute(target, 'pinned');
    expect(pinned.config.killed).toMatchObject({ by: 'alice', kind: 'token', reason: 'pinned' });
    expect(pinned.config.killed?.probe).toBeUndefined();
  });
});
