import { createTestDatabase, type TestDatabase } from '@switchyard/database/testing';
import type { AttemptOutcome, ClaimedDelivery } from '../domain/webhook-delivery.js';
import { SqlAlertOutbox } from '../persistence/sql-alert-outbox.js';
import { SqlDeliveryQueue } from '../persistence/sql-delivery-queue.js';
import { TypeormWebhookRepository } from '../persistence/typeorm-webhook-repository.js';
import { WebhookDeliveryEntity } from '../persistence/webhook-delivery.entity.js';
import { WebhookEntity } from '../persistence/webhook.entity.js';
import { insertAuditEntry, insertProject } from '../testing/alerts-fixture.js';
import { WebhookTransport } from './alerts-ports.js';
import { AlertsWorker, type AlertsWorkerOptions } from './alerts-worker.js';

/** A transport that answers from a script and tells who waits when the n-th attempt has been made. */
class ScriptedTransport extends WebhookTransport {
  readonly attempts: ClaimedDelivery[] = [];
  private waiters: Array<{ count: number; resolve: () => void }> = [];

  constructor(private readonly script: (attempt: number) => AttemptOutcome) {
    super();
  }

  async send(delivery: ClaimedDelivery): Promise<AttemptOutcome> {
    this.attempts.push(delivery);
    const outcome = this.script(this.attempts.length);
    this.waiters = this.waiters.filter((waiter) => {
      if (this.attempts.length < waiter.count) return true;
      waiter.resolve();
      return false;
    });
    return outcome;
  }

  attempted(count: number): Promise<void> {
    if (this.attempts.length >= count) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ count, resolve }));
  }
}

describe('AlertsWorker on Postgres', () => {
  let database: TestDatabase;
  const workers: AlertsWorker[] = [];
  const errors: unknown[] = [];

  const options = (retry: Partial<AlertsWorkerOptions['retry']> = {}): AlertsWorkerOptions => ({
    senders: 4,
    pollMs: 20,
    timeoutMs: 1_000,
    retentionMs: 86_400_000,
    retry: { baseDelayMs: 5, maxDelayMs: 20, maxAttempts: 10, retryForMs: 60_000, ...retry },
  });
  const startWorker = (transport: WebhookTransport, workerOptions: AlertsWorkerOptions) => {
    const worker = new AlertsWorker(
      new SqlAlertOutbox(database.dataSource),
      new SqlDeliveryQueue(database.dataSource),
      transport,
      workerOptions,
      (_message, error) => errors.push(error),
    );
    workers.push(worker);
    worker.start();
    return worker;
  };
  const webhookFor = async (events: Array<'kill' | 'restore'>) => {
    const project = await insertProject(database.dataSource);
    const hook = await new TypeormWebhookRepository(database.dataSource.manager).insert({
      projectKey: project,
      url: 'https://hooks.example.com/x',
      description: '',
      events,
      enabled: true,
      secret: 'whsec_0123456789abcdef',
      createdBy: 'test',
    });
    return { project, hook };
  };
  const rowsOf = async (webhookId: string) =>
    (await database.dataSource.query(
      'SELECT status, attempts, last_error, last_status_code FROM webhook_deliveries WHERE webhook_id = $1',
      [webhookId],
    )) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    database = await createTestDatabase({ entities: [WebhookEntity, WebhookDeliveryEntity] });
  });

  afterEach(async () => {
    await Promise.all(workers.splice(0).map((worker) => worker.stop()));
    expect(errors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await database?.drop();
  });

  it('retries a failing endpoint with back-off until it answers 2xx, and records every attempt', async () => {
    const { project, hook } = await webhookFor(['kill']);
    const transport = new ScriptedTransport((n) =>
      n < 3 ? { ok: false, statusCode: 503, error: 'HTTP 503' } : { ok: true, statusCode: 200 },
    );
    const worker = startWorker(transport, options());
    await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.killed' });
    worker.wake();
    await transport.attempted(3);
    await worker.settled();
    expect(transport.attempts.map((attempt) => attempt.attempt)).toEqual([1, 2, 3]);
    expect(await rowsOf(hook.id)).toEqual([{ status: 'sent', attempts: 3, last_error: null, last_status_code: 200 }]);
  });

  it('gives up after the last attempt the policy allows and records the delivery failed with its last error', async () => {
    const { project, hook } = await webhookFor(['kill']);
    const transport = new ScriptedTransport(() => ({ ok: false, statusCode: null, error: 'ECONNREFUSED' }));
    const worker = startWorker(transport, options({ maxAttempts: 3 }));
    await insertAuditEntry(database.dataSource, { projectKey: project, action: 'flag-config.killed' });
    worker.wake();
    await transport.attempted(3);
    await worker.settled();
    expect(await rowsOf(hook.id)).toEqual([
      { status: 'failed', attempts: 3, last_error: 'ECONNREFUSED', last_status_code: null },
    ]);
    // A failed delivery is never due again.
    expect(await new SqlDeliveryQueue(database.dataSource).claim(10, 1_000)).toEqual([]);
    expect(transport.attempts).toHaveLength(3);
  });

  it('sends each delivery once when two nodes run workers on the same database', async () => {
    const { project, hook } = await webhookFor(['kill', 'restore']);
    const transport = new ScriptedTransport(() => ({ ok: true, statusCode: 204 }));
    const a = startWorker(transport, options());
    const b = startWorker(transport, options());
    for (let i = 0; i < 20; i++)
      await insertAuditEntry(database.dataSource, {
        projectKey: project,
        action: i % 2 ? 'flag-config.killed' : 'flag-config.restored',
      });
    a.wake();
    b.wake();
    await transport.attempted(20);
    await Promise.all([a.settled(), b.settled()]);
    const ids = transport.attempts.map((attempt) => attempt.id);
    expect(new Set(ids).size).toBe(20);
    expect(ids).toHaveLength(20);
    expect((await rowsOf(hook.id)).every((row) => row.status === 'sent' && row.attempts === 1)).toBe(true);
  });
});
