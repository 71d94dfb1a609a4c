import { WebhookTransport } from '../application/alerts-ports.js';
import { SIGNATURE_HEADER, signatureHeader } from '../domain/signature.js';
import type { AttemptOutcome, ClaimedDelivery } from '../domain/webhook-delivery.js';

const USER_AGENT = 'Switchyard-Webhooks/1';
const MAX_ERROR_LENGTH = 500;

/**
 * One signed POST with Node's fetch. Redirects are not followed (a 3xx is a failed attempt: the URL an admin
 * entered is the only one we post to); the response body is not read beyond its status.
 */
export class FetchWebhookTransport extends WebhookTransport {
  constructor(private readonly timeoutMs: number) {
    super();
  }

  async send(delivery: ClaimedDelivery, signal: AbortSignal): Promise<AttemptOutcome> {
    const timestamp = Math.floor(Date.now() / 1000);
    try {
      const response = await fetch(delivery.url, {
        method: 'POST',
        redirect: 'manual',
        signal,
        headers: {
          'content-type': 'application/json',
          'user-agent': USER_AGENT,
          [SIGNATURE_HEADER]: signatureHeader(delivery.secret, timestamp, delivery.body),
          'Switchyard-Event': delivery.eventType,
          'Switchyard-Delivery': delivery.id,
        },
        body: delivery.body,
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return { ok: true, statusCode: response.status };
      return { ok: false, statusCode: response.status, error: `HTTP ${response.status}` };
    } catch (error) {
      return { ok: false, statusCode: null, error: this.describe(error, signal) };
    }
  }

  private describe(error: unknown, signal: AbortSignal): string {
    if (signal.aborted) {
      // DOMException and Error alike (neither is guaranteed to be this realm's Error).
      const reason = signal.reason as { name?: string; message?: string } | undefined;
      if (reason?.name === 'TimeoutError') return `timed out after ${this.timeoutMs} ms`;
      return `aborted: ${reason?.message ?? String(reason)}`;
    }
    const cause = error instanceof Error ? (error.cause as { code?: string; message?: string } | undefined) : undefined;
    const text = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
    return text.slice(0, MAX_ERROR_LENGTH);
  }
}
