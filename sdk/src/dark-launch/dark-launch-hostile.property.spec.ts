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

// Property tests of darkLaunch as a careless or hostile host calls it: whatever the key, context, candidate,
// compare, clean, ignore or options, darkLaunch returns control's value (in live mode: the candidate's or
// control's), and the only exception that leaves it is the one the host's own control throws.
const runs = (numRuns: number) => ({ numRuns, seed: 20261202 });
let service: FakeFlagService;
let client: SwitchyardClient;
const errors: Error[] = [];

const darkLaunchFlag = (key: string, variant: string): Flag => ({
  key,
  type: 'string',
  version: 1,
  on: true,
  offVariant: 'off',
  rules: [],
  variants: { off: 'off', shadow: 'shadow', live: 'live' },
  fallthrough: { variant },
});
const snapshot = hostileTargetSnapshot(1);
for (const mode of ['off', 'shadow', 'live']) snapshot.flags[`dl-${mode}`] = darkLaunchFlag(`dl-${mode}`, mode);

beforeAll(async () => {
  service = await new FakeFlagService(snapshot).start();
  client = createClient({
    sdkKey: 'sdk_test',
    baseUrl: service.url,
    appName: 'hostile',
    sendEvents: false,
    onError: (error) => errors.push(error),
  });
  await client.waitUntilReady({ timeoutMs: 5000 });
});

afterAll(async () => {
  await client.close();
  await service.stop();
});

const CONTROL = Symbol('control');
const CANDIDATE = Symbol('candidate');
const OWN = Object.freeze({ own: true });

type Make<T = unknown> = () => T;
const made = <T>(label: string, make: Make<T>): Make<T> => Object.assign(make, { toString: () => label });

/** What the candidate does: return, throw something hostile, return a hostile value, hang, or not be a function. */
const hostileCandidate: fc.Arbitrary<Make> = fc.oneof(
  fc.constant(made('returns', () => () => CANDIDATE)),
  throwable.map((make) =>
    made(`throws ${String(make)}`, () => () => {
      throw make();
    }),
  ),
  hostileValue.map((make) => made(`returns ${String(make)}`, () => () => make())),
  fc.constant(made('hangs', () => () => new Promise(() => undefined))),
  throwable.map((make) => made(`rejects ${String(make)}`, () => () => Promise.reject(make()))),
  fc.constant(made('not a function', () => 'not a function')),
);

/** A compare, clean or ignore: absent, throwing, returning junk, or not a function. */
const hostileHook: fc.Arbitrary<Make> = fc.oneof(
  fc.constant(made('absent', () => undefined)),
  throwable.map((make) =>
    made(`throws ${String(make)}`, () => () => {
      throw make();
    }),
  ),
  hostileValue.map((make) => made(`returns ${String(make)}`, () => () => make())),
  fc.constant(made('not a function', () => 42)),
);

/** The other options: plain, out of range, wrong types. */
const hostileExtras: fc.Arbitrary<Make> = fc
  .record(
    {
      timeoutMs: fc.constantFrom(-1, 0, 1, 5, Number.NaN, 1e12, '5'),
      maxConcurrentShadows: fc.constantFrom(0, 1, 2.5, 16, '16'),
      noiseSample: fc.constantFrom(-1, 0, 0.5, 1, 2, Number.NaN),
      name: fc.constantFrom('pricing', 5),
    },
    { requiredKeys: [] },
  )
  .map((extras) => made(JSON.stringify(extras), () => extras));

const keys: fc.Arbitrary<Make> = fc.oneof(
  fc
    .constantFrom('dl-off', 'dl-shadow', 'dl-live', 'string-flag', 'bool-flag', 'missing')
    .map((key) => made(key, () => key)),
  hostileValue,
);

function darkLaunch(key: unknown, context: unknown, options: unknown): unknown {
  return client.darkLaunch(key as string, context as EvaluationContext, options as never);
}

const property = (check: (key: unknown, context: unknown, options: Record<string, unknown>) => void) =>
  fc.property(
    keys,
    hostileContext,
    hostileCandidate,
    hostileHook,
    hostileHook,
    hostileHook,
    hostileExtras,
    (makeKey, makeContext, makeCandidate, makeCompare, makeClean, makeIgnore, makeExtras) => {
      const options = {
        ...(makeExtras() as object),
        candidate: makeCandidate(),
        compare: makeCompare(),
        clean: makeClean(),
        ignore: makeIgnore(),
      };
      check(makeKey(), makeContext(), options);
    },
  );

/** Lets shadow runs (microtasks, settled promises) finish. */
const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('darkLaunch with a hostile host', () => {
  it("returns control's value (in live mode, the candidate's or control's) and never throws of its own", async () => {
    fc.assert(
      property((key, context, options) => {
        for (let i = 0; i < 3; i++) {
          let candidateReturned: unknown = CANDIDATE;
          const candidate = options['candidate'];
          const recording =
            typeof candidate === 'function' ? () => (candidateReturned = (candidate as () => unknown)()) : candidate;
          let value: unknown;
          expect(
            () => (value = darkLaunch(key, context, { ...options, candidate: recording, control: () => CONTROL })),
          ).not.toThrow();
          if (key === 'dl-live') expect([CONTROL, candidateReturned]).toContain(value);
          else expect(value).toBe(CONTROL);
        }
      }),
      runs(300),
    );
    await turn();
    await turn();
    // The shadow runs of all those calls finished without breaking the client: it still shadows and answers.
    expect(client.darkLaunch('dl-shadow', { key: 'u' }, { control: () => 1, candidate: () => 2 })).toBe(1);
  });

  it("returns an async control's very promise in off and shadow modes", () => {
    fc.assert(
      property((key, context, options) => {
        if (key === 'dl-live') return;
        const promise = Promise.resolve(CONTROL);
        expect(darkLaunch(key, context, { ...options, control: () => promise })).toBe(promise);
      }),
      runs(200),
    );
  });

  it("lets only control's own exception out, untouched", () => {
    fc.assert(
      property((key, context, options) => {
        let thrown: unknown = 'nothing';
        let controlRan = false;
        const control = () => {
          controlRan = true;
          throw OWN;
        };
        try {
          darkLaunch(key, context, { ...options, control });
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toBe(controlRan ? OWN : 'nothing');
      }),
      runs(300),
    );
  });

  it('returns undefined, never throws, when there is no control to run', () => {
    for (const options of [undefined, null, 5, 'x', {}, { control: 'nope', candidate: () => 1 }]) {
      expect(darkLaunch('dl-shadow', { key: 'u' }, options)).toBeUndefined();
    }
  });
});
