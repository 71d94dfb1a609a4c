import { Backoff } from './backoff.js';

describe('Backoff', () => {
  it('doubles the ceiling per failure up to the cap, waiting between half and all of it', () => {
    const low = new Backoff(100, 1000, () => 0);
    const high = new Backoff(100, 1000, () => 0.999999);
    const lows = [1, 2, 3, 4, 5, 6].map(() => low.next());
    const highs = [1, 2, 3, 4, 5, 6].map(() => high.next());
    expect(lows).toEqual([50, 100, 200, 400, 500, 500]);
    expect(highs).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('starts again from the first delay after a success', () => {
    const backoff = new Backoff(100, 1000, () => 0);
    backoff.next();
    backoff.next();
    backoff.reset();
    expect(backoff.next()).toBe(50);
    expect(backoff.attempts).toBe(1);
  });
});
