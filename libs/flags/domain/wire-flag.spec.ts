import { initialConfig, type FlagConfig } from './flag-config.js';
import type { FlagDefinition } from './flag-definition.js';
import { toWireFlag, toWireSegment } from './wire-flag.js';

const flag: FlagDefinition = {
  id: 'f1',
  projectId: 'p1',
  key: 'new-checkout',
  name: 'New checkout',
  description: '',
  type: 'boolean',
  variants: { on: true, off: false },
  tags: ['checkout'],
  temporary: true,
  archivedAt: null,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('toWireFlag', () => {
  it('combines the flag definition and the environment config at the config version', () => {
    const wire = toWireFlag(flag, initialConfig('new-checkout', 'off', 'on'), 3);
    expect(wire).toEqual({
      key: 'new-checkout',
      type: 'boolean',
      version: 3,
      variants: { on: true, off: false },
      offVariant: 'off',
      on: false,
      rules: [],
      fallthrough: { variant: 'on' },
      salt: 'new-checkout',
    });
  });

  it('carries the kill record and prerequisites only when present', () => {
    const config: FlagConfig = {
      ...initialConfig('new-checkout', 'off', 'on'),
      killed: { at: '2026-01-02T00:00:00.000Z', by: 'ops', reason: 'incident' },
      prerequisites: [{ flag: 'payments', variants: ['on'] }],
    };
    const wire = toWireFlag(flag, config, 4);
    expect(wire.killed).toEqual({ at: '2026-01-02T00:00:00.000Z', by: 'ops', reason: 'incident' });
    expect(wire.prerequisites).toEqual([{ flag: 'payments', variants: ['on'] }]);
  });

  it('leaves out the metadata that SDKs do not need', () => {
    const wire = toWireFlag(flag, initialConfig('new-checkout', 'off', 'on'), 1) as unknown as Record<string, unknown>;
    expect(wire.name).toBeUndefined();
    expect(wire.tags).toBeUndefined();
  });
});

describe('toWireSegment', () => {
  it('keeps the key, lists and conditions of a segment', () => {
    const wire = toWireSegment({
      id: 's1',
      projectId: 'p1',
      key: 'beta',
      name: 'Beta',
      description: '',
      included: ['u1'],
      excluded: [],
      conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }],
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
    });
    expect(wire).toEqual({
      key: 'beta',
      included: ['u1'],
      excluded: [],
      conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }],
    });
  });
});
