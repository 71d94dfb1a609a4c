import { describeAction, entryVersion } from './audit-action.js';

const person = { type: 'token' as const, id: 't1', name: 'alice' };
const entry = (action: string, details: Record<string, unknown> = {}, extra: object = {}) => ({
  action,
  details,
  actor: person,
  reason: null,
  ...extra,
});

describe('describeAction', () => {
  it('says whether a toggle turned the flag on or off, and stays sensible for rows without `on`', () => {
    expect(describeAction(entry('flag-config.toggled', { version: 2, kind: 'toggle', on: true }))).toBe('turned on');
    expect(describeAction(entry('flag-config.toggled', { version: 3, kind: 'toggle', on: false }))).toBe('turned off');
    expect(describeAction(entry('flag-config.toggled', { version: 3, kind: 'toggle' }))).toBe('turned on or off');
  });

  it('tells a kill by a person from a breaker trip, and names restores', () => {
    expect(describeAction(entry('flag-config.killed'))).toBe('killed');
    expect(
      describeAction(entry('flag-config.killed', {}, { actor: { type: 'breaker', id: 'breaker', name: 'breaker' } })),
    ).toBe('breaker tripped');
    expect(describeAction(entry('flag-config.restored'))).toBe('restored');
  });

  it('names the version a revert went back to, from its details or an old row’s default reason', () => {
    expect(describeAction(entry('flag-config.reverted', { revertedTo: 3 }))).toBe('reverted to v3');
    expect(describeAction(entry('flag-config.reverted', {}, { reason: 'revert to version 5' }))).toBe('reverted to v5');
    expect(describeAction(entry('flag-config.reverted', {}, { reason: 'bad deploy' }))).toBe('reverted');
  });

  it('reads a ramp plan’s step from its reason, and any other config update as a targeting change', () => {
    const ramp = { type: 'scheduler' as const, id: 'ramp-plan:1', name: 'ramp plan of search' };
    const step = entry('flag-config.updated', {}, { actor: ramp, reason: 'ramp plan: step 2 → step 3: healthy' });
    expect(describeAction(step)).toBe('ramp step 2 → 3');
    expect(describeAction(entry('flag-config.updated', {}, { actor: ramp, reason: 'ramp plan: off → step 1' }))).toBe(
      'ramp started at step 1',
    );
    expect(describeAction(entry('flag-config.updated', {}, { reason: 'ramp plan: step 2 → step 3' }))).toBe(
      'targeting changed',
    );
  });

  it('names lifecycle and other actions, and falls back to the action in words', () => {
    expect(describeAction(entry('flag.archived'))).toBe('archived');
    expect(describeAction(entry('flag.variants-changed'))).toBe('variants edited');
    expect(describeAction(entry('environment.protection-changed', { protected: false }))).toBe('protection lifted');
    expect(describeAction(entry('webhook.secret-rotated'))).toBe('webhook secret rotated');
  });
});

describe('entryVersion', () => {
  it('is the flag version of config writes only', () => {
    expect(entryVersion(entry('flag-config.killed', { version: 4 }))).toBe(4);
    expect(entryVersion(entry('flag.archived', { version: 4 }))).toBeUndefined();
    expect(entryVersion(entry('flag-config.killed', {}))).toBeUndefined();
  });
});
