import { OutcomeWindow } from './outcome-window.js';

type Closed = [start: number, ms: number, calls: number, failures: number, timeouts: number];

function windowOf(windowMs = 10_000, bucketMs = 1_000) {
  const closed: Closed[] = [];
  const window = new OutcomeWindow(windowMs, bucketMs, (...bucket) => closed.push(bucket));
  return { window, closed };
}

const T = 1_800_000_000_000; // a bucket boundary for 1 s and 100 ms buckets

describe('the rolling outcome window', () => {
  it('counts calls, failures and timeouts (a timeout is a failure) across its buckets', () => {
    const { window } = windowOf();
    window.record(T, false, false);
    window.record(T + 1_500, true, false);
    window.record(T + 9_999, false, true);
    expect(window.figures()).toEqual({ calls: 3, failures: 2, timeouts: 1 });
    expect(window.size).toBe(10);
  });

  it('drops a bucket whole once it is older than the window', () => {
    const { window } = windowOf();
    window.record(T + 999, true, false);
    window.record(T + 1_000, true, false);
    window.advance(T + 9_999);
    expect(window.figures()).toEqual({ calls: 2, failures: 2, timeouts: 0 });
    window.advance(T + 10_000);
    expect(window.figures()).toEqual({ calls: 1, failures: 1, timeouts: 0 });
    window.advance(T + 11_000);
    expect(window.figures()).toEqual({ calls: 0, failures: 0, timeouts: 0 });
  });

  it('empties at once after a silence longer than the window', () => {
    const { window } = windowOf();
    for (let i = 0; i < 10; i++) window.record(T + i * 1_000, true, false);
    window.record(T + 60_000, false, false);
    expect(window.figures()).toEqual({ calls: 1, failures: 0, timeouts: 0 });
  });

  it('hands each bucket to the sink once, when its time is over, with its start and figures', () => {
    const { window, closed } = windowOf();
    window.record(T + 100, true, false);
    window.record(T + 200, false, true);
    expect(closed).toEqual([]);
    window.record(T + 3_000, false, false);
    expect(closed).toEqual([[T, 1_000, 2, 2, 1]]);
    window.advance(T + 3_999);
    expect(closed).toHaveLength(1);
    window.advance(T + 25_000);
    expect(closed).toEqual([
      [T, 1_000, 2, 2, 1],
      [T + 3_000, 1_000, 1, 0, 0],
    ]);
  });

  it('closes the current bucket early on reset and starts empty', () => {
    const { window, closed } = windowOf(1_000, 100);
    window.record(T + 50, true, false);
    window.reset();
    expect(closed).toEqual([[T, 100, 1, 1, 0]]);
    expect(window.figures()).toEqual({ calls: 0, failures: 0, timeouts: 0 });
    window.record(T + 60, false, false);
    expect(window.figures()).toEqual({ calls: 1, failures: 0, timeouts: 0 });
  });

  it('ignores time going backwards (the outcome goes in the current bucket)', () => {
    const { window } = windowOf();
    window.record(T + 5_000, false, false);
    window.record(T + 1_000, true, false);
    window.advance(T + 14_999);
    expect(window.figures()).toEqual({ calls: 2, failures: 1, timeouts: 0 });
  });

  it('keeps its totals equal to the sum of what is in the window over a long random run', () => {
    const { window } = windowOf(5_000, 500);
    const log: Array<{ at: number; failed: boolean }> = [];
    let now = T;
    let seed = 7;
    for (let i = 0; i < 5_000; i++) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      now += seed % 700;
      const failed = seed % 3 === 0;
      window.record(now, failed, false);
      log.push({ at: now, failed });
      const from = (Math.floor(now / 500) - 9) * 500;
      const inWindow = log.filter((entry) => entry.at >= from);
      expect(window.calls).toBe(inWindow.length);
      expect(window.failures).toBe(inWindow.filter((entry) => entry.failed).length);
    }
  });
});
