import { createClient } from '../index.js';
import { resolveOptions, type ClientOptions } from './client-options.js';

const good: ClientOptions = { sdkKey: 'sdk_x', baseUrl: 'http://127.0.0.1:1', appName: 'test', mode: 'poll' };

describe('createClient options', () => {
  it.each([
    [{ sdkKey: '' }, /sdkKey/],
    [{ appName: ' ' }, /appName/],
    [{ baseUrl: 'not a url' }, /baseUrl/],
    [{ baseUrl: 'ftp://flags' }, /http or https/],
    [{ mode: 'push' }, /mode/],
    [{ pollIntervalMs: -5 }, /pollIntervalMs/],
    [{ maxBufferedEvents: Number.NaN }, /maxBufferedEvents/],
    [{ cacheFile: '' }, /cacheFile/],
    [{ contextSampleSize: -1 }, /contextSampleSize/],
    [{ contextSampleSize: 1.5 }, /contextSampleSize/],
    [{ privateAttributes: 'email' }, /privateAttributes/],
    [{ onError: 'log' }, /onError/],
    [{ maxFaultLatencyMs: -1 }, /maxFaultLatencyMs/],
    [{ maxFaultLatencyMs: '30s' }, /maxFaultLatencyMs/],
    [{ maxFaultLatencyMs: Number.POSITIVE_INFINITY }, /maxFaultLatencyMs/],
  ])('refuses %j at construction with a clear message', (override, message) => {
    expect(() => createClient({ ...good, ...(override as Partial<ClientOptions>) })).toThrow(message);
  });

  it('fills maxFaultLatencyMs with 30 000 ms, and keeps 0 (every latency refused)', () => {
    expect(resolveOptions(good, () => 'id').maxFaultLatencyMs).toBe(30_000);
    expect(resolveOptions({ ...good, maxFaultLatencyMs: 0 }, () => 'id').maxFaultLatencyMs).toBe(0);
  });

  it('refuses a missing options object', () => {
    expect(() => createClient(undefined as unknown as ClientOptions)).toThrow(TypeError);
  });
});
