import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import { alertEventOf } from '../domain/alert-event.js';
import type { Webhook } from '../domain/webhook.js';
import { insertAuditEntry, insertProject } from '../testing/alerts-fixture.js';
import { SqlAlertOutbox } from './sql-alert-outbox.js';
import { SqlDeliveryQueue } from './sql-delivery-queue.js';
import { TypeormWebhookRepository } from './typeorm-webhook-repository.js';
import { WebhookDeliveryEntity } from './webhook-delivery.entity.js';
import { WebhookEntity } from './webhook.entity.js';

describe('alerts persistence (Postgres, migrations applied)', () => {
  let database: TestDatabase;
  let webhooks: TypeormWebhookRepository;
  let outbox: SqlAlertOutbox;
  let queue: SqlDeliveryQueue;

  const outboxIds = async (): Promise<string[]> =>
    (
      (await database.dataSource.query('SELECT audit_id::text AS id FROM alert_outbox ORDER BY 1')) as Array<{
        id: string;
      }>
    ).map((row) => row.id);
  const deliveriesOf = async (webhookId: string) =>
    (await database.dataSource.query(
      'SELECT id, event_id, event_type, body, status, attempts, last_error, last_status_code FROM webhook_deliveries WHERE webhook_id = $1 ORDER BY created_at',
      [webhookId],
    )) as Array<Record<string, any>>;
  const addWebhook = (projectKey: string, events: Webhook['events'], enabled = true) =>
    webhooks.insert({
      projectKey,
      url: 'https://hooks.example.com/x',
      description: '',
      events,
      enabled,
      secret: 'whsec_0123456789abcdef',
      createdBy: 'test',
    });
  const drainOutbox = async () => {
    while ((await outbox.dispatch(100, alertEventOf)) > 0);
  };

  beforeAll(async () => {
    database = await createTestDatabase({ entities: [WebhookEntity, WebhookDeliveryEntity] });
    webhooks = new TypeormWebhookRepository(database.dataSource.manager);
    outbox = new SqlAlertOutbox(database.dataSource);
    queue = new SqlDeliveryQueue(database.dataSource);
  });

  afterAll(async () => {
    await database?.drop();
  });

  beforeEach(async () => {
    await database.dataSource.query('DELETE FROM webhook_deliveries');
    await database.dataSource.query('DELETE FROM alert_outbox');
  });

  it("captures a flag change in the outbox in the change's own transaction, and nothing when it rolls back", async () => {
    const project = await insertProject(database.dataSource);
    await addWebhook(project, ['kill']);
    const committed = await insertAuditEntry(database.dataSource, {
      projectKey: project,
      action: 'flag-config.killed',
    });
    await database.dataSource
      .transaction(async (manager) => {
        await insertAuditEntry(manager, { projectKey: project, action: 'flag-config.killed' });
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await outboxIds()).toEqual([committed]);
  });

  it('captures nothing for projects without an enabled webhook, or for changes that are not flag changes', async () => {
    const without = await insertProject(database.dataSource);
    const disabled = await insertProject(database.dataSource);
    await addWebhook(disabled, ['kill'], false);
    const subscribed = await insertProject(database.dataSource);
    await addWebhook(subscribed, ['kill']);
    await insertAuditEntry(database.dataSource, { projectKey: without, action: 'flag-config.killed' });
    await insertAuditEntry(database.dataSource, { projectKey: disabled, action: 'flag-config.killed' });
    await insertAuditEntry(database.dataSource, { projectKey: subscribed, action: 'sdk-key.created' });
    await insertAuditEntry(database.dataSource, { projectKey: subscribed, action: 'webhook.created' });
    expect(await outboxIds()).toEqual([]);
  });

  it('dispatches each event to the enabled webhooks of its project subscribed to its type, once', async () => {
    const project = await insertProject(database.dataSource);
    const other = await insertProject(database.dataSource);
    const kills = await addWebhook(project, ['kill', 'restore']);
    const trips = await addWebhook(project, ['trip']);
    const off = await addWebhook(project, ['kill'], false);
    const elsewhere = await addWebhook(other, ['kill']);
    const kill = await insertAuditEntry(database.dataSource, {
      projectKey: project,
      action: 'flag-config.killed',
      version: 5,
    });
    await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.updated' });
    const trip = await insertAuditEntry(database.dataSource, {
      projectKey: project,
      action: 'flag-config.killed',
      actorType: 'breaker',
    });
    await drainOutbox();
    expect(await outboxIds()).toEqual([]);
    const toKills = await deliveriesOf(kills.id);
    expect(toKills).toEqual([
      expect.objectContaining({ event_id: kill, event_type: 'kill', status: 'pending', attempts: 0 }),
    ]);
    expect(JSON.parse(toKills[0]!.body)).toMatchObject({
      id: kill,
      type: 'kill',
      project,
      environment: 'production',
      flag: 'new-checkout',
      version: 5,
      actor: { type: 'token', name: 'alice' },
      reason: 'because',
    });
    expect(await deliveriesOf(trips.id)).toEqual([expect.objectContaining({ event_id: trip, event_type: 'trip' })]);
    expect(await deliveriesOf(off.id)).toEqual([]);
    expect(await deliveriesOf(elsewhere.id)).toEqual([]);
  });

  it('lets two dispatchers take different changes, so each event is queued once', async () => {
    const project = await insertProject(database.dataSource);
    const hook = await addWebhook(project, ['kill']);
    for (let i = 0; i < 40; i++)
      await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.killed' });
    const taken = await Promise.all([outbox.dispatch(25, alertEventOf), outbox.dispatch(25, alertEventOf)]);
    expect(taken[0]! + taken[1]!).toBe(40);
    expect(await deliveriesOf(hook.id)).toHaveLength(40);
  });

  it('gives each due delivery to exactly one of two concurrent claimers, and not again within its lease', async () => {
    const project = await insertProject(database.dataSource);
    const hook = await addWebhook(project, ['kill']);
    for (let i = 0; i < 30; i++)
      await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.killed' });
    await drainOutbox();
    const [a, b] = await Promise.all([queue.claim(20, 60_000), queue.claim(20, 60_000)]);
    const ids = [...a!, ...b!].map((claimed) => claimed.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toHaveLength(30);
    expect(a!.length).toBeGreaterThan(0);
    expect(b!.length).toBeGreaterThan(0);
    expect(a![0]).toMatchObject({ url: 'https://hooks.example.com/x', secret: 'whsec_0123456789abcdef', attempt: 1 });
    expect(await queue.claim(50, 60_000)).toEqual([]);
    expect((await deliveriesOf(hook.id)).every((row) => row.attempts === 1 && row.status === 'pending')).toBe(true);
  });

  it("claims a delivery again once its lease has run out (a sender died), and ignores the dead sender's late result", async () => {
    const project = await insertProject(database.dataSource);
    const hook = await addWebhook(project, ['kill']);
    await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.killed' });
    await drainOutbox();
    const [first] = await queue.claim(10, 60_000);
    await database.dataSource.query(`UPDATE webhook_deliveries SET next_attempt_at = now() - interval '1 second'`);
    const [second] = await queue.claim(10, 60_000);
    expect(second).toMatchObject({ id: first!.id, attempt: 2 });
    await queue.record(first!, { ok: false, statusCode: 500, error: 'HTTP 500' }, null);
    expect(await deliveriesOf(hook.id)).toEqual([
      expect.objectContaining({ status: 'pending', attempts: 2, last_error: null }),
    ]);
    await queue.record(second!, { ok: true, statusCode: 204 }, null);
    expect(await deliveriesOf(hook.id)).toEqual([
      expect.objectContaining({ status: 'sent', attempts: 2, last_status_code: 204, last_error: null }),
    ]);
  });

  it('records a failed attempt as due again at the given time, or failed for good, with its error and status', async () => {
    const project = await insertProject(database.dataSource);
    const hook = await addWebhook(project, ['kill']);
    await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.killed' });
    await drainOutbox();
    const [claimed] = await queue.claim(10, 60_000);
    const later = new Date(Date.now() + 3_600_000);
    await queue.record(claimed!, { ok: false, statusCode: 503, error: 'HTTP 503' }, later);
    const [row] = (await database.dataSource.query(
      'SELECT status, next_attempt_at, last_error, last_status_code, completed_at FROM webhook_deliveries WHERE webhook_id = $1',
      [hook.id],
    )) as Array<Record<string, any>>;
    expect(row).toMatchObject({ status: 'pending', last_error: 'HTTP 503', last_status_code: 503, completed_at: null });
    expect((row!.next_attempt_at as Date).getTime()).toBe(later.getTime());
    expect(await queue.claim(10, 60_000)).toEqual([]);
    await database.dataSource.query(`UPDATE webhook_deliveries SET next_attempt_at = now()`);
    const [again] = await queue.claim(10, 60_000);
    await queue.record(again!, { ok: false, statusCode: null, error: 'ECONNREFUSED' }, null);
    expect(await deliveriesOf(hook.id)).toEqual([
      expect.objectContaining({ status: 'failed', attempts: 2, last_error: 'ECONNREFUSED', last_status_code: null }),
    ]);
  });

  it("never claims a disabled webhook's deliveries, and deletes them with their webhook", async () => {
    const project = await insertProject(database.dataSource);
    const hook = await addWebhook(project, ['kill']);
    await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.killed' });
    await drainOutbox();
    await webhooks.update(project, hook.id, { ...hook, enabled: false });
    expect(await queue.claim(10, 60_000)).toEqual([]);
    expect(await webhooks.delete(project, hook.id)).toMatchObject({ id: hook.id });
    expect(await deliveriesOf(hook.id)).toEqual([]);
  });

  it('scopes webhooks to their project and never returns the secret from lookups', async () => {
    const project = await insertProject(database.dataSource);
    const other = await insertProject(database.dataSource);
    const hook = await addWebhook(project, ['kill']);
    expect(await webhooks.find(other, hook.id)).toBeNull();
    expect(await webhooks.find(project, 'not-a-uuid')).toBeNull();
    const found = await webhooks.find(project, hook.id);
    expect(found).toMatchObject({ id: hook.id, secretHint: 'whsec_0123…' });
    expect(found).not.toHaveProperty('secret');
    expect(await webhooks.list(project)).toEqual([found]);
  });

  it('prunes sent and failed deliveries completed before the cut-off, never pending ones', async () => {
    const project = await insertProject(database.dataSource);
    const hook = await addWebhook(project, ['kill']);
    for (let i = 0; i < 4; i++)
      await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.killed' });
    await drainOutbox();
    const [old, recent, failed] = await queue.claim(3, 60_000);
    await queue.record(old!, { ok: true, statusCode: 200 }, null);
    await queue.record(recent!, { ok: true, statusCode: 200 }, null);
    await queue.record(failed!, { ok: false, statusCode: 500, error: 'HTTP 500' }, null);
    await database.dataSource.query(
      `UPDATE webhook_deliveries SET completed_at = now() - interval '8 days', created_at = now() - interval '8 days'
        WHERE id = ANY ($1::uuid[])`,
      [[old!.id, failed!.id]],
    );
    await database.dataSource.query(
      `UPDATE webhook_deliveries SET created_at = now() - interval '8 days' WHERE status = 'pending'`,
    );
    expect(await queue.prune(new Date(Date.now() - 7 * 86_400_000), 100)).toBe(2);
    const left = await deliveriesOf(hook.id);
    expect(left.map((row) => row.id).sort()).toEqual(
      [recent!.id, ...left.filter((row) => row.status === 'pending').map((row) => row.id)].sort(),
    );
    expect(left).toHaveLength(2);
  });
});
