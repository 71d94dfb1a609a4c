import { describeKiller, describeServe, flagState } from './flag-state.js';

const base = { on: true, killed: null, rules: [], fallthrough: { variant: 'on' } };

describe('flag state', () => {
  it('reports killed even when the flag is on', () => {
    expect(flagState({ ...base, killed: { at: '2026-01-01T00:00:00Z', by: 'ana' } })).toBe('killed');
  });

  it('reports an open breaker when the kill record says the circuit breaker killed the flag', () => {
    const at = '2026-01-01T00:00:00Z';
    expect(flagState({ ...base, killed: { at, by: 'checkout@host-3', kind: 'breaker', reason: '52% failed' } })).toBe(
      'breaker',
    );
  });

  it('does not take a person or token named "breaker" for the circuit breaker', () => {
    const at = '2026-01-01T00:00:00Z';
    expect(flagState({ ...base, killed: { at, by: 'breaker', kind: 'person' } })).toBe('killed');
    expect(flagState({ ...base, killed: { at, by: 'circuit breaker bot', kind: 'token' } })).toBe('killed');
    expect(flagState({ ...base, killed: { at, by: 'breaker' } })).toBe('killed');
  });

  it('names the kind of actor who killed, and only the name on records without a kind', () => {
    expect(describeKiller({ by: 'ana', kind: 'person' })).toBe('ana (a person)');
    expect(describeKiller({ by: 'ci-deploy', kind: 'token' })).toBe('ci-deploy (an admin token)');
    expect(describeKiller({ by: 'checkout@host-3', kind: 'breaker' })).toBe('checkout@host-3 (the circuit breaker)');
    expect(describeKiller({ by: 'ana' })).toBe('ana');
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
