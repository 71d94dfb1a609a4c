import type { Snapshot } from '@switchyard/evaluation';

const TYPES = new Set(['boolean', 'string', 'number', 'json']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The structural gate a snapshot must pass before it replaces the last good one: the fields the engine relies
 * on are present with the right types. (The engine reports finer problems per flag as ERROR results.)
 */
export function checkSnapshot(value: unknown): { ok: true; snapshot: Snapshot } | { ok: false; issues: string[] } {
  const issues: string[] = [];
  if (!isRecord(value)) return { ok: false, issues: ['snapshot must be an object'] };
  if (!Number.isSafeInteger(value['version']) || (value['version'] as number) < 0) issues.push('version must be a non-negative integer');
  const flags = value['flags'];
  const segments = value['segments'];
  if (!isRecord(flags)) issues.push('flags must be an object');
  if (segments !== undefined && !isRecord(segments)) issues.push('segments must be an object');
  if (isRecord(flags)) {
    for (const [key, flag] of Object.entries(flags)) {
      const where = `flags.${key}`;
      if (!isRecord(flag)) {
        issues.push(`${where} must be an object`);
        continue;
      }
      if (flag['key'] !== key) issues.push(`${where}.key must be "${key}"`);
      if (!TYPES.has(flag['type'] as string)) issues.push(`${where}.type is unknown`);
      if (!isRecord(flag['variants'])) issues.push(`${where}.variants must be an object`);
      if (typeof flag['offVariant'] !== 'string') issues.push(`${where}.offVariant must be a string`);
      if (typeof flag['on'] !== 'boolean') issues.push(`${where}.on must be a boolean`);
      if (!Array.isArray(flag['rules'])) issues.push(`${where}.rules must be an array`);
      if (!isRecord(flag['fallthrough'])) issues.push(`${where}.fallthrough must be an object`);
    }
  }
  if (isRecord(segments)) {
    for (const [key, segment] of Object.entries(segments)) {
      if (!isRecord(segment) || segment['key'] !== key) issues.push(`segments.${key} must be an object with key "${key}"`);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, snapshot: { version: value['version'] as number, flags: flags as Snapshot['flags'], segments: (segments ?? {}) as Snapshot['segments'] } };
}
