import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledSnapshot } from '@switchyard/evaluation';
import { booleanFlag, FakeFlagService, snapshotOf } from '../../test/fake-flag-service.js';
import { nextEvent } from '../../test/next-event.js';
import { FlagStore } from '../store/flag-store.js';
import { resolveOptions, type ClientOptions } from './client-options.js';
import { Client } from './switchyard-client.js';

let service: FakeFlagService;
let client: Client | undefined;
const stringFlag = { ...booleanFlag('colour', true), type: 'string' as const, variants: { on: 'green', off: 'grey' } };

function connect(overrides: Partial<ClientOptions> = {}, store?: FlagStore): Client {
  const options = resolveOptions(
    {
      sdkKey: 'sdk_test',
      baseUrl: service.url,
      appName: 'spec',
      initialRetryDelayMs: 10,
      ackFlushDelayMs: 60_000,
      ...overrides,
    },
    randomUUID,
  );
  client = new Client(options, store);
  return client;
}

beforeEach(async () => {
  service = await new FakeFlagService(snapshotOf(1, booleanFlag('checkout', true), stringFlag)).start();
});

afterEach(async () => {
  await client?.close();
  client = undefined;
  await service.stop();
});

describe('evaluation is total', () => {
  it('serves the default with GENERAL when the engine itself throws (an engine bug)', async () => {
    const store = new FlagStore();
    const flags = connect({}, store);
    await flags.waitUntilReady({ timeoutMs: 5000 });
    store.compiled = {
      evaluate: () => {
        throw Object.create(null);
      },
    } as unknown as CompiledSnapshot;
    expect(flags.getBoolean('checkout', { key: 'u' }, false)).toBe(false);
    expect(flags.getString('colour', { key: 'u' }, 'fallback')).toBe('fallback');
    expect(flags.getDetails('checkout', { key: 'u' }, false)).toMatchObject({
      value: false,
      reason: 'ERROR',
      errorCode: 'GENERAL',
    });
  });

  it('serves the flag when an attribute it never reads has a throwing getter, and samples other contexts', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    const hostile = Object.defineProperty({ key: 'hostile' }, 'plan', {
      enumerable: true,
      get: () => {
        throw Object.create(null);
      },
    });
    expect(flags.getBoolean('checkout', hostile, false)).toBe(true);
    expect(flags.getDetails('checkout', hostile, false)).toMatchObject({
      value: true,
      variant: 'on',
      reason: 'DEFAULT',
    });
    flags.getBoolean('checkout', { key: 'calm', plan: 'pro' }, false);
    await flags.close();
    const sampled = service.events.flatMap((body) => (body['contexts'] as unknown[] | undefined) ?? []);
    expect(sampled).toEqual([{ key: 'calm', plan: 'pro' }]);
    expect(service.events.find((body) => body['evaluations'])!['evaluations']).toEqual([
      { flag: 'checkout', variant: 'on', count: 3 },
    ]);
  });

  it('getDetails checks the type its default implies, unless a type is given', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    expect(flags.getDetails('colour', { key: 'u' }, false)).toMatchObject({
      value: false,
      reason: 'ERROR',
      errorCode: 'TYPE_MISMATCH',
    });
    expect(flags.getDetails('colour', { key: 'u' }, 'fallback')).toMatchObject({ value: 'green', variant: 'on' });
    expect(flags.getDetails('colour', { key: 'u' }, { any: 'json' })).toMatchObject({ errorCode: 'TYPE_MISMATCH' });
    expect(flags.getDetails('colour', { key: 'u' }, null, 'string')).toMatchObject({ value: 'green', variant: 'on' });
  });
});

describe('listeners and background errors', () => {
  it('keeps delivering to other listeners and applying changes when a listener throws', async () => {
    const flags = connect();
    await flags.waitUntilReady({ timeoutMs: 5000 });
    flags.on('changed', () => {
      throw new Error('host bug');
    });
    const seen = nextEvent(flags, 'changed');
    service.send('patch', { version: 2, flags: { checkout: booleanFlag('checkout', false, 2) } }, 2);
    await expect(seen).resolves.toEqual({ keys: ['checkout'], version: 2 });
    const next = nextEvent(flags, 'changed');
    service.send('patch', { version: 3, flags: { checkout: booleanFlag('checkout', true, 3) } }, 3);
    await expect(next).resolves.toEqual({ keys: ['checkout'], version: 3 });
    expect(flags.getBoolean('checkout', { key: 'u' }, false)).toBe(true);
  });

  it('delivers errors raised in the constructor to onError at once and to the first error listener added', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'switchyard-early-'));
    writeFileSync(join(dir, 'flags.json'), '{ not json');
    const early: Error[] = [];
    const flags = connect({
      cacheFile: join(dir, 'flags.json'),
      onError: (error) => {
        early.push(error);
        throw new Error('a throwing onError is the host bug, not ours');
      },
    });
    expect(early.map((error) => error.message)).toEqual([expect.stringMatching(/corrupt/)]);
    await new Promise((resolve) => setImmediate(resolve));
    const held = await nextEvent(flags, 'error');
    expect(held).toBe(early[0]);
    await expect(flags.waitUntilReady({ timeoutMs: 5000 })).resolves.toEqual({ source: 'live' });
    await flags.close(); // flushes the cache write of the live snapshot, which would race the removal
    rmSync(dir, { recursive: true, force: true });
  });
});
