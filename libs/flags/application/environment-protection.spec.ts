import { protectedByDefault } from '../domain/protection.js';
import { ADMIN, EDITOR, flagsFixture } from '../testing/flags-fixture.js';
import { CreateEnvironment } from './create-environment.js';
import { KillFlag } from './kill-flag.js';
import { KillFlagsByTag } from './kill-flags-by-tag.js';
import { ReplaceKill } from './replace-kill.js';
import { RestoreFlag } from './restore-flag.js';
import { RevertFlagConfig } from './revert-flag-config.js';
import { SetEnvironmentProtection } from './set-environment-protection.js';
import { ToggleFlag } from './toggle-flag.js';
import { UpdateFlagConfig } from './update-flag-config.js';

const TARGETING = { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' }, prerequisites: [] };

async function protectedFixture() {
  const fixture = await flagsFixture();
  const protect = new SetEnvironmentProtection(fixture.unitOfWork);
  await protect.execute(
    { projectKey: 'shop', environmentKey: 'production', protected: true, reason: 'go live' },
    ADMIN,
  );
  const { unitOfWork, notifier } = fixture;
  const writes = {
    toggle: (reason?: string) => new ToggleFlag(unitOfWork, notifier).execute(fixture.target, true, { reason }),
    update: (reason?: string) =>
      new UpdateFlagConfig(unitOfWork, notifier).execute(fixture.target, TARGETING, { baseVersion: 1, reason }),
    kill: (reason?: string) => new KillFlag(unitOfWork, notifier).execute(fixture.target, reason),
    restore: (reason?: string) => new RestoreFlag(unitOfWork, notifier).execute(fixture.target, reason),
    revert: (reason?: string) =>
      new RevertFlagConfig(unitOfWork, notifier).execute(fixture.target, 1, { baseVersion: 1, reason }),
    replaceKill: (reason?: string) => new ReplaceKill(unitOfWork, notifier).execute(fixture.target, reason as string),
    killByTag: (reason?: string) =>
      new KillFlagsByTag(unitOfWork, notifier).execute({
        projectKey: 'shop',
        environmentKey: 'production',
        tag: 'checkout',
        reason,
        actor: EDITOR,
      }),
  };
  const production = () => unitOfWork.state.environments.find((environment) => environment.key === 'production')!;
  return { ...fixture, protect, writes, production };
}

describe('protected environments', () => {
  it('protects a new environment named production or prod unless told otherwise', () => {
    expect(protectedByDefault('production', 'Production')).toBe(true);
    expect(protectedByDefault('prod', 'Prod')).toBe(true);
    expect(protectedByDefault('eu-1', ' PROD ')).toBe(true);
    expect(protectedByDefault('staging', 'Staging')).toBe(false);
    expect(protectedByDefault('production-eu', 'Production EU')).toBe(false);
  });

  it('creates production protected and staging not, and takes an explicit setting over the default', async () => {
    const { unitOfWork, notifier } = await flagsFixture();
    const create = new CreateEnvironment(unitOfWork, notifier);
    expect((await create.execute({ projectKey: 'shop', key: 'prod', name: 'Prod' }, EDITOR)).protected).toBe(true);
    expect((await create.execute({ projectKey: 'shop', key: 'qa', name: 'QA' }, EDITOR)).protected).toBe(false);
    const explicit = await create.execute({ projectKey: 'shop', key: 'qa-2', name: 'QA 2', protected: true }, EDITOR);
    expect(explicit.protected).toBe(true);
  });

  it.each(['toggle', 'update', 'kill', 'restore', 'revert', 'replaceKill', 'killByTag'] as const)(
    'refuses %s without a reason (or with blanks) in a protected environment, naming reason, and writes nothing',
    async (write) => {
      const { writes, production, unitOfWork } = await protectedFixture();
      if (write === 'restore') await writes.kill('incident');
      const before = { version: production().version, versions: unitOfWork.state.versions.length };
      for (const reason of [undefined, '', '   ']) {
        await expect(writes[write](reason)).rejects.toMatchObject({
          code: 'VALIDATION_FAILED',
          fields: [expect.objectContaining({ path: 'reason', code: 'REASON_REQUIRED' })],
        });
      }
      expect({ version: production().version, versions: unitOfWork.state.versions.length }).toEqual(before);
      await expect(writes[write]('because')).resolves.toBeDefined();
    },
  );

  it('asks for the reason before the base version: a stale base without a reason is 400, not 409', async () => {
    const { writes } = await protectedFixture();
    await writes.toggle('first');
    await expect(writes.update()).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(writes.update('second')).rejects.toMatchObject({ code: 'VERSION_CONFLICT' });
  });

  it('changes protection with a reason only, audited, without a new environment version', async () => {
    const { protect, writes, production, unitOfWork } = await protectedFixture();
    const version = production().version;
    const lift = { projectKey: 'shop', environmentKey: 'production', protected: false };
    await expect(protect.execute(lift, ADMIN)).rejects.toMatchObject({
      fields: [expect.objectContaining({ path: 'reason' })],
    });
    expect((await protect.execute({ ...lift, reason: 'rehearsal' }, ADMIN)).protected).toBe(false);
    expect(production()).toMatchObject({ protected: false, version });
    const entries = unitOfWork.state.audit.filter((entry) => entry.action === 'environment.protection-changed');
    expect(entries.map((entry) => [entry.reason, entry.details])).toEqual([
      ['go live', { protected: true }],
      ['rehearsal', { protected: false }],
    ]);
    await expect(writes.toggle()).resolves.toMatchObject({ unchanged: false });
  });
});
