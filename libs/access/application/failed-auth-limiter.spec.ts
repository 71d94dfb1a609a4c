import { FailedAuthLimiter } from './failed-auth-limiter.js';

describe('FailedAuthLimiter', () => {
  let now = 0;
  const limiter = () => new FailedAuthLimiter({ maxFailures: 3, windowMs: 60_000 }, () => now);

  beforeEach(() => {
    now = 1_000_000;
  });

  it('lets an address try until it reaches the limit, then asks it to wait', () => {
    const subject = limiter();
    subject.recordFailure('10.0.0.1');
    subject.recordFailure('10.0.0.1');
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(0);
    subject.recordFailure('10.0.0.1');
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(60);
    expect(subject.retryAfterSeconds('10.0.0.2')).toBe(0);
  });

  it('forgets failures once they leave the window', () => {
    const subject = limiter();
    for (let i = 0; i < 3; i += 1) subject.recordFailure('10.0.0.1');
    now += 30_000;
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(30);
    now += 30_001;
    expect(subject.retryAfterSeconds('10.0.0.1')).toBe(0);
  });
});
