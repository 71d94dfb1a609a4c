import fc from 'fast-check';
import type { EvaluationContext, Flag } from '@switchyard/evaluation';
import {
  hostileContext,
  hostileTargetSnapshot,
  hostileValue,
  throwable,
} from '../../../test/support/hostile-values.js';
import { FakeFlagService } from '../../test/fake-flag-service.js';
import { createClient, type SwitchyardClient } from '../index.js';

// Property tests of guard as a careless or hostile host calls it: whatever the key, context, fn, options or
// flag config, guard returns fn's value or the fallback's, and the only exception that leaves it is the one
// the host's own fallback throws.
const runs = (numRuns: number) => ({ numRuns, seed: 20261201 });
let service: FakeFlagService;
let client: SwitchyardClient;

const snapshot = hostileTargetSnapshot(1);
const on: Flag = { ...snapshot.flags['bool-flag']!, key: 'on-flag', fallthrough: { variant: 'b' }, rules: [] };
const oddBreaker = { ...on, key: 'odd-breaker', breaker: { windowMs: 'x', minimumCalls: -1, timeoutMs: 1e9 } } as never;
snapshot.flags['on-flag'] = on;
snapshot.flags['odd-breaker'] = oddBreaker;

beforeAll(async () => {
  service = await new FakeFlagService(snapshot).start();
  client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'hostile', sendEvents: false });
  await client.waitUntilReady({ timeoutMs: 5000 });
});

afterAll(async () => {
  await client.close();
  await service.stop();
});

const FN_VALUE = Symbol('fn');
const FALLBACK_VALUE = Symbol('fallback');
const OWN = Object.freeze({ own: true });

/** Builds a value inside the property: fast-check must never print or clone a hostile one itself. */
type Make<T = unknown> = () => T;
const made = <T>(label: string, make: Make<T>): Make<T> => Object.assign(make, { toString: () => label });

/** What fn does: return, throw something hostile, return a hostile value, or not be a function at all. */
const hostileFn: fc.Arbitrary<Make> = fc.oneof(
  fc.constant(made('returns', () => () => FN_VALUE)),
  throwable.map((make) =>
    made(`throws ${String(make)}`, () => () => {
      throw make();
    }),
  ),
  hostileValue.map((make) => made(`returns ${String(make)}`, () => () => make())),
  fc.constant(made('not a function', () => 'not a function')),
);

/** Options: absent, plain, wrong types, a throwing isFailure, throwing getters, a throwing Proxy, junk. */
const hostileOptions: fc.Arbitrary<Make> = fc.oneof(
  fc.constant(made('none', () => undefined)),
  fc
    .record({ variant: fc.constantFrom('a', 'b', 1), timeoutMs: fc.constantFrom(-1, 0, 5, Number.NaN, 1e12, '5') })
    .map((options) => made(JSON.stringify(options), () => options)),
  throwable.map((make) =>
    made(`isFailure throws ${String(make)}`, () => ({
      isFailure: () => {
        throw make();
      },
    })),
  ),
  fc.constant(
    made('throwing getter', () =>
      Object.defineProperty({}, 'variant', {
        get: () => {
          throw new Error('getter');
        },
      }),
    ),
  ),
  fc.constant(
    made(
      'throwing Proxy',
      () =>
        new Proxy(
          {},
          {
            get: () => {
              throw new Error('trap');
            },
          },
        ),
    ),
  ),
  hostileValue,
);

const keys: fc.Arbitrary<Make> = fc.oneof(
  fc.constantFrom('on-flag', 'odd-breaker', 'bool-flag', 'string-flag', 'missing').map((key) => made(key, () => key)),
  hostileValue,
);

function guard(key: unknown, context: unknown, fn: unknown, fallback: () => unknown, options: unknown): unknown {
  return client.guard(key as string, context as EvaluationContext, fn as () => unknown, fallback, options as never);
}

describe('guard with a hostile host', () => {
  it("returns fn's or the fallback's value and never throws of its own", () => {
    fc.assert(
      fc.property(keys, hostileContext, hostileFn, hostileOptions, (makeKey, makeContext, makeFn, makeOptions) => {
        const [key, context, fn, options] = [makeKey(), makeContext(), makeFn(), makeOptions()];
        for (let i = 0; i < 3; i++) {
          let returned: unknown = FN_VALUE;
          const recording = typeof fn === 'function' ? () => (returned = (fn as () => unknown)()) : fn;
          let value: unknown;
          expect(() => (value = guard(key, context, recording, () => FALLBACK_VALUE, options))).not.toThrow();
          // fn's own value (hostile ones passed through as they are), the fallback's, or a promise of either
          if (!(value instanceof Promise)) expect([returned, FALLBACK_VALUE]).toContain(value);
        }
      }),
      runs(300),
    );
  });

  it("lets only the fallback's own exception out, untouched", () => {
    fc.assert(
      fc.property(keys, hostileContext, hostileFn, hostileOptions, (makeKey, makeContext, makeFn, makeOptions) => {
        const [key, context, fn, options] = [makeKey(), makeContext(), makeFn(), makeOptions()];
        let thrown: unknown = 'nothing';
        let fallbackRan = false;
        const fallback = () => {
          fallbackRan = true;
          throw OWN;
        };
        try {
          guard(key, context, fn, fallback, options);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBe(fallbackRan ? OWN : 'nothing');
      }),
      runs(300),
    );
  });

  it('treats a fallback that is not a function as one returning undefined', () => {
    expect(client.guard('missing', { key: 'u' }, () => 1, 'nope' as never)).toBeUndefined();
  });
});
