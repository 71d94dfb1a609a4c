import { EDITOR, flagsFixture } from '../testing/flags-fixture.js';
import { ArchiveFlag } from './archive-flag.js';
import { CreateEnvironment } from './create-environment.js';
import { CreateFlag } from './create-flag.js';
import { CreateSegment } from './create-segment.js';
import { DiffFlagVersions } from './diff-flag-versions.js';
import { SnapshotReader } from './snapshot-reader.js';
import { ToggleFlag } from './toggle-flag.js';
import { UpdateFlagConfig } from './update-flag-config.js';
import { UpdateSegment } from './update-segment.js';

describe('flags, environments and segments', () => {
  it('creates a flag off in every environment, each with a version-1 config and a change-log row', async () => {
    const { unitOfWork, environmentId } = await flagsFixture();
    const configs = unitOfWork.state.configs.filter((c) => c.version === 1);
    expect(configs).toHaveLength(2);
    expect(configs[0]!.config).toMatchObject({ on: false, offVariant: 'off', fallthrough: { variant: 'on' } });
    const staging = unitOfWork.state.changeLog.filter((row) => row.environmentId === environmentId('staging'));
    expect(staging.map((row) => row.patch.version)).toEqual([1, 2]);
  });

  it('refuses a flag key that is not a slug and a duplicate key', async () => {
    const { unitOfWork, notifier } = await flagsFixture();
    const create = new CreateFlag(unitOfWork, notifier);
    await expect(
      create.execute('shop', { key: 'New Checkout', name: 'x', type: 'boolean' }, EDITOR),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ path: 'key' })],
    });
    await expect(
      create.execute('shop', { key: 'new-checkout', name: 'x', type: 'boolean' }, EDITOR),
    ).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
  });

  it('gives a new environment a config for every existing flag and a snapshot at version 1', async () => {
    const { unitOfWork, notifier } = await flagsFixture();
    const created = await new CreateEnvironment(unitOfWork, notifier).execute(
      { projectKey: 'shop', key: 'dev', name: 'Dev' },
      EDITOR,
    );
    const snapshot = await new SnapshotReader(unitOfWork).getSnapshot(created.id);
    expect(snapshot?.version).toBe(1);
    expect(snapshot?.flags['new-checkout']).toMatchObject({ on: false, version: 1 });
  });

  it('serves snapshots and change-log catch-up, and says null when the log cannot cover a version', async () => {
    const { unitOfWork, notifier, target, environmentId } = await flagsFixture();
    await new ToggleFlag(unitOfWork, notifier).execute(target, true, {});
    const reader = new SnapshotReader(unitOfWork);
    const id = environmentId('production');
    const snapshot = (await reader.getSnapshot(id))!;
    expect(snapshot.version).toBe(3);
    expect((await reader.getChanges(id, 1))!.map((patch) => patch.version)).toEqual([2, 3]);
    expect(await reader.getChanges(id, 3)).toEqual([]);
    expect(await reader.getChanges(id, 7)).toBeNull();
    expect(await reader.findEnvironment(id)).toMatchObject({ key: 'production', projectKey: 'shop', version: 3 });
  });

  it('archives a flag: gone from snapshots with a null patch, still readable, refused while a prerequisite', async () => {
    const { unitOfWork, notifier, environmentId } = await flagsFixture();
    await new ArchiveFlag(unitOfWork, notifier).execute('shop', 'new-checkout', 'done', EDITOR);
    const snapshot = await new SnapshotReader(unitOfWork).getSnapshot(environmentId('staging'));
    expect(snapshot?.flags).toEqual({});
    expect(unitOfWork.state.changeLog.at(-1)!.patch.flags).toEqual({ 'new-checkout': null });
    await expect(
      new ToggleFlag(unitOfWork, notifier).execute(
        { projectKey: 'shop', environmentKey: 'staging', flagKey: 'new-checkout', actor: EDITOR },
        true,
        {},
      ),
    ).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('refuses to archive a flag that another live flag has as a prerequisite, and writes nothing', async () => {
    const { unitOfWork, notifier } = await flagsFixture();
    await new CreateFlag(unitOfWork, notifier).execute(
      'shop',
      { key: 'payments', name: 'Payments', type: 'boolean' },
      EDITOR,
    );
    await new UpdateFlagConfig(unitOfWork, notifier).execute(
      { projectKey: 'shop', environmentKey: 'staging', flagKey: 'new-checkout', actor: EDITOR },
      {
        on: true,
        offVariant: 'off',
        rules: [],
        fallthrough: { variant: 'on' },
        prerequisites: [{ flag: 'payments', variants: ['on'] }],
      },
      { baseVersion: 1 },
    );
    const before = structuredClone(unitOfWork.state);
    await expect(
      new ArchiveFlag(unitOfWork, notifier).execute('shop', 'payments', undefined, EDITOR),
    ).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fields: [expect.objectContaining({ code: 'IN_USE', message: 'prerequisite of new-checkout in staging' })],
    });
    expect(unitOfWork.state).toEqual(before);
  });

  it('publishes a segment change to every environment and refuses a stale segment version', async () => {
    const { unitOfWork, notifier, events } = await flagsFixture();
    await new CreateSegment(unitOfWork, notifier).execute(
      'shop',
      { key: 'staff', name: 'Staff', included: ['u1'] },
      EDITOR,
    );
    expect(events.map((event) => event.patch.segments)).toEqual([
      { staff: { key: 'staff', included: ['u1'], excluded: [], conditions: [] } },
      { staff: { key: 'staff', included: ['u1'], excluded: [], conditions: [] } },
    ]);
    const update = new UpdateSegment(unitOfWork, notifier);
    await update.execute('shop', 'staff', { name: 'Staff', included: ['u1', 'u2'] }, { baseVersion: 1 }, EDITOR);
    await expect(update.execute('shop', 'staff', { name: 'Staff' }, { baseVersion: 1 }, EDITOR)).rejects.toMatchObject({
      code: 'VERSION_CONFLICT',
      extra: { currentVersion: 2 },
    });
  });

  it('diffs two versions path by path', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    await new ToggleFlag(unitOfWork, notifier).execute(target, true, {});
    const diff = await new DiffFlagVersions(unitOfWork).execute(target, 1, 2);
    expect(diff.changes.map((change) => change.text)).toEqual(['on: false → true']);
  });
});
