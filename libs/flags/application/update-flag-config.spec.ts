import { DomainError } from '@switchyard/kernel';
import { flagsFixture } from '../testing/flags-fixture.js';
import { UpdateFlagConfig } from './update-flag-config.js';

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

async function caught(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('UpdateFlagConfig', () => {
  it('writes a new version, bumps the environment, audits and logs a patch with the wire flag', async () => {
    const { unitOfWork, notifier, events, target, environmentId } = await flagsFixture();
    const result = await new UpdateFlagConfig(unitOfWork, notifier).execute(target, targeting, {
      baseVersion: 1,
      reason: 'launch FR',
    });
    expect(result.version).toBe(2);
    const state = unitOfWork.state;
    const production = state.environments.find((e) => e.key === 'production')!;
    expect(result.environmentVersion).toBe(production.version);
    expect(state.versions.filter((v) => v.environmentId === production.id).map((v) => v.kind)).toEqual([
      'create',
      'update',
    ]);
    expect(state.audit.at(-1)).toMatchObject({
      action: 'flag-config.updated',
      environmentKey: 'production',
      reason: 'launch FR',
    });
    const row = state.changeLog.at(-1)!;
    expect(row.environmentId).toBe(environmentId('production'));
    expect(row.patch.flags['new-checkout']).toMatchObject({ on: true, version: 2, rules: targeting.rules });
    expect(events).toEqual([{ environmentId: production.id, version: production.version, patch: row.patch }]);
  });

  it('refuses a stale base version with the current version and writes nothing', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    const useCase = new UpdateFlagConfig(unitOfWork, notifier);
    await useCase.execute(target, targeting, { baseVersion: 1 });
    const before = structuredClone(unitOfWork.state);
    const error = await caught(useCase.execute(target, { ...targeting, on: false }, { baseVersion: 1 }));
    expect(error.code).toBe('VERSION_CONFLICT');
    expect(error.extra).toEqual({ currentVersion: 2 });
    expect(unitOfWork.state).toEqual(before);
  });

  it('requires a base version', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    const error = await caught(new UpdateFlagConfig(unitOfWork, notifier).execute(target, targeting, {}));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields[0]?.path).toBe('baseVersion');
  });

  it('refuses unknown variants, segments and prerequisites with their paths and writes nothing', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    const before = structuredClone(unitOfWork.state);
    const input = {
      ...targeting,
      rules: [{ id: 'r', conditions: [{ segment: 'ghosts' }], serve: { variant: 'maybe' } }],
      prerequisites: [{ flag: 'payments', variants: ['on'] }],
    };
    const error = await caught(new UpdateFlagConfig(unitOfWork, notifier).execute(target, input, { baseVersion: 1 }));
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields.map((field) => field.path).sort()).toEqual([
      'prerequisites[0].flag',
      'rules[0].conditions[0].segment',
      'rules[0].serve.variant',
    ]);
    expect(unitOfWork.state).toEqual(before);
  });

  it('rolls back the version, audit entry and change log when the transaction fails after the config write', async () => {
    const { unitOfWork, notifier, events, target } = await flagsFixture();
    const before = structuredClone(unitOfWork.state);
    unitOfWork.afterConfigSave = () => {
      throw new Error('disk on fire');
    };
    await expect(
      new UpdateFlagConfig(unitOfWork, notifier).execute(target, targeting, { baseVersion: 1 }),
    ).rejects.toThrow('disk on fire');
    expect(unitOfWork.state).toEqual(before);
    expect(events).toEqual([]);
  });
});
