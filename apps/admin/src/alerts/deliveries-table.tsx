import type { ReactNode } from 'react';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { utcTime } from '../ui/utc-time.js';

/** A webhook's latest deliveries: event, status, attempts, last status code and error, next attempt. */
export function DeliveriesTable({ webhookId }: { webhookId: string }): ReactNode {
  const { api, project } = useWorkspace();
  const deliveries = useLoad(() => api.webhookDeliveries(project, webhookId), [api, project, webhookId]);
  return (
    <div className="deliveries">
      <div className="actions">
        <button type="button" className="button-small" onClick={deliveries.reload}>
          Refresh deliveries
        </button>
      </div>
      <ErrorBanner error={deliveries.error} />
      {deliveries.data && deliveries.data.length === 0 && <p className="muted small">No delivery yet.</p>}
      {deliveries.data && deliveries.data.length > 0 && (
        <div className="table-wrap">
          <table aria-label="Deliveries">
            <thead>
              <tr>
                <th scope="col">Created</th>
                <th scope="col">Event</th>
                <th scope="col">Status</th>
                <th scope="col">Attempts</th>
                <th scope="col">Last answer</th>
                <th scope="col">Next attempt</th>
              </tr>
            </thead>
            <tbody>
              {deliveries.data.map((delivery) => (
                <tr key={delivery.id} data-delivery={delivery.id} data-status={delivery.status}>
                  <td>
                    <time dateTime={delivery.createdAt}>{utcTime(delivery.createdAt)}</time>
                  </td>
                  <td>
                    <code>{delivery.eventType}</code>
                  </td>
                  <td>
                    <span
                      className={`badge ${delivery.status === 'sent' ? 'badge-on' : delivery.status === 'failed' ? 'badge-killed' : 'badge-ramping'}`}
                    >
                      {delivery.status}
                    </span>
                  </td>
                  <td>{delivery.attempts}</td>
                  <td>
                    {[delivery.lastStatusCode === null ? null : `HTTP ${delivery.lastStatusCode}`, delivery.lastError]
                      .filter((part, index, parts) => part && parts.indexOf(part) === index)
                      .join(' · ')}
                  </td>
                  <td>{utcTime(delivery.nextAttemptAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
