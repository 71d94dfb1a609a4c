import { CONFIG_LIMITS } from '@switchyard/evaluation';

/**
 * Size limits on every write, so that one request can neither exhaust the service nor bloat every snapshot:
 * the engine's limits on configs (which its strict validator enforces) and the limits on metadata.
 */
export const LIMITS = {
  ...CONFIG_LIMITS,
  name: 200,
  description: 2000,
  reason: 1000,
  tags: 50,
  tag: 64,
  contextAttributes: 100,
} as const;
