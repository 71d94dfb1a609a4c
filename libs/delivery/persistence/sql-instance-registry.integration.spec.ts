import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import type { InstanceSighting } from '../domain/sdk-report.js';
import { SqlInstanceRegistry } from './sql-instance-registry.js';
import { RowsRefusedError } from './write-isolating-bad-rows.js';
import { insertEnvironment } from '../testing/insert-environment.js';

describe('SqlInstanceRegistry (Postgres, migrations applied)', () => {
  let database: TestDatabase;
  let registry: SqlInstanceRegistry;

  const newEnvironment = (): Promise<string> => insertEnvironment(database.dataSource);
  const sighting = (environmentId: string, instanceId: string, appName = 'app'): InstanceSighting => ({
    environmentId,
    instanceId,
    appName,
    sdkVersion: '1.0.0',
    node: 'node-1',
    ack: { version: 1, receivedAt: new Date() },
  });
  const instances = async (environmentId: string): Promise<string[]> =>
    (
      (await database.dataSource.query(
        `SELECT instance_id FROM sdk_instances WHERE environment_id = $1 ORDER BY instance_id`,
        [environmentId],
      )) as Array<{ instance_id: string }>
    ).map((row) => row.instance_id);

  beforeAll(async () => {
    database = await createTestDatabase();
    registry = new SqlInstanceRegistry(database.dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it("writes every other SDK's rows when one row of the batched write holds a NUL", async () => {
    const poisoned = await newEnvironment();
    const good = await newEnvironment();
    const batch = [
      sighting(good, 'g1'),
      sighting(poisoned, 'bad', 'app\u0000'),
      sighting(good, 'g2'),
      sighting(poisoned, 'fine'),
    ];
    await expect(registry.record(batch)).rejects.toBeInstanceOf(RowsRefusedError);
    expect(await instances(good)).toEqual(['g1', 'g2']);
    expect(await instances(poisoned)).toEqual(['fine']);
  });

  it('writes the other rows when one names an environment deleted since its report', async () => {
    const good = await newEnvironment();
    await expect(registry.record([sighting(randomUUID(), 'orphan'), sighting(good, 'g1')])).rejects.toThrow(
      /1 of 2 rows refused/,
    );
    expect(await instances(good)).toEqual(['g1']);
  });
});
