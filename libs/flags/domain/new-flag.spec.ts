import { DEFAULT_FAULT_VARIANTS, defaultVariants, newFlag } from './new-flag.js';

const ids = { id: 'f1', projectId: 'p1', now: '2026-01-01T00:00:00.000Z' };

describe('newFlag', () => {
  it('gives a boolean flag on/off variants, off by default, serving on when turned on', () => {
    const built = newFlag({ key: 'dark-mode', name: 'Dark mode', type: 'boolean' }, ids);
    if ('issues' in built) throw new Error(JSON.stringify(built.issues));
    expect(built.flag.variants).toEqual({ on: true, off: false });
    expect(built.config).toMatchObject({
      on: false,
      offVariant: 'off',
      fallthrough: { variant: 'on' },
      salt: 'dark-mode',
    });
    expect(built.flag).toMatchObject({ temporary: true, archivedAt: null, tags: [] });
  });

  it('refuses a string flag without variants and variants that do not fit the type', () => {
    const none = newFlag({ key: 'banner', name: 'Banner', type: 'string' }, ids);
    expect('issues' in none && none.issues.map((issue) => issue.path)).toEqual(['variants']);
    const wrong = newFlag({ key: 'banner', name: 'Banner', type: 'string', variants: { a: 'blue', b: 3 } }, ids);
    expect('issues' in wrong && wrong.issues.map((issue) => issue.path)).toEqual(['variants.b']);
  });

  it('refuses an off variant that is not a variant', () => {
    const built = newFlag(
      { key: 'banner', name: 'Banner', type: 'string', variants: { a: 'x' }, offVariant: 'z' },
      ids,
    );
    expect('issues' in built && built.issues.map((issue) => issue.path)).toContain('offVariant');
  });

  it('fills in a dark-launch flag: string, variants off, shadow, live, serving off', () => {
    const built = newFlag({ key: 'search-v2', name: 'Search v2', kind: 'dark-launch' }, ids);
    if ('issues' in built) throw new Error(JSON.stringify(built.issues));
    expect(built.flag).toMatchObject({ type: 'string', variants: { off: 'off', shadow: 'shadow', live: 'live' } });
    expect(built.config).toMatchObject({ offVariant: 'off', fallthrough: { variant: 'off' }, on: false });
  });

  it('refuses a dark-launch flag whose body says another type or other variants', () => {
    const built = newFlag(
      { key: 'search-v2', name: 'Search v2', kind: 'dark-launch', type: 'boolean', variants: { on: true, off: false } },
      ids,
    );
    expect('issues' in built && built.issues.map((issue) => issue.path)).toEqual(['type', 'variants']);
  });

  it('fills in a fault flag: json, the default fault variants, serving none', () => {
    const built = newFlag({ key: 'checkout-faults', name: 'Checkout faults', kind: 'fault' }, ids);
    if ('issues' in built) throw new Error(JSON.stringify(built.issues));
    expect(built.flag).toMatchObject({ type: 'json', variants: DEFAULT_FAULT_VARIANTS });
    expect(built.flag.variants).not.toBe(DEFAULT_FAULT_VARIANTS);
    expect(built.config).toMatchObject({ offVariant: 'none', fallthrough: { variant: 'none' }, on: false });
  });

  it('keeps the fault variants a caller gives when they are fault specs with none: {}', () => {
    const variants = { none: {}, slow: { latencyMs: 500 } };
    const built = newFlag({ key: 'db-faults', name: 'DB faults', kind: 'fault', type: 'json', variants }, ids);
    if ('issues' in built) throw new Error(JSON.stringify(built.issues));
    expect(built.flag.variants).toEqual(variants);
  });

  it('refuses a fault flag without none, with a bad spec, another type or other off and fallthrough variants', () => {
    const bad = newFlag(
      {
        key: 'db-faults',
        name: 'DB faults',
        kind: 'fault',
        type: 'string',
        variants: { slow: { latencyMs: -1, status: 503 } },
        offVariant: 'slow',
        fallthroughVariant: 'slow',
      },
      ids,
    );
    expect('issues' in bad && bad.issues.map((issue) => issue.path)).toEqual([
      'type',
      'variants.none',
      'variants.slow.status',
      'variants.slow.latencyMs',
      'offVariant',
      'fallthroughVariant',
    ]);
  });
});

describe('defaultVariants', () => {
  it('prefers "off" and "on", else the first variant off and another one served', () => {
    expect(defaultVariants({ on: 1, off: 0 })).toEqual({ offVariant: 'off', fallthroughVariant: 'on' });
    expect(defaultVariants({ control: 'a', treatment: 'b' })).toEqual({
      offVariant: 'control',
      fallthroughVariant: 'treatment',
    });
    expect(defaultVariants({ only: 'a' })).toEqual({ offVariant: 'only', fallthroughVariant: 'only' });
  });
});
