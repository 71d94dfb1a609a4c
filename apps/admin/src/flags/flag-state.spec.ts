import { describeServe, flagState } from './flag-state.js';

const base = { on: true, killed: null, rules: [], fallthrough: { variant: 'on' } };

describe('flag state', () => {
  it('reports killed even when the flag is on', () => {
    expect(flagState({ ...base, killed: { at: '2026-01-01T00:00:00Z', by: 'ana' } })).toBe('killed');
  });

  it('reports an open breaker when the circuit breaker killed the flag', () => {
    expect(
      flagState({ ...base, killed: { at: '2026-01-01T00:00:00Z', by: 'breaker', reason: 'error rate 60%' } }),
    ).toBe('breaker');
  });

  it('reports off when the flag is off', () => {
    expect(flagState({ ...base, on: false })).toBe('off');
  });

  it('reports ramping when a rollout splits traffic', () => {
    expect(flagState({ ...base, fallthrough: { rollout: { weights: { on: 1000, off: 99000 } } } })).toBe('ramping');
  });

  it('reports on when a rollout sends everyone to one variant', () => {
    expect(flagState({ ...base, fallthrough: { rollout: { weights: { on: 100000, off: 0 } } } })).toBe('on');
  });

  it('reports targeting when rules exist without a split', () => {
    const rule = { id: 'r1', conditions: [], serve: { variant: 'on' } };
    expect(flagState({ ...base, rules: [rule] })).toBe('targeting');
  });

  it('describes a rollout as percentages', () => {
    expect(describeServe({ rollout: { weights: { on: 12345, off: 87655 } } })).toBe('on 12.345% · off 87.655%');
  });
});
