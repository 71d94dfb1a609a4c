import type { Patch } from '@switchyard/evaluation';

/** A committed change as it travels on the bus between nodes. */
export interface ChangeMessage {
  environmentId: string;
  version: number;
  patch: Patch;
}

/** Decodes a bus message; undefined when it is not a well-formed change (it is then ignored). */
export function decodeChangeMessage(text: string): ChangeMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Partial<ChangeMessage>;
  if (typeof message.environmentId !== 'string' || !Number.isSafeInteger(message.version)) return undefined;
  const patch = message.patch;
  if (typeof patch !== 'object' || patch === null || patch.version !== message.version) return undefined;
  if (typeof patch.flags !== 'object' || patch.flags === null) return undefined;
  return message as ChangeMessage;
}
