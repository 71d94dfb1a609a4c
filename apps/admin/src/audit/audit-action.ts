import type { AuditEntry } from '../api/types.js';

const num = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;

/** "ramp step 2 → 3" from a ramp plan's reason ("ramp plan: step 2 → step 3: healthy…"), or undefined. */
function rampStep(reason: string | null | undefined): string | undefined {
  const match = /^ramp plan: (off|step (\d+)) → step (\d+)/.exec(reason ?? '');
  if (!match) return undefined;
  return match[2] ? `ramp step ${match[2]} → ${match[3]}` : `ramp started at step ${match[3]}`;
}

/** The version a revert went back to: its details (`revertedTo`), else the default reason of older rows. */
function revertedTo(entry: AuditEntry): number | undefined {
  return num(entry.details['revertedTo']) ?? num(Number(/revert to version (\d+)/.exec(entry.reason ?? '')?.[1]));
}

const FIXED: Record<string, string> = {
  'flag-config.created': 'config created',
  'flag-config.restored': 'restored',
  'flag-config.probing': 'breaker probing',
  'flag-config.recovered': 'breaker recovered',
  'flag.created': 'created',
  'flag.archived': 'archived',
  'flag.unarchived': 'unarchived',
  'flag.updated': 'settings edited',
  'flag.variants-changed': 'variants edited',
  'segment.created': 'segment created',
  'segment.updated': 'segment edited',
  'project.created': 'project created',
  'environment.created': 'environment created',
  'sdk-key.created': 'SDK key created',
  'sdk-key.revoked': 'SDK key revoked',
  'admin-token.created': 'admin token created',
  'admin-token.revoked': 'admin token revoked',
};

/**
 * What an audit entry did, in words: "turned on", "killed", "breaker tripped", "reverted to v3", "ramp step
 * 2 → 3", "targeting changed", "archived"… Rows written before the details carried `on` or `revertedTo` still
 * read sensibly ("turned on or off", the revert's version from its default reason, else "reverted").
 */
export function describeAction(entry: Pick<AuditEntry, 'action' | 'details' | 'actor' | 'reason'>): string {
  const { action, details, actor } = entry;
  switch (action) {
    case 'flag-config.toggled':
      return details['on'] === true ? 'turned on' : details['on'] === false ? 'turned off' : 'turned on or off';
    case 'flag-config.killed':
      return actor.type === 'breaker' ? 'breaker tripped' : 'killed';
    case 'flag-config.reverted': {
      const to = revertedTo(entry as AuditEntry);
      return to === undefined ? 'reverted' : `reverted to v${to}`;
    }
    case 'flag-config.updated':
      return (actor.type === 'scheduler' && rampStep(entry.reason)) || 'targeting changed';
    case 'environment.protection-changed':
      return details['protected'] === true
        ? 'environment protected'
        : details['protected'] === false
          ? 'protection lifted'
          : 'protection changed';
  }
  return FIXED[action] ?? action.replace(/[.-]/g, ' ');
}

/** The flag version whose diff the entry is about (config writes only). */
export function entryVersion(entry: Pick<AuditEntry, 'action' | 'details'>): number | undefined {
  return entry.action.startsWith('flag-config.') ? num(entry.details['version']) : undefined;
}
