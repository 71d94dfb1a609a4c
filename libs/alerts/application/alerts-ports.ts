import type { Actor } from '@switchyard/kernel';
import type { AlertEvent, AuditedChange } from '../domain/alert-event.js';
import type { AttemptOutcome, ClaimedDelivery, DeliveryStatus, WebhookDelivery } from '../domain/webhook-delivery.js';
import type { Webhook, WebhookSettings, WebhookWithSecret } from '../domain/webhook.js';

/** Port: a project's webhooks. Lookups are scoped to the project, so an id of another project finds nothing. */
export abstract class WebhookRepository {
  abstract insert(input: WebhookSettings & { projectKey: string; secret: string; createdBy: string }): Promise<Webhook>;
  abstract list(projectKey: string): Promise<Webhook[]>;
  abstract count(projectKey: string): Promise<number>;
  abstract find(projectKey: string, id: string): Promise<Webhook | null>;
  abstract update(projectKey: string, id: string, settings: WebhookSettings): Promise<Webhook | null>;
  abstract setSecret(projectKey: string, id: string, secret: string): Promise<WebhookWithSecret | null>;
  /** Deletes the webhook and its deliveries; null when there was none. */
  abstract delete(projectKey: string, id: string): Promise<Webhook | null>;
}

/** One page of a webhook's deliveries, newest first. */
export interface DeliveryPage {
  items: WebhookDelivery[];
  /** Pass as `before` for the next page; null on the last. */
  nextBefore: string | null;
}

/** Which deliveries to list. */
export interface DeliveryQuery {
  status?: DeliveryStatus;
  /** A delivery id: return those created before it. */
  before?: string;
  limit: number;
}

/** Port: deliveries as people read them, and the test event's delivery. */
export abstract class DeliveryRepository {
  abstract list(webhookId: string, query: DeliveryQuery): Promise<DeliveryPage>;
  /** Queues one event for one webhook, due now. */
  abstract enqueue(webhookId: string, event: AlertEvent, body: string): Promise<WebhookDelivery>;
}

/** One audit entry to record with a webhook change. */
export interface AlertsAuditEvent {
  action: 'webhook.created' | 'webhook.updated' | 'webhook.deleted' | 'webhook.secret-rotated';
  actor: Actor;
  projectKey: string;
  details: Record<string, unknown>;
}

/** The ports a webhook write uses, all in one transaction with its audit entry. */
export interface AlertsWriteScope {
  webhooks: WebhookRepository;
  audit: { record(event: AlertsAuditEvent): Promise<void> };
}

/** Port: runs a webhook write and its audit entry in one transaction (both commit, or neither). */
export abstract class AlertsTransaction {
  abstract run<T>(work: (scope: AlertsWriteScope) => Promise<T>): Promise<T>;
}

/** Port: "does this project exist?", answered by the flags context. */
export abstract class ProjectDirectory {
  abstract exists(projectKey: string): Promise<boolean>;
}

/** Port: the outbox of audited changes; `dispatch` turns a batch into deliveries, in one transaction. */
export abstract class AlertOutbox {
  /**
   * Takes up to `limit` captured changes no other node holds, queues a delivery of each one's event for every
   * enabled webhook of its project subscribed to it (`build` makes the event and its body; null: none), and
   * removes them from the outbox, all in one transaction. Returns how many changes it took.
   */
  abstract dispatch(limit: number, build: (change: AuditedChange) => AlertEvent | null): Promise<number>;
}

/** Port: the queue of deliveries that senders claim (one node per attempt) and record attempts into. */
export abstract class DeliveryQueue {
  /**
   * Claims up to `limit` due deliveries of enabled webhooks that no other node holds (`FOR UPDATE SKIP LOCKED`):
   * counts the attempt and moves their next attempt `leaseMs` ahead, so nobody else takes them while this node
   * sends; a node that dies mid-send leaves them to be claimed again after the lease.
   */
  abstract claim(limit: number, leaseMs: number): Promise<ClaimedDelivery[]>;
  /** Records an attempt's outcome: sent, due again at `nextAttemptAt`, or failed for good (`null`). */
  abstract record(delivery: ClaimedDelivery, outcome: AttemptOutcome, nextAttemptAt: Date | null): Promise<void>;
  /** Deletes up to `limit` sent or failed deliveries completed before `olderThan`; returns how many. */
  abstract prune(olderThan: Date, limit: number): Promise<number>;
}

/** Port: one HTTP attempt of a delivery (signed), bounded by a timeout and an abort signal. */
export abstract class WebhookTransport {
  abstract send(delivery: ClaimedDelivery, signal: AbortSignal): Promise<AttemptOutcome>;
}
