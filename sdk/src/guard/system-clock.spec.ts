import { jest } from '@jest/globals';
import { SystemClock } from './guard-types.js';

beforeEach(() => jest.useFakeTimers({ now: Date.UTC(2026, 11, 1, 22, 0, 0) }));
afterEach(() => jest.useRealTimers());

describe('the system clock', () => {
  it('reads the exact time on first use, then a value its timer refreshes every 100 ms', () => {
    const clock = new SystemClock();
    const start = Date.now();
    expect(clock.recent()).toBe(start);
    jest.advanceTimersByTime(99);
    expect(clock.recent()).toBe(start);
    expect(clock.now()).toBe(start + 99);
    jest.advanceTimersByTime(1);
    expect(clock.recent()).toBe(start + 100);
    expect(jest.getTimerCount()).toBe(1);
  });

  it('stops its timer after a tick without use, and on stop', () => {
    const clock = new SystemClock();
    clock.recent();
    jest.advanceTimersByTime(200);
    expect(jest.getTimerCount()).toBe(0);
    expect(clock.recent()).toBe(Date.now());
    expect(jest.getTimerCount()).toBe(1);
    clock.stop();
    expect(jest.getTimerCount()).toBe(0);
  });
});
