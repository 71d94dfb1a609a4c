import { EDITOR, flagsFixture } from '../testing/flags-fixture.js';
import { ArchiveFlag } from './archive-flag.js';
import { CreateFlag } from './create-flag.js';
import { ListEnvironmentFlags } from './list-environment-flags.js';
import { ToggleFlag } from './toggle-flag.js';

describe('ListEnvironmentFlags', () => {
  async function twoFlags() {
    const fixture = await flagsFixture();
    await new CreateFlag(fixture.unitOfWork, fixture.notifier).execute(
      'shop',
      { key: 'banner', name: 'Banner', type: 'boolean', tags: ['ui'] },
      EDITOR,
    );
    await new ToggleFlag(fixture.unitOfWork, fixture.notifier).execute(fixture.target, true, {});
    return { ...fixture, list: new ListEnvironmentFlags(fixture.unitOfWork) };
  }

  it('lists every live flag with its metadata, config and config version in one environment, at the environment version', async () => {
    const { list, unitOfWork, environmentId } = await twoFlags();
    const answer = await list.execute('shop', 'production');
    const production = unitOfWork.state.environments.find(
      (environment) => environment.id === environmentId('production'),
    )!;
    expect(answer.environmentVersion).toBe(production.version);
    const byKey = (key: string) => answer.items.find((item) => item.key === key);
    expect(answer.items).toHaveLength(2);
    expect(byKey('banner')).toMatchObject({ version: 1, config: { on: false } });
    expect(byKey('new-checkout')).toMatchObject({
      version: 2,
      config: { on: true, offVariant: 'off' },
      name: 'New checkout',
      type: 'boolean',
      tags: ['checkout'],
      variants: { on: true, off: false },
    });
  });

  it('shows each environment its own configs', async () => {
    const { list } = await twoFlags();
    const staging = await list.execute('shop', 'staging');
    expect(staging.items.find((item) => item.key === 'new-checkout')).toMatchObject({
      version: 1,
      config: { on: false },
    });
  });

  it('leaves archived flags out unless asked, and filters by tag', async () => {
    const { list, unitOfWork, notifier } = await twoFlags();
    await new ArchiveFlag(unitOfWork, notifier).execute('shop', 'banner', 'done', EDITOR);
    expect((await list.execute('shop', 'production')).items.map((item) => item.key)).toEqual(['new-checkout']);
    const withArchived = await list.execute('shop', 'production', { includeArchived: true });
    const archived = Object.fromEntries(withArchived.items.map((item) => [item.key, item.archivedAt !== null]));
    expect(archived).toEqual({ banner: true, 'new-checkout': false });
    expect((await list.execute('shop', 'production', { tag: 'checkout' })).items.map((item) => item.key)).toEqual([
      'new-checkout',
    ]);
  });

  it('answers NOT_FOUND for an unknown project or environment', async () => {
    const { list } = await twoFlags();
    await expect(list.execute('shop', 'nowhere')).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(list.execute('elsewhere', 'production')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
