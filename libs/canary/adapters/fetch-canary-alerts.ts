import { CanaryAlerts, type CanaryAlertEvent } from '../application/canary-ports.js';

/** Attempts per alert, and the timeout of each. */
const ATTEMPTS = 3;
const TIMEOUT_MS = 5_000;

/**
 * POSTs each canary alert as JSON to the operator's CANARY_ALERT_URL (a chat or paging webhook), retried twice;
 * nothing when no URL is set. The canary is the platform's own health, so it alerts the operator, not projects.
 */
export class FetchCanaryAlerts extends CanaryAlerts {
  constructor(
    private readonly url: string | undefined,
    private readonly warn: (message: string) => void,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    super();
  }

  async send(event: CanaryAlertEvent): Promise<void> {
    if (!this.url) return;
    const body = JSON.stringify(event);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
      try {
        const response = await this.fetchImpl(this.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'user-agent': 'switchyard-canary' },
          body,
          signal: AbortSignal.timeout(TIMEOUT_MS),
        });
        await response.body?.cancel();
        if (response.ok) return;
        if (attempt === ATTEMPTS) this.warn(`canary alert ${event.type}: the alert URL answered ${response.status}`);
      } catch (error) {
        if (attempt === ATTEMPTS)
          this.warn(
            `canary alert ${event.type} not delivered: ${error instanceof Error ? error.message : String(error)}`,
          );
      }
      if (attempt < ATTEMPTS) await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    }
  }
}
