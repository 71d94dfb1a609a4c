import { tripReason, type Trip } from './trip.js';

const trip = (over: Partial<Trip> = {}): Trip => ({
  flag: 'checkout',
  at: new Date('2026-12-01T22:00:00Z'),
  windowMs: 10_000,
  calls: 231,
  failures: 120,
  timeouts: 4,
  failureRatio: 120 / 231,
  probe: false,
  ...over,
});

describe('tripReason', () => {
  it('states the failure share, the calls, the window and the instance', () => {
    expect(tripReason(trip(), { id: 'i-1', appName: 'checkout', sdkVersion: '1', hostname: 'host-3' })).toBe(
      '52% of 231 calls failed in 10 s on checkout@host-3',
    );
  });

  it('names the instance id when the SDK sent no hostname, and keeps a fractional window', () => {
    expect(tripReason(trip({ windowMs: 2_500 }), { id: 'i-1', appName: 'web', sdkVersion: '1' })).toBe(
      '52% of 231 calls failed in 2.5 s on web (i-1)',
    );
  });
});
