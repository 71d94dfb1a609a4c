import type { DeliveredEventType } from './alert-event.js';

/** pending: waiting for its first or next attempt (or being sent); sent: a 2xx came back; failed: given up. */
export type DeliveryStatus = 'pending' | 'sent' | 'failed';

/** The statuses, for filters and validation. */
export const DELIVERY_STATUSES: readonly DeliveryStatus[] = ['pending', 'sent', 'failed'];

/** One event's delivery to one webhook, with the outcome of its attempts. */
export interface WebhookDelivery {
  id: string;
  webhookId: string;
  eventId: string;
  eventType: DeliveredEventType;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  lastAttemptAt: string | null;
  /** When the next attempt is due (null once sent or failed). */
  nextAttemptAt: string | null;
  createdAt: string;
  /** When it was sent or given up. */
  completedAt: string | null;
  /** The exact JSON body that is signed and sent. */
  body: string;
}

/** A delivery claimed by this node for one attempt: what the sender needs, and the attempt number it holds. */
export interface ClaimedDelivery {
  id: string;
  webhookId: string;
  eventType: DeliveredEventType;
  url: string;
  secret: string;
  body: string;
  /** This attempt's number (1-based); the result is recorded only while the row still holds it. */
  attempt: number;
  createdAt: Date;
}

/** The outcome of one attempt. */
export type AttemptOutcome = { ok: true; statusCode: number } | { ok: false; statusCode: number | null; error: string };
