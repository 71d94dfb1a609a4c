import type { AlertEventType } from '../domain/alert-event.js';
import { AlertsErrors } from '../domain/alerts.errors.js';
import {
  normaliseWebhookUrl,
  webhookEventProblems,
  webhookUrlProblems,
  type WebhookSettings,
} from '../domain/webhook.js';

/** A webhook as a caller writes it: URL and events, optionally a description and whether it is enabled. */
export interface WebhookInput {
  url: string;
  events: string[];
  description?: string;
  enabled?: boolean;
}

/** The settings, checked: VALIDATION_FAILED naming every bad field. URLs are normalised, descriptions trimmed. */
export function checkSettings(
  input: WebhookSettings | (Omit<WebhookSettings, 'events'> & { events: string[] }),
): WebhookSettings {
  const problems = [...webhookUrlProblems(input.url), ...webhookEventProblems(input.events)];
  if (problems.length > 0) throw AlertsErrors.invalid(problems);
  return {
    url: normaliseWebhookUrl(input.url),
    description: input.description.trim(),
    events: input.events as AlertEventType[],
    enabled: input.enabled,
  };
}
