import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { hashSecret } from '../domain/secret.js';
import { AdminTokenEntity } from './admin-token.entity.js';
import { SdkKeyEntity } from './sdk-key.entity.js';
import { TypeormAdminTokenRepository } from './typeorm-admin-token-repository.js';
import { TypeormSdkKeyRepository } from './typeorm-sdk-key-repository.js';

describe('access repositories on Postgres', () => {
  let database: TestDatabase;
  let tokens: TypeormAdminTokenRepository;
  let keys: TypeormSdkKeyRepository;
  const projectId = randomUUID();
  const environmentId = randomUUID();

  beforeAll(async () => {
    database = await createTestDatabase({ entities: [AdminTokenEntity, SdkKeyEntity] });
    const { dataSource } = database;
    tokens = new TypeormAdminTokenRepository(dataSource.getRepository(AdminTokenEntity), dataSource);
    keys = new TypeormSdkKeyRepository(dataSource.getRepository(SdkKeyEntity));
    await dataSource.query(`INSERT INTO projects (id, key, name) VALUES ($1, 'shop', 'Shop')`, [projectId]);
    await dataSource.query(`INSERT INTO environments (id, project_id, key, name) VALUES ($1, $2, 'prod', 'Prod')`, [
      environmentId,
      projectId,
    ]);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('stores an admin token by hash and finds it by that hash only', async () => {
    const hash = hashSecret('syt_one');
    const created = await tokens.insert({
      name: 'one',
      role: 'editor',
      holder: 'person',
      hash,
      hint: 'syt_one…',
      createdBy: 'system',
    });
    expect(created).toMatchObject({ name: 'one', role: 'editor', holder: 'person', revokedAt: null, lastUsedAt: null });
    const found = await tokens.findByHash(hashSecret('syt_one'));
    expect(found?.record).toMatchObject({ id: created.id, holder: 'person' });
    expect(found?.hash.equals(hash)).toBe(true);
    expect(await tokens.findByHash(hashSecret('syt_two'))).toBeNull();
  });

  it('refuses two tokens with the same hash', async () => {
    const hash = hashSecret('syt_same');
    await tokens.insert({ name: 'a', role: 'viewer', holder: null, hash, hint: '…', createdBy: 'system' });
    await expect(
      tokens.insert({ name: 'b', role: 'viewer', holder: null, hash, hint: '…', createdBy: 'system' }),
    ).rejects.toThrow();
  });

  it('revokes once, keeps the first revocation time, and counts active admins', async () => {
    const before = await tokens.countActiveAdmins();
    const admin = await tokens.insert({
      name: 'adm',
      role: 'admin',
      holder: null,
      hash: hashSecret('syt_adm'),
      hint: '…',
      createdBy: 'system',
    });
    expect(await tokens.countActiveAdmins()).toBe(before + 1);
    const first = await tokens.revoke(admin.id, new Date('2026-01-01T00:00:00Z'));
    const second = await tokens.revoke(admin.id, new Date('2026-02-01T00:00:00Z'));
    expect(first?.revokedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(second?.revokedAt).toBe('2026-01-01T00:00:00.000Z');
    expect(await tokens.countActiveAdmins()).toBe(before);
    expect(await tokens.revoke(randomUUID(), new Date())).toBeNull();
    expect(await tokens.revoke('not-a-uuid', new Date())).toBeNull();
  });

  it('records when a token was last used', async () => {
    const token = await tokens.insert({
      name: 'used',
      role: 'viewer',
      holder: null,
      hash: hashSecret('syt_used'),
      hint: '…',
      createdBy: 'system',
    });
    await tokens.touch(token.id, new Date('2026-03-03T03:03:03Z'));
    expect((await tokens.findByHash(hashSecret('syt_used')))?.record.lastUsedAt).toBe('2026-03-03T03:03:03.000Z');
  });

  it('binds SDK keys to an existing environment and lists them per environment', async () => {
    const key = await keys.insert({
      name: 'svc',
      projectId,
      environmentId,
      hash: hashSecret('sdk_svc'),
      hint: '…',
      createdBy: 'adm',
    });
    expect((await keys.findByHash(hashSecret('sdk_svc')))?.record).toMatchObject({
      id: key.id,
      environmentId,
      projectId,
    });
    expect((await keys.listByEnvironment(environmentId)).map((item) => item.id)).toContain(key.id);
    await expect(
      keys.insert({
        name: 'orphan',
        projectId,
        environmentId: randomUUID(),
        hash: hashSecret('sdk_x'),
        hint: '…',
        createdBy: 'adm',
      }),
    ).rejects.toThrow(/foreign key/);
  });

  it('tells which of a list of credentials are revoked (ids that cannot exist are simply not revoked)', async () => {
    const live = await tokens.insert({
      name: 'live',
      role: 'viewer',
      holder: null,
      hash: hashSecret('syt_live'),
      hint: '…',
      createdBy: 'system',
    });
    const dead = await tokens.insert({
      name: 'dead',
      role: 'viewer',
      holder: null,
      hash: hashSecret('syt_dead'),
      hint: '…',
      createdBy: 'system',
    });
    await tokens.revoke(dead.id, new Date());
    expect(await tokens.revokedAmong([live.id, dead.id, randomUUID(), 'not-a-uuid'])).toEqual([dead.id]);
    expect(await tokens.revokedAmong([])).toEqual([]);
    const keyLive = await keys.insert({
      name: 'l',
      projectId,
      environmentId,
      hash: hashSecret('sdk_l'),
      hint: '…',
      createdBy: 'adm',
    });
    const keyDead = await keys.insert({
      name: 'd',
      projectId,
      environmentId,
      hash: hashSecret('sdk_d'),
      hint: '…',
      createdBy: 'adm',
    });
    await keys.revoke(keyDead.id, new Date());
    expect(await keys.revokedAmong([keyLive.id, keyDead.id, dead.id])).toEqual([keyDead.id]);
  });

  it('runs bootstrap work one node at a time', async () => {
    const order: string[] = [];
    const work = (name: string) => async () => {
      order.push(`${name}:start`);
      await new Promise((resolve) => setImmediate(resolve));
      order.push(`${name}:end`);
    };
    await Promise.all([tokens.exclusively(work('a')), tokens.exclusively(work('b'))]);
    expect(order[1]).toBe(`${order[0]!.split(':')[0]}:end`);
  });
});
