import { listOf, toAuditEntry, toDeliveryStatus, toEnvironmentFlag, toFlagConfig, toFlagVersion } from './normalise.js';

const config = {
  on: true,
  offVariant: 'off',
  rules: [],
  fallthrough: { variant: 'on' },
  prerequisites: [],
  killed: null,
  salt: 'x',
};

describe('normalising service answers', () => {
  it('reads a config state answer into the wire format, filling variants from the flag', () => {
    const flag = toFlagConfig(
      { flagKey: 'x', environmentKey: 'prod', version: 4, environmentVersion: 9, config },
      { on: true, off: false },
    );
    expect(flag).toMatchObject({
      on: true,
      version: 4,
      environmentVersion: 9,
      variants: { on: true, off: false },
      killed: null,
    });
  });

  it('splits an environment flag list item into the flag metadata and its config at the config version', () => {
    const item = toEnvironmentFlag({
      key: 'x',
      name: 'X',
      type: 'boolean',
      variants: { on: true, off: false },
      tags: ['ui'],
      archivedAt: null,
      updatedAt: '2026-01-01T00:00:00Z',
      version: 3,
      configUpdatedAt: '2026-02-02T00:00:00Z',
      config,
    });
    expect(item.meta).toMatchObject({ key: 'x', name: 'X', tags: ['ui'], variants: { on: true, off: false } });
    expect(item.meta).not.toHaveProperty('config');
    expect(item.config).toMatchObject({
      on: true,
      version: 3,
      updatedAt: '2026-02-02T00:00:00Z',
      variants: { on: true, off: false },
    });
  });

  it('reads a version with its actor, kind and time', () => {
    const version = toFlagVersion({
      version: 2,
      kind: 'toggle',
      reason: null,
      actor: { type: 'token', id: 't', name: 'ana' },
      createdAt: '2026-01-01T00:00:00Z',
      config,
    });
    expect(version).toMatchObject({
      version: 2,
      kind: 'toggle',
      actor: 'ana',
      at: '2026-01-01T00:00:00Z',
      reason: undefined,
    });
    expect(version.config.on).toBe(true);
  });

  it('accepts lists bare or wrapped in items', () => {
    expect(listOf([1, 2])).toEqual([1, 2]);
    expect(listOf({ items: [3] })).toEqual([3]);
    expect(listOf({ nothing: true })).toEqual([]);
  });

  it('reads an audit entry whose actor is an object', () => {
    expect(
      toAuditEntry({ id: 7, at: 't', actor: { name: 'breaker' }, action: 'flag.kill', flag: 'x' }, 0),
    ).toMatchObject({
      id: '7',
      actor: 'breaker',
      action: 'flag.kill',
      flag: 'x',
    });
  });

  it('reads the delivery figure', () => {
    const status = toDeliveryStatus({
      version: 12,
      liveInstances: 3,
      appliedInstances: 2,
      propagationMs: { p50: 4, p99: 18.6, max: 20, samples: 2 },
    });
    expect(status).toEqual({ version: 12, applied: 2, instances: 3, p99Ms: 18.6 });
  });
});
