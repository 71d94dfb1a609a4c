import { AUDIT_ENTITIES, TypeormAuditSinks } from '@switchyard/audit/testing';
import { TransactionRunner, type TransactionScope } from '@switchyard/database';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { CreateEnvironment } from '../application/create-environment.js';
import { CreateFlag } from '../application/create-flag.js';
import { CreateProject } from '../application/create-project.js';
import { CreateSegment } from '../application/create-segment.js';
import type { FlagsTransaction } from '../application/flags-unit-of-work.js';
import { UpdateFlag } from '../application/update-flag.js';
import { UpdateSegment } from '../application/update-segment.js';
import { ChangeNotifier } from '../domain/change-committed.js';
import { EDITOR } from '../testing/flags-fixture.js';
import { FLAGS_ENTITIES } from './flags-entities.js';
import { TypeormFlagsUnitOfWork } from './typeorm-flags-unit-of-work.js';

type Read = 'flags' | 'segments';

/**
 * Forces the worst interleaving of two writers: the first holds on after reading the row it will change
 * until the second has read it too (a lost update when writes are not serialised), or until the second is
 * waiting for a row lock (the serialised case, where the second cannot read before the first commits).
 */
class InterleavingUnitOfWork extends TypeormFlagsUnitOfWork {
  private reads = 0;
  private secondRead!: () => void;
  private secondDone = false;
  private readonly secondHasRead = new Promise<void>(
    (resolve) =>
      (this.secondRead = () => {
        this.secondDone = true;
        resolve();
      }),
  );

  constructor(
    database: TestDatabase,
    private readonly read: Read,
  ) {
    super(new TransactionRunner(database.dataSource), new TypeormAuditSinks());
    // Postgres raises no event when a backend starts waiting for a lock: poll pg_locks, within a bound.
    this.waitingForLock = async () => {
      const deadline = Date.now() + 10_000;
      for (;;) {
        const [row] = await database.dataSource.query('SELECT count(*) AS n FROM pg_locks WHERE NOT granted');
        if (Number(row.n) > 0 || this.secondDone) return;
        if (Date.now() > deadline) throw new Error('the second writer neither read the row nor waited for its lock');
        await new Promise((resolve) => setImmediate(resolve));
      }
    };
  }

  private readonly waitingForLock: () => Promise<void>;

  // As if the two writers ran on two nodes: no in-process queue between them, only the database.
  override run<T>(work: (tx: FlagsTransaction) => Promise<T>): Promise<T> {
    return super.run(work);
  }

  override bind(scope: TransactionScope): FlagsTransaction {
    const tx = super.bind(scope);
    const repository = tx[this.read] as { findByKey: (...args: any[]) => Promise<unknown> };
    const find = repository.findByKey.bind(repository);
    repository.findByKey = async (...args: unknown[]) => {
      const order = (this.reads += 1);
      const row = await find(...args);
      if (order === 1) await Promise.race([this.secondHasRead, this.waitingForLock()]);
      if (order === 2) this.secondRead();
      return row;
    };
    return tx;
  }
}

describe('writes serialised per row on Postgres', () => {
  let database: TestDatabase;
  const notifier = new ChangeNotifier();

  beforeAll(async () => {
    database = await createTestDatabase({ entities: [...FLAGS_ENTITIES, ...AUDIT_ENTITIES] });
    const unitOfWork = new TypeormFlagsUnitOfWork(new TransactionRunner(database.dataSource), new TypeormAuditSinks());
    await new CreateProject(unitOfWork).execute({ key: 'shop', name: 'Shop' }, EDITOR);
    await new CreateEnvironment(unitOfWork, notifier).execute(
      { projectKey: 'shop', key: 'production', name: 'Production', protected: false },
      EDITOR,
    );
    await new CreateFlag(unitOfWork, notifier).execute('shop', { key: 'beta', name: 'Beta', type: 'boolean' }, EDITOR);
    await new CreateSegment(unitOfWork, notifier).execute(
      'shop',
      { key: 'staff', name: 'Staff', included: ['u1'] },
      EDITOR,
    );
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('keeps both of two concurrent metadata edits of different fields', async () => {
    const update = new UpdateFlag(new InterleavingUnitOfWork(database, 'flags'));
    await Promise.all([
      update.execute('shop', 'beta', { name: 'Beta two' }, EDITOR),
      update.execute('shop', 'beta', { description: 'the second beta' }, EDITOR),
    ]);
    const [row] = await database.dataSource.query("SELECT name, description FROM flags WHERE key = 'beta'");
    expect(row).toEqual({ name: 'Beta two', description: 'the second beta' });
  });

  it('gives two concurrent segment writes without a base version a version each', async () => {
    const update = new UpdateSegment(new InterleavingUnitOfWork(database, 'segments'), notifier);
    const results = await Promise.all([
      update.execute('shop', 'staff', { name: 'Staff', included: ['u1', 'u2'] }, {}, EDITOR),
      update.execute('shop', 'staff', { name: 'Staff', included: ['u1', 'u3'] }, {}, EDITOR),
    ]);
    expect(results.map((result) => result.segment.version).sort()).toEqual([2, 3]);
    const [row] = await database.dataSource.query("SELECT version, included FROM segments WHERE key = 'staff'");
    expect(row).toEqual({
      version: 3,
      included: results.find((result) => result.segment.version === 3)!.segment.included,
    });
    const audit = await database.dataSource.query(
      "SELECT details->>'version' AS version FROM audit_log WHERE action = 'segment.updated' ORDER BY id",
    );
    expect(audit.map((entry: { version: string }) => Number(entry.version))).toEqual([2, 3]);
  });
});
