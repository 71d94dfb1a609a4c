import { useState, type FormEvent, type ReactNode } from 'react';
import { SecretOnce } from '../access/secret-once.js';
import { ApiError } from '../api/api-error.js';
import type { IssuedWebhook, Webhook, WebhookEvent } from '../api/types.js';
import { ErrorBanner, FieldMessages } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { DeliveriesTable } from './deliveries-table.js';

/** The events a webhook may subscribe to, in the words the form shows. */
export const WEBHOOK_EVENTS: ReadonlyArray<{ event: WebhookEvent; label: string }> = [
  { event: 'kill', label: 'Kill (by a person or token)' },
  { event: 'restore', label: 'Restore' },
  { event: 'trip', label: 'Breaker trip' },
  { event: 'probing', label: 'Breaker probing' },
  { event: 'recovered', label: 'Breaker recovered' },
  { event: 'change', label: 'Every other flag change' },
  { event: 'schedule-refused', label: 'Scheduled change not applied (stale or failed)' },
];

/** The project's webhooks: create (the signing secret shown once), enable, test, rotate, delete, deliveries. */
export function WebhooksScreen(): ReactNode {
  const { api, project, isAdmin } = useWorkspace();
  const hooks = useLoad(() => api.webhooks(project), [api, project]);
  const [secret, setSecret] = useState<{ label: string; value: string }>();
  const [error, setError] = useState<Error>();
  const [open, setOpen] = useState<string>();

  if (!isAdmin) return <p className="card">Only admins manage webhooks.</p>;

  const act = async (work: () => Promise<unknown>): Promise<void> => {
    try {
      await work();
      setError(undefined);
      hooks.reload();
    } catch (caught) {
      setError(caught as Error);
    }
  };

  return (
    <section className="card" aria-labelledby="webhooks-title">
      <h1 id="webhooks-title">Webhooks of {project}</h1>
      <p className="muted small">
        Each webhook gets a signed POST (<code>Switchyard-Signature</code>) when the events it subscribes to happen in
        any environment of {project}. Failed deliveries are retried with back-off for up to a day.
      </p>
      {secret && (
        <SecretOnce
          label={secret.label}
          secret={secret.value}
          note="it signs every delivery and will not be shown again"
          onDismiss={() => setSecret(undefined)}
        />
      )}
      <ErrorBanner error={error ?? hooks.error} />
      {hooks.data && hooks.data.length === 0 && <p className="muted">No webhook yet.</p>}
      <ul className="plain-list webhooks">
        {(hooks.data ?? []).map((hook) => (
          <WebhookItem
            key={hook.id}
            hook={hook}
            open={open === hook.id}
            onToggleOpen={() => setOpen(open === hook.id ? undefined : hook.id)}
            onEnable={(enabled) => act(() => api.updateWebhook(project, hook.id, { enabled }))}
            onTest={() => act(() => api.testWebhook(project, hook.id).then(() => setOpen(hook.id)))}
            onRotate={() =>
              act(async () => {
                const rotated = await api.rotateWebhookSecret(project, hook.id);
                if (rotated.secret) setSecret({ label: `New secret for ${hook.url}`, value: rotated.secret });
              })
            }
            onDelete={() => act(() => api.deleteWebhook(project, hook.id))}
          />
        ))}
      </ul>
      <CreateWebhookForm
        onCreated={(created) => {
          if (created.secret) setSecret({ label: `Signing secret for ${created.url}`, value: created.secret });
          hooks.reload();
        }}
      />
    </section>
  );
}

interface WebhookItemProps {
  hook: Webhook;
  open: boolean;
  onToggleOpen: () => void;
  onEnable: (enabled: boolean) => Promise<void>;
  onTest: () => Promise<void>;
  onRotate: () => Promise<void>;
  onDelete: () => Promise<void>;
}

function WebhookItem({ hook, open, onToggleOpen, onEnable, onTest, onRotate, onDelete }: WebhookItemProps): ReactNode {
  return (
    <li data-webhook={hook.id} className="webhook">
      <div className="webhook-head">
        <code className="webhook-url">{hook.url}</code>
        <span className={`badge ${hook.enabled ? 'badge-on' : 'badge-off'}`}>
          {hook.enabled ? 'Enabled' : 'Disabled'}
        </span>
        <span className="tags">
          {hook.events.map((event) => (
            <span key={event} className="badge tag">
              {event}
            </span>
          ))}
        </span>
        {hook.description && <span className="muted small">{hook.description}</span>}
        <code className="muted small">{hook.secretHint}</code>
      </div>
      <div className="actions">
        <button type="button" className="button-small" onClick={onToggleOpen} aria-expanded={open}>
          {open ? 'Hide deliveries' : 'Deliveries'}
        </button>
        <button type="button" className="button-small" onClick={() => void onTest()}>
          Send test event
        </button>
        <button type="button" className="button-small" onClick={() => void onEnable(!hook.enabled)}>
          {hook.enabled ? 'Disable' : 'Enable'}
        </button>
        <button type="button" className="button-small" onClick={() => void onRotate()}>
          Rotate secret
        </button>
        <button
          type="button"
          className="button-small button-danger"
          onClick={() => {
            if (window.confirm(`Delete the webhook to ${hook.url} and its deliveries?`)) void onDelete();
          }}
        >
          Delete
        </button>
      </div>
      {open && <DeliveriesTable webhookId={hook.id} />}
    </li>
  );
}

function CreateWebhookForm({ onCreated }: { onCreated: (created: IssuedWebhook) => void }): ReactNode {
  const { api, project } = useWorkspace();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['kill', 'restore', 'trip', 'recovered']);
  const [error, setError] = useState<Error>();

  const submit = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    try {
      const created = await api.createWebhook(project, { url: url.trim(), events, description: description.trim() });
      setUrl('');
      setDescription('');
      setError(undefined);
      onCreated(created);
    } catch (caught) {
      setError(caught as Error);
    }
  };
  const fields = error instanceof ApiError ? error.fields : [];

  return (
    <form className="stacked-form" onSubmit={submit} aria-labelledby="new-webhook-title">
      <h2 id="new-webhook-title">New webhook</h2>
      <ErrorBanner error={error && fields.length === 0 ? error : undefined} />
      <label htmlFor="webhook-url">URL</label>
      <input
        id="webhook-url"
        type="url"
        required
        value={url}
        placeholder="https://hooks.example.com/switchyard"
        onChange={(event) => setUrl(event.target.value)}
      />
      <FieldMessages fields={fields} path="url" />
      <label htmlFor="webhook-description">Description</label>
      <input
        id="webhook-description"
        value={description}
        maxLength={200}
        placeholder="On-call channel"
        onChange={(event) => setDescription(event.target.value)}
      />
      <fieldset>
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map(({ event, label }) => (
          <label key={event} className="inline">
            <input
              type="checkbox"
              checked={events.includes(event)}
              onChange={(change) =>
                setEvents(change.target.checked ? [...events, event] : events.filter((other) => other !== event))
              }
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      <FieldMessages fields={fields} path="events" />
      <button type="submit" className="button-primary" disabled={events.length === 0}>
        Create webhook
      </button>
    </form>
  );
}
