import fc from 'fast-check';
import type { EvaluationContext, JsonValue } from '@switchyard/evaluation';
import { recentContextProblem } from '@switchyard/delivery';
import {
  HOSTILE_TARGETS,
  hasType,
  hostileContext,
  hostileTargetSnapshot,
  hostileValue,
  resultProblem,
} from '../../../test/support/hostile-values.js';
import { FakeFlagService } from '../../test/fake-flag-service.js';
import { nextEvent } from '../../test/next-event.js';
import { createClient, type SwitchyardClient } from '../index.js';

// Property tests of the SDK as a host uses it: hostile contexts and keys through every getter, hostile
// snapshots and patches through the stream. Every call returns a value of the requested type; what is
// reported to the service stays something the service accepts.
const runs = (numRuns: number) => ({ numRuns, seed: 20261201 });
let service: FakeFlagService;
let client: SwitchyardClient;

beforeAll(async () => {
  service = await new FakeFlagService(hostileTargetSnapshot(1)).start();
  client = createClient({
    sdkKey: 'sdk_test',
    baseUrl: service.url,
    appName: 'hostile',
    contextSampleSize: 1000,
    flushIntervalMs: 3_600_000,
    ackFlushDelayMs: 3_600_000,
  });
  await client.waitUntilReady({ timeoutMs: 5000 });
});

afterAll(async () => {
  await client.close();
  await service.stop();
});

function typedGetter(key: string, type: string, context: EvaluationContext, defaultValue: JsonValue): unknown {
  switch (type) {
    case 'boolean':
      return client.getBoolean(key, context, defaultValue as boolean);
    case 'string':
      return client.getString(key, context, defaultValue as string);
    case 'number':
      return client.getNumber(key, context, defaultValue as number);
    default:
      return client.getJson(key, context, defaultValue);
  }
}

describe('the SDK with a hostile host', () => {
  it('answers every getter with a value of the requested type, whatever the context', () => {
    fc.assert(
      fc.property(hostileContext, (make) => {
        const context = make() as EvaluationContext;
        for (const { key, type, defaultValue } of HOSTILE_TARGETS) {
          expect(hasType(typedGetter(key, type, context, defaultValue), type)).toBe(true);
          expect(
            resultProblem(client.getDetails(key, context, defaultValue, type), type, defaultValue),
          ).toBeUndefined();
          expect(resultProblem(client.getDetails(key, context, defaultValue), type, defaultValue)).toBeUndefined();
        }
      }),
      runs(150),
    );
  });

  it('answers FLAG_NOT_FOUND for hostile flag keys', () => {
    fc.assert(
      fc.property(hostileValue, (make) => {
        const key = make();
        fc.pre(typeof key !== 'string');
        expect(client.getBoolean(key as string, { key: 'u' }, true)).toBe(true);
        expect(client.getDetails(key as string, { key: 'u' }, 'd')).toMatchObject({
          value: 'd',
          errorCode: 'FLAG_NOT_FOUND',
        });
      }),
      runs(100),
    );
  });

  it('reports only contexts the service accepts, so the batch of counts is never refused', async () => {
    await client.close();
    const posted = service.events.flatMap((body) => (body['contexts'] as unknown[] | undefined) ?? []);
    expect(posted.length).toBeGreaterThan(10);
    expect(posted.map(recentContextProblem).filter((problem) => problem !== null)).toEqual([]);
    expect(service.events.some((body) => body['evaluations'])).toBe(true);
    client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'hostile', sendEvents: false });
    await client.waitUntilReady({ timeoutMs: 5000 });
  });
});

/** Snapshot and patch bodies a broken or hostile service might send (the SDK only ever sees text). */
const junkBody: fc.Arbitrary<string> = fc.oneof(
  fc.jsonValue().map((value) => JSON.stringify(value)),
  fc.jsonValue().map((flags) => JSON.stringify({ version: 50, flags, segments: {} })),
  fc.jsonValue().map((flag) => JSON.stringify({ version: 50, flags: { 'bool-flag': flag } })),
  fc.constantFrom(
    '{"version":50,"flags":{"__proto__":{"polluted":true}},"segments":{"__proto__":{"polluted":true}}}',
    '{"__proto__":{"polluted":true},"version":50,"flags":{},"segments":{}}',
    '{"version":50,"flags":{"constructor":{"prototype":{"polluted":true}}}}',
    `{"version":50,"flags":{"bool-flag":{"key":"${'k'.repeat(100_000)}"}}}`,
    `${'['.repeat(10_000)}${']'.repeat(10_000)}`,
    '{"version":1e308,"flags":{}}',
  ),
);

describe('the SDK with a hostile service', () => {
  it('never throws, keeps answering with typed values and never pollutes prototypes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('snapshot', 'patch'), junkBody, async (event, body) => {
        const processed = nextEvent(
          client,
          'error',
          (error) => /sentinel/.test(error.message) || /not JSON/.test(error.message),
        );
        service.write(`event: ${event}\ndata: ${body}\n\n`);
        service.write('event: patch\ndata: sentinel, not JSON\n\n');
        await processed;
        for (const { key, type, defaultValue } of HOSTILE_TARGETS) {
          expect(hasType(typedGetter(key, type, { key: 'u', country: 'FR' }, defaultValue), type)).toBe(true);
        }
        expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
        expect(Object.prototype).not.toHaveProperty('polluted');
      }),
      runs(60),
    );
  });
});
