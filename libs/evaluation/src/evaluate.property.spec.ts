import fc from 'fast-check';
import {
  HOSTILE_TARGETS,
  hostileContext,
  hostileTargetSnapshot,
  hostileValue,
  resultProblem,
  throwable,
  type Make,
} from '../../../test/support/hostile-values.js';
import { evaluate } from './evaluate.js';
import type { EvaluationContext } from './model/context.js';
import type { Flag } from './model/flag.js';
import type { Snapshot } from './model/snapshot.js';
import { compileSnapshot } from './snapshot/compile-snapshot.js';

// Property tests: whatever the host passes, every evaluation returns a well-formed result of the requested
// type, with ERROR and a fitting code when it cannot evaluate. Seeded, so a failure reproduces.
const runs = (numRuns: number) => ({ numRuns, seed: 20261201 });
const snapshot = hostileTargetSnapshot();
const compiled = compileSnapshot(snapshot);
const lookup = { flag: (key: string) => snapshot.flags[key], segment: (key: string) => snapshot.segments[key] };

function getterThrowing(name: string, thrown: unknown, rest: Record<string, unknown> = {}): EvaluationContext {
  return Object.defineProperty({ key: 'user-1', ...rest }, name, {
    enumerable: true,
    get: () => {
      throw thrown;
    },
  }) as EvaluationContext;
}

describe('the engine on hostile contexts', () => {
  it('answers every flag of every type, through evaluate and a compiled snapshot', () => {
    fc.assert(
      fc.property(hostileContext, (make) => {
        const context = make();
        for (const { key, type, defaultValue } of HOSTILE_TARGETS) {
          const viaSnapshot = compiled.evaluate(key, context as EvaluationContext, defaultValue, type);
          const viaEvaluate = evaluate(snapshot.flags[key], context as EvaluationContext, lookup, {
            defaultValue,
            expectedType: type,
          });
          expect(resultProblem(viaSnapshot, type, defaultValue)).toBeUndefined();
          expect(resultProblem(viaEvaluate, type, defaultValue)).toBeUndefined();
          expect(viaEvaluate).toEqual(viaSnapshot);
        }
      }),
      runs(200),
    );
  });

  it('reports GENERAL with a description when a read attribute throws anything at all', () => {
    fc.assert(
      fc.property(throwable, fc.constantFrom('country', 'key'), (thrown, name) => {
        const result = compiled.evaluate('bool-flag', getterThrowing(name, thrown()), false, 'boolean');
        expect(result).toMatchObject({
          value: false,
          reason: 'ERROR',
          errorCode: 'GENERAL',
          errorMessage: expect.any(String),
        });
        expect(result.errorMessage!.length).toBeLessThan(600);
        const direct = evaluate(snapshot.flags['bool-flag'], getterThrowing(name, thrown()), lookup, {
          defaultValue: false,
        });
        expect(direct).toMatchObject({ value: false, reason: 'ERROR', errorCode: 'GENERAL' });
      }),
      runs(100),
    );
  });

  it('serves a flag whatever an attribute it never reads does', () => {
    fc.assert(
      fc.property(throwable, (thrown) => {
        const context = getterThrowing('unread', thrown(), { key: 'user-2' });
        expect(compiled.evaluate('bool-flag', context, false, 'boolean')).toMatchObject({
          value: true,
          reason: 'TARGETING_MATCH',
        });
      }),
      runs(50),
    );
  });

  it('answers FLAG_NOT_FOUND for flag keys that are not strings', () => {
    fc.assert(
      fc.property(hostileValue, (make) => {
        const key = make();
        fc.pre(typeof key !== 'string');
        const result = compiled.evaluate(key as string, { key: 'user-1' }, 'dflt', 'string');
        expect(result).toMatchObject({ value: 'dflt', reason: 'ERROR', errorCode: 'FLAG_NOT_FOUND' });
      }),
      runs(200),
    );
  });
});

describe('the engine on hostile snapshots and flags', () => {
  const hostileFlag: fc.Arbitrary<Make> = fc.oneof(
    hostileValue,
    fc
      .tuple(
        fc.constantFrom('key', 'type', 'version', 'variants', 'on', 'rules', 'fallthrough', 'prerequisites', 'salt'),
        throwable,
      )
      .map(
        ([field, thrown]) =>
          () =>
            Object.defineProperty({ ...snapshot.flags['bool-flag'] }, field, {
              enumerable: true,
              get: () => {
                throw thrown();
              },
            }),
      ),
    fc
      .tuple(fc.constantFrom('key', 'type', 'variants', 'rules', 'fallthrough', 'salt'), hostileValue)
      .map(([field, value]) => () => ({ ...snapshot.flags['bool-flag'], [field]: value() })),
  );

  it('compiles any flag and evaluates it to a well-formed result (PARSE_ERROR when malformed)', () => {
    fc.assert(
      fc.property(hostileFlag, hostileContext, (makeFlag, makeContext) => {
        const flag = makeFlag();
        const context = makeContext();
        const hostile = compileSnapshot({ ...snapshot, flags: { ...snapshot.flags, 'bool-flag': flag as Flag } });
        for (const { key, type, defaultValue } of HOSTILE_TARGETS) {
          const result = hostile.evaluate(key, context as EvaluationContext, defaultValue, type);
          expect(resultProblem(result, type, defaultValue)).toBeUndefined();
          // One bad flag is that flag's problem: it is still found, and the others serve as they would without it.
          if (key === 'bool-flag') expect(result.errorCode).not.toBe('FLAG_NOT_FOUND');
          else if (key !== 'gated-flag')
            expect(result).toEqual(compiled.evaluate(key, context as EvaluationContext, defaultValue, type));
        }
        const direct = evaluate(flag as Flag, context as EvaluationContext, lookup, {
          defaultValue: false,
          expectedType: 'boolean',
        });
        expect(resultProblem(direct, 'boolean', false)).toBeUndefined();
      }),
      runs(300),
    );
  });

  it('compiles an envelope it cannot read to an empty snapshot', () => {
    const envelopes: unknown[] = [
      new Proxy(
        {},
        {
          get: () => {
            throw Object.create(null);
          },
        },
      ),
      {
        version: 1,
        flags: new Proxy(
          {},
          {
            ownKeys: () => {
              throw Symbol('no');
            },
          },
        ),
        segments: {},
      },
      Object.defineProperty({ version: 1, segments: {} }, 'flags', {
        get: () => {
          throw 10n;
        },
      }),
    ];
    for (const envelope of envelopes) {
      const empty = compileSnapshot(envelope as Snapshot);
      expect(empty.evaluate('bool-flag', { key: 'u' }, false, 'boolean')).toMatchObject({
        value: false,
        errorCode: 'FLAG_NOT_FOUND',
      });
    }
  });
});
