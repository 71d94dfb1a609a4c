import type { FlagConfig } from '../api/types.js';
import { toConfigBody, toDraft } from './targeting-draft.js';

const breaker = {
  windowMs: 5000,
  minimumCalls: 10,
  failureRatio: 0.25,
  timeoutMs: 300,
  autoRecover: { coolDownMs: 20000, probePercent: 10, probeWindowMs: 15000, maxCoolDownMs: 120000 },
};

const config = (extra: Partial<FlagConfig> = {}): FlagConfig => ({
  on: true,
  offVariant: 'off',
  rules: [],
  fallthrough: { variant: 'off' },
  prerequisites: [],
  killed: null,
  salt: 'checkout',
  version: 4,
  variants: { on: true, off: false },
  ...extra,
});

describe('the config a targeting save sends', () => {
  it("keeps the flag's breaker settings (a PUT replaces the config: leaving them out would drop them)", () => {
    const base = config({ breaker });
    const draft = { ...toDraft(base), fallthrough: { variant: 'on' } };
    const body = toConfigBody(base, draft);
    expect(body.breaker).toEqual(breaker);
    expect(body.fallthrough).toEqual({ variant: 'on' });
    expect(body.salt).toBe('checkout');
  });

  it('sends no breaker field for a config without one, and null when the stored config says null', () => {
    expect('breaker' in toConfigBody(config(), toDraft(config()))).toBe(false);
    expect(toConfigBody(config({ breaker: null }), toDraft(config())).breaker).toBeNull();
  });
});
