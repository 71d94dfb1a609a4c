import { randomBytes } from 'node:crypto';
import type { FieldError } from '@switchyard/kernel';
import { ALERT_EVENT_TYPES, type AlertEventType } from './alert-event.js';

/** A project's webhook as listed and shown: never its secret, only a hint of it. */
export interface Webhook {
  id: string;
  projectKey: string;
  url: string;
  description: string;
  events: AlertEventType[];
  enabled: boolean;
  /** The secret's prefix and four characters, to tell secrets apart (`whsec_Ab3d…`). */
  secretHint: string;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

/** A webhook with its secret: the answer of create and rotate-secret, and what the sender signs with. */
export interface WebhookWithSecret extends Webhook {
  secret: string;
}

/** The editable fields of a webhook. */
export interface WebhookSettings {
  url: string;
  description: string;
  events: AlertEventType[];
  enabled: boolean;
}

/** The prefix of webhook secrets, so a leaked one is recognisable. */
export const WEBHOOK_SECRET_PREFIX = 'whsec_';

/** URLs longer than this are refused. */
export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** Webhooks one project may have at most. */
export const MAX_WEBHOOKS_PER_PROJECT = 50;

/** A new secret: `whsec_` and 32 random bytes in base64url. */
export function generateWebhookSecret(): string {
  return WEBHOOK_SECRET_PREFIX + randomBytes(32).toString('base64url');
}

/** The non-secret reminder of a secret: its prefix and four characters. */
export function webhookSecretHint(secret: string): string {
  return `${secret.slice(0, WEBHOOK_SECRET_PREFIX.length + 4)}…`;
}

/**
 * The problems of a webhook URL: absolute http or https, a host, no user name or password (a credential in a
 * URL is shown in lists; the signature authenticates us instead), at most 2,048 characters. Which addresses it
 * may reach is not checked here (see docs/adr/0006-webhook-alerts.md on SSRF).
 */
export function webhookUrlProblems(url: string, path = 'url'): FieldError[] {
  if (url.length > MAX_WEBHOOK_URL_LENGTH)
    return [{ path, code: 'TOO_LONG', message: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` }];
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return [{ path, code: 'INVALID_URL', message: 'must be an absolute http:// or https:// URL' }];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return [{ path, code: 'INVALID_URL', message: 'must use http or https' }];
  if (parsed.hostname === '') return [{ path, code: 'INVALID_URL', message: 'must name a host' }];
  if (parsed.username !== '' || parsed.password !== '')
    return [{ path, code: 'INVALID_URL', message: 'must not carry a user name or password' }];
  if (parsed.href.length > MAX_WEBHOOK_URL_LENGTH)
    return [{ path, code: 'TOO_LONG', message: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters once encoded` }];
  return [];
}

/** The URL as stored and posted to: its WHATWG serialisation (lower-case scheme and host, spaces trimmed, encoded). */
export function normaliseWebhookUrl(url: string): string {
  return new URL(url).href;
}

/** The problems of an event list: at least one, each a known type, no repeats. */
export function webhookEventProblems(events: readonly string[], path = 'events'): FieldError[] {
  const problems: FieldError[] = [];
  if (events.length === 0) problems.push({ path, code: 'REQUIRED', message: 'must name at least one event' });
  events.forEach((event, index) => {
    if (!(ALERT_EVENT_TYPES as readonly string[]).includes(event))
      problems.push({
        path: `${path}.${index}`,
        code: 'UNKNOWN_EVENT',
        message: `must be one of ${ALERT_EVENT_TYPES.join(', ')}`,
      });
  });
  if (new Set(events).size !== events.length)
    problems.push({ path, code: 'DUPLICATE', message: 'must not name an event twice' });
  return problems;
}

/** Only scheme, host and port of a URL: what audit entries and logs show (paths and queries may hold tokens). */
export function urlOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(invalid URL)';
  }
}
