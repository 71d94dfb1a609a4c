import { DomainError } from '@switchyard/kernel';
import type { ChangeNotifier } from '../domain/change-committed.js';
import { flagsFixture } from '../testing/flags-fixture.js';
import type { InMemoryFlagsUnitOfWork } from '../testing/in-memory-flags-unit-of-work.js';
import type { FlagsTransaction } from './flags-unit-of-work.js';
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

  it('writes the bump, the version, the audit entry and the change-log row in one transaction, then announces the change', async () => {
    const { unitOfWork, notifier, target } = await flagsFixture();
    const log = recordTransactions(unitOfWork, notifier);
    const result = await new UpdateFlagConfig(unitOfWork, notifier).execute(target, targeting, {
      baseVersion: 1,
      reason: 'launch',
    });
    expect(log).toEqual([
      'begin 1',
      '1: environments.bumpVersion',
      '1: configs.save',
      '1: audit.append',
      '1: changeLog.append',
      'commit 1',
      `announced version ${result.environmentVersion}`,
    ]);
  });

  it('announces nothing and rethrows when its transaction fails midway, without retrying', async () => {
    // That the failed transaction leaves nothing behind is the unit of work's promise, proven on Postgres in
    // typeorm-flags-unit-of-work.integration.spec.ts; here: what the use case does about the failure.
    const { unitOfWork, notifier, events, target } = await flagsFixture();
    const log = recordTransactions(unitOfWork, notifier);
    unitOfWork.afterConfigSave = () => {
      throw new Error('disk on fire');
    };
    await expect(
      new UpdateFlagConfig(unitOfWork, notifier).execute(target, targeting, { baseVersion: 1 }),
    ).rejects.toThrow('disk on fire');
    expect(log).toEqual(['begin 1', '1: environments.bumpVersion', '1: configs.save', 'failed 1']);
    expect(events).toEqual([]);
  });
});

/**
 * Records, in order, each transaction the use case opens, the writes it makes through it, how it ends, and
 * each change the notifier announces.
 */
function recordTransactions(unitOfWork: InMemoryFlagsUnitOfWork, notifier: ChangeNotifier): string[] {
  const log: string[] = [];
  const writes = { environments: ['bumpVersion'], configs: ['save'], audit: ['append'], changeLog: ['append'] };
  let opened = 0;
  const run = unitOfWork.run.bind(unitOfWork);
  unitOfWork.run = async <T>(work: (tx: FlagsTransaction) => Promise<T>): Promise<T> => {
    const id = (opened += 1);
    log.push(`begin ${id}`);
    try {
      const result = await run((tx) => {
        for (const [port, methods] of Object.entries(writes)) {
          const repository = tx[port as keyof typeof writes] as unknown as Record<
            string,
            (...args: unknown[]) => unknown
          >;
          for (const method of methods) {
            const original = repository[method]!.bind(repository);
            repository[method] = (...args: unknown[]) => (log.push(`${id}: ${port}.${method}`), original(...args));
          }
        }
        return work(tx);
      });
      log.push(`commit ${id}`);
      return result;
    } catch (error) {
      log.push(`failed ${id}`);
      throw error;
    }
  };
  notifier.subscribe((event) => void log.push(`announced version ${event.version}`));
  return log;
}
