import { createClient } from '../index.js';
import type { ClientOptions } from './client-options.js';

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
  ])('refuses %j at construction with a clear message', (override, message) => {
    expect(() => createClient({ ...good, ...(override as Partial<ClientOptions>) })).toThrow(message);
  });

  it('refuses a missing options object', () => {
    expect(() => createClient(undefined as unknown as ClientOptions)).toThrow(TypeError);
  });
});
