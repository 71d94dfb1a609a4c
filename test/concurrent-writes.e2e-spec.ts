import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { startApp, type StartedApp, type TestResponse } from './support/start-app.js';

// Parallel writers over real HTTP on real Postgres, spread over two service nodes on one database (so that
// the database's row locks, not only a node's in-process queue, are what serialises them): of N writers
// based on the same version exactly one wins, the others get 409 VERSION_CONFLICT, and exactly one version,
// audit entry and change-log row (per environment) is written. Writes without a base version (kill, restore,
// toggle without one) are idempotent.
const ENV = '/api/projects/shop/environments/production';
const WRITERS = 20;

describe('concurrent writes', () => {
  let database: TestDatabase;
  let service: StartedApp;
  let other: StartedApp;
  /** Writer `index` sends to node A or node B in turn. */
  const on = (index: number) => (index % 2 === 0 ? service : other);
  const count = async (sql: string, params: unknown[] = []): Promise<number> =>
    Number((await service.database.dataSource.query(sql, params))[0].n);
  const versionsOf = (flag: string) =>
    count('SELECT count(*) AS n FROM flag_config_versions v JOIN flags f ON f.id = v.flag_id WHERE f.key = $1', [flag]);
  const auditOf = (action: string, key: string) =>
    count('SELECT count(*) AS n FROM audit_log WHERE action = $1 AND coalesce(flag_key, segment_key) = $2', [
      action,
      key,
    ]);
  const changeLogRows = () => count('SELECT count(*) AS n FROM change_log');
  const statuses = (responses: TestResponse[]) => responses.map((response) => response.status).sort();
  const race = (n: number, write: (index: number) => Promise<TestResponse>) =>
    Promise.all(Array.from({ length: n }, (_, index) => write(index)));
  const createFlag = async (key: string) => {
    expect(
      (await service.request('POST', '/api/projects/shop/flags', { body: { key, name: key, type: 'boolean' } })).status,
    ).toBe(201);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    [service, other] = [await startApp({ database }), await startApp({ database })];
    await service.request('POST', '/api/projects', { body: { key: 'shop', name: 'Shop' } });
    for (const key of ['staging', 'production'])
      await service.request('POST', '/api/projects/shop/environments', { body: { key, name: key, protected: false } });
  });

  afterAll(async () => {
    await other?.close();
    await service?.close();
    await database?.drop();
  });

  const expectOneWinner = (responses: TestResponse[], winnerVersion: number) => {
    expect(statuses(responses)).toEqual([200, ...Array<number>(WRITERS - 1).fill(409)]);
    for (const loser of responses.filter((response) => response.status === 409)) {
      expect(loser.body.error).toMatchObject({ code: 'VERSION_CONFLICT', currentVersion: winnerVersion });
    }
  };

  it('lets one of 20 segment PUTs on the same If-Match win, with one audit entry and one change-log row per environment', async () => {
    await service.request('POST', '/api/projects/shop/segments', {
      body: { key: 'staff', name: 'Staff', included: ['u0'] },
    });
    const logBefore = await changeLogRows();
    const responses = await race(WRITERS, (index) =>
      on(index).request('PUT', '/api/projects/shop/segments/staff', {
        headers: { 'if-match': '"1"' },
        body: { name: 'Staff', included: [`writer-${index}`] },
      }),
    );
    expectOneWinner(responses, 2);
    const winner = responses.find((response) => response.status === 200)!;
    expect(winner.body).toMatchObject({ version: 2, unchanged: false });
    expect((await service.request('GET', '/api/projects/shop/segments/staff')).body).toMatchObject({
      version: 2,
      included: winner.body.included,
    });
    expect(await auditOf('segment.updated', 'staff')).toBe(1);
    expect(await changeLogRows()).toBe(logBefore + 2);
  });

  it('lets one of 20 segment PUTs with the same baseVersion in the body win', async () => {
    const logBefore = await changeLogRows();
    const responses = await race(WRITERS, (index) =>
      on(index).request('PUT', '/api/projects/shop/segments/staff', {
        body: { name: 'Staff', excluded: [`writer-${index}`], baseVersion: 2 },
      }),
    );
    expectOneWinner(responses, 3);
    expect(await auditOf('segment.updated', 'staff')).toBe(2);
    expect(await changeLogRows()).toBe(logBefore + 2);
  });

  it('lets one of 20 flag-config PUTs on the same base version win', async () => {
    await createFlag('race-put');
    const logBefore = await changeLogRows();
    const responses = await race(WRITERS, (index) =>
      on(index).request('PUT', `${ENV}/flags/race-put`, {
        headers: { 'if-match': '"1"' },
        body: {
          on: true,
          offVariant: 'off',
          rules: [{ id: `r${index}`, conditions: [], serve: { variant: 'on' } }],
          fallthrough: { variant: 'off' },
        },
      }),
    );
    expectOneWinner(responses, 2);
    expect(await versionsOf('race-put')).toBe(3); // version 1 in each environment, version 2 in production
    expect(await auditOf('flag-config.updated', 'race-put')).toBe(1);
    expect(await changeLogRows()).toBe(logBefore + 1);
  });

  it('lets one of 20 toggles on the same base version win', async () => {
    await createFlag('race-toggle');
    const logBefore = await changeLogRows();
    const responses = await race(WRITERS, (index) =>
      on(index).request('POST', `${ENV}/flags/race-toggle/toggle`, {
        body: { on: true, baseVersion: 1, reason: `writer ${index}` },
      }),
    );
    expectOneWinner(responses, 2);
    expect(await versionsOf('race-toggle')).toBe(3);
    expect(await auditOf('flag-config.toggled', 'race-toggle')).toBe(1);
    expect(await changeLogRows()).toBe(logBefore + 1);
  });

  it('lets one of 20 reverts on the same base version win', async () => {
    await createFlag('race-revert');
    const put = await service.request('PUT', `${ENV}/flags/race-revert`, {
      headers: { 'if-match': '"1"' },
      body: { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } },
    });
    expect(put.status).toBe(200);
    const logBefore = await changeLogRows();
    const responses = await race(WRITERS, (index) =>
      on(index).request('POST', `${ENV}/flags/race-revert/revert`, { body: { version: 1, baseVersion: 2 } }),
    );
    expectOneWinner(responses, 3);
    expect(await versionsOf('race-revert')).toBe(4);
    expect(await auditOf('flag-config.reverted', 'race-revert')).toBe(1);
    expect(await changeLogRows()).toBe(logBefore + 1);
  });

  it('makes one kill version of 100 concurrent kills, the others answering unchanged, never 409', async () => {
    await createFlag('race-kill');
    const logBefore = await changeLogRows();
    const responses = await race(100, (index) =>
      on(index).request('POST', `${ENV}/flags/race-kill/kill`, { body: { reason: `incident ${index}` } }),
    );
    expect(statuses(responses)).toEqual(Array<number>(100).fill(200));
    expect(responses.filter((response) => response.body.unchanged === false)).toHaveLength(1);
    for (const response of responses)
      expect(response.body).toMatchObject({ version: 2, config: { killed: expect.any(Object) } });
    expect(await versionsOf('race-kill')).toBe(3);
    expect(await auditOf('flag-config.killed', 'race-kill')).toBe(1);
    expect(await changeLogRows()).toBe(logBefore + 1);
  });

  it('kills without a base version while 20 writers on the same base version race with it, keeping the winner', async () => {
    await createFlag('race-kill-writers');
    const logBefore = await changeLogRows();
    const kill = () => on(1).request('POST', `${ENV}/flags/race-kill-writers/kill`, { body: { reason: 'incident' } });
    const put = (index: number) =>
      on(index).request('PUT', `${ENV}/flags/race-kill-writers`, {
        headers: { 'if-match': '"1"' },
        body: { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } },
      });
    const [killed, ...writers] = await Promise.all([kill(), ...Array.from({ length: WRITERS }, (_, i) => put(i))]);
    expect(killed!.status).toBe(200);
    expect(killed!.body).toMatchObject({ unchanged: false, config: { killed: { reason: 'incident' } } });
    // At most one writer on version 1 wins, and only by committing before the kill; the rest are refused.
    const won = writers.filter((response) => response.status === 200);
    expect(won.length).toBeLessThanOrEqual(1);
    expect(writers.filter((response) => response.status === 409)).toHaveLength(WRITERS - won.length);
    const current = (await service.request('GET', `${ENV}/flags/race-kill-writers`)).body;
    expect(current).toMatchObject({ version: 2 + won.length, config: { killed: { reason: 'incident' } } });
    expect(current.config.on).toBe(won.length === 1);
    expect(killed!.body.version).toBe(current.version);
    expect(await versionsOf('race-kill-writers')).toBe(3 + won.length);
    expect(await changeLogRows()).toBe(logBefore + 1 + won.length);
  });

  it('makes one restore version of 20 concurrent restores', async () => {
    const logBefore = await changeLogRows();
    const responses = await race(WRITERS, (index) =>
      on(index).request('POST', `${ENV}/flags/race-kill/restore`, { body: {} }),
    );
    expect(statuses(responses)).toEqual(Array<number>(WRITERS).fill(200));
    expect(responses.filter((response) => response.body.unchanged === false)).toHaveLength(1);
    expect(await versionsOf('race-kill')).toBe(4);
    expect(await auditOf('flag-config.restored', 'race-kill')).toBe(1);
    expect(await changeLogRows()).toBe(logBefore + 1);
  });

  it('makes one version of 20 concurrent toggles to the same state without a base version', async () => {
    await createFlag('race-switch');
    const responses = await race(WRITERS, (index) =>
      on(index).request('POST', `${ENV}/flags/race-switch/toggle`, { body: { on: true } }),
    );
    expect(statuses(responses)).toEqual(Array<number>(WRITERS).fill(200));
    expect(responses.filter((response) => response.body.unchanged === false)).toHaveLength(1);
    expect(await versionsOf('race-switch')).toBe(3);
    expect(await auditOf('flag-config.toggled', 'race-switch')).toBe(1);
  });

  it('kills the tagged flags once when 20 kill the tag at the same time', async () => {
    for (const key of ['tag-a', 'tag-b']) {
      expect(
        (
          await service.request('POST', '/api/projects/shop/flags', {
            body: { key, name: key, type: 'boolean', tags: ['storm'] },
          })
        ).status,
      ).toBe(201);
    }
    const logBefore = await changeLogRows();
    const responses = await race(WRITERS, (index) =>
      on(index).request('POST', `${ENV}/kill`, { body: { tag: 'storm' } }),
    );
    expect(statuses(responses)).toEqual(Array<number>(WRITERS).fill(200));
    expect(
      responses.filter((response) => response.body.killed.length > 0).map((response) => response.body.killed.sort()),
    ).toEqual([['tag-a', 'tag-b']]);
    for (const key of ['tag-a', 'tag-b']) expect(await auditOf('flag-config.killed', key)).toBe(1);
    expect(await changeLogRows()).toBe(logBefore + 1);
  });

  it('archives a flag once when 20 archive it at the same time', async () => {
    await createFlag('race-archive');
    const logBefore = await changeLogRows();
    const responses = await race(WRITERS, (index) =>
      on(index).request('POST', '/api/projects/shop/flags/race-archive/archive', { body: {} }),
    );
    expect(statuses(responses)).toEqual(Array<number>(WRITERS).fill(200));
    expect(await auditOf('flag.archived', 'race-archive')).toBe(1);
    expect(await changeLogRows()).toBe(logBefore + 2);
  });
});
