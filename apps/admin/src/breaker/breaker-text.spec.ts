import { describeBreakerState, describeNextAction, percent, utc } from './breaker-text.js';

describe('breaker state in words', () => {
  it('says each state as the flag page shows it', () => {
    expect(describeBreakerState({ state: 'open', probe: null })).toBe('Breaker open');
    expect(describeBreakerState({ state: 'probing', probe: { percent: 10, since: '', calls: 0, failures: 0 } })).toBe(
      'Probing 10%',
    );
    expect(describeBreakerState({ state: 'pinned', probe: null })).toBe('Pinned: killed, no auto-recovery');
    expect(describeBreakerState({ state: 'closed', probe: null })).toBe('Closed');
  });

  it('gives the next action in UTC with the zone, or says nothing happens by itself', () => {
    expect(describeNextAction({ state: 'open', nextActionAt: '2026-12-01T23:16:08.120Z' })).toBe(
      'Probe at 2026-12-01 23:16:08 UTC',
    );
    expect(describeNextAction({ state: 'open', nextActionAt: null })).toMatch(/until someone restores it/);
    expect(describeNextAction({ state: 'closed', nextActionAt: null })).toBeUndefined();
    expect(utc('2026-01-02T03:04:05+02:00')).toBe('2026-01-02 01:04:05 UTC');
    expect(percent(0.5234)).toBe('52.3%');
  });
});
