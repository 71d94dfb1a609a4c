import type { MetricsRegistry } from '@switchyard/kernel';
import { Counter, Histogram } from 'prom-client';
import type { AttemptObserver } from './application/alerts-worker.js';

/**
 * `switchyard_webhook_attempts_total{event, result}` (result: sent, retry, failed) and
 * `switchyard_webhook_attempt_duration_seconds{result}`: bounded labels (7 event types × 3 results), never a URL.
 */
export function alertsMetrics(metrics: MetricsRegistry): AttemptObserver {
  const registers = [metrics.registry];
  const attempts = new Counter({
    name: 'switchyard_webhook_attempts_total',
    help: 'Webhook delivery attempts on this node, by event type and result (sent, retry, failed)',
    labelNames: ['event', 'result'],
    registers,
  });
  const duration = new Histogram({
    name: 'switchyard_webhook_attempt_duration_seconds',
    help: 'Duration of webhook delivery attempts on this node, by result',
    labelNames: ['result'],
    buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers,
  });
  return (result, delivery, seconds) => {
    attempts.inc({ event: delivery.eventType, result });
    duration.observe({ result }, seconds);
  };
}
