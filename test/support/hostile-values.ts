import fc from 'fast-check';
import type { EvaluationResult, Flag, FlagType, JsonValue, Snapshot } from '@switchyard/evaluation';

// What a host may hand the engine or the SDK that the types say it cannot: the generators of the property
// tests (libs/evaluation/src/evaluate.property.spec.ts, sdk/src/client/hostile-host.property.spec.ts).
// Every arbitrary yields a `Make`, a function that builds the hostile value: fast-check inspects the values it
// generates (to clone and print them), which a revoked Proxy or a throwing trap would break.

/** Builds one hostile value; fast-check prints its label in a counterexample. */
export type Make<T = unknown> = () => T;

function labelled<T>(label: string, make: () => T): Make<T> {
  return Object.assign(make, { toString: () => label });
}

const just = <T>(value: T): Make<T> =>
  labelled(JSON.stringify(typeof value === 'bigint' ? `${value}n` : value)?.slice(0, 40) ?? String(value), () => value);

function revokedProxy(): object {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
}

/** Built once: a megabyte of text (two in UTF-8), for keys, values and thrown strings. */
const HUGE_ASCII = 'x'.repeat(1 << 20);
const HUGE_UTF8 = 'é'.repeat(1 << 20);

const trap = () => {
  throw Object.create(null);
};
/** A Proxy every one of whose traps throws a prototype-less object. */
function throwingProxy(target: object = {}): object {
  return new Proxy(target, {
    get: trap,
    has: trap,
    ownKeys: trap,
    getOwnPropertyDescriptor: trap,
    getPrototypeOf: trap,
    set: trap,
    defineProperty: trap,
  });
}

/** Things a getter may throw, each chosen to break a naive `String(error)` or `error.message`. */
export const throwable: fc.Arbitrary<Make> = fc.constantFrom<Make>(
  labelled('Object.create(null)', () => Object.create(null)),
  labelled('throwing toString', () => ({ toString: trap })),
  labelled('throwing Proxy', () => throwingProxy()),
  labelled('revoked Proxy', revokedProxy),
  labelled('Symbol', () => Symbol('boom')),
  labelled('BigInt', () => 10n),
  labelled('undefined', () => undefined),
  labelled('Error', () => new Error('plain')),
  labelled('Error with throwing message', () => Object.defineProperty(new Error('x'), 'message', { get: trap })),
  labelled('1 MB string', () => HUGE_ASCII),
);

function cyclicObject(): object {
  const value: Record<string, unknown> = { a: 1 };
  value.self = value;
  return value;
}

function cyclicArray(): unknown[] {
  const value: unknown[] = ['a'];
  value.push(value);
  return value;
}

/** Attribute values outside the contract (string, number, boolean, string[]), and odd ones inside it. */
export const hostileValue: fc.Arbitrary<Make> = fc.oneof(
  fc
    .oneof(
      fc.string(),
      fc.string({ unit: 'binary', maxLength: 8 }),
      fc.constantFrom(
        'FR',
        'a@example.com',
        '1.2.3',
        '2026-01-01T00:00:00Z',
        'pro',
        '\u0000',
        '\uD800',
        'a'.repeat(300),
      ),
      fc.double(),
      fc.boolean(),
      fc.bigInt(),
      fc.array(fc.string(), { maxLength: 3 }),
      fc.array(fc.oneof(fc.string(), fc.integer()), { maxLength: 3 }),
    )
    .map(just),
  fc.bigInt().map((n) => labelled('[BigInt]', () => ['beta', n])),
  fc.constantFrom<Make>(
    labelled('Symbol', () => Symbol('s')),
    labelled('Invalid Date', () => new Date(Number.NaN)),
    labelled('Date', () => new Date(0)),
    labelled('1 MB string', () => HUGE_UTF8),
    labelled('Object.create(null)', () => Object.create(null)),
    labelled('cyclic object', cyclicObject),
    labelled('cyclic array', cyclicArray),
    labelled('frozen object', () => Object.freeze({ a: 1 })),
    labelled('sealed array', () => Object.seal(['beta'])),
    labelled('revoked Proxy', revokedProxy),
    labelled('throwing Proxy', () => throwingProxy()),
    labelled('throwing array Proxy', () => throwingProxy([])),
    labelled('function', () => () => 'a function'),
    labelled('null', () => null),
    labelled('undefined', () => undefined),
  ),
);

/** Attribute names the flags below read, prototype-polluting ones, and arbitrary ones. */
const attributeName = fc.oneof(
  fc.constantFrom(
    'country',
    'email',
    'version',
    'createdAt',
    'groups',
    'plan',
    '__proto__',
    'constructor',
    'prototype',
    'toString',
  ),
  fc.string({ maxLength: 6 }),
);

type Wrap =
  'plain' | 'null-prototype' | 'frozen' | 'sealed' | 'proxy-get' | 'proxy-keys' | 'proxy-all' | 'revoked' | 'json';

function build(spec: {
  key: Make;
  attributes: Array<[string, Make]>;
  getters: Array<[string, Make]>;
  symbols: boolean;
  cyclic: boolean;
  wrap: Wrap;
}): unknown {
  if (spec.wrap === 'revoked') return revokedProxy();
  const context: Record<string | symbol, unknown> = spec.wrap === 'null-prototype' ? Object.create(null) : {};
  const define = (name: string | symbol, descriptor: PropertyDescriptor) =>
    Object.defineProperty(context, name, { enumerable: true, configurable: true, ...descriptor });
  define('key', { value: spec.key(), writable: true });
  for (const [name, value] of spec.attributes) define(name, { value: value(), writable: true });
  for (const [name, thrown] of spec.getters)
    define(name, {
      get: () => {
        throw thrown();
      },
    });
  if (spec.symbols) define(Symbol('attribute'), { value: 'hidden' });
  if (spec.cyclic) define('self', { value: context });
  switch (spec.wrap) {
    case 'frozen':
      return Object.freeze(context);
    case 'sealed':
      return Object.seal(context);
    case 'proxy-get':
      return new Proxy(context, { get: trap });
    case 'proxy-keys':
      return new Proxy(context, { ownKeys: trap, getOwnPropertyDescriptor: trap });
    case 'proxy-all':
      return throwingProxy(context);
    case 'json':
      return JSON.parse(
        `{"key":"json-user","__proto__":{"country":"FR"},"constructor":{"prototype":{"polluted":true}}}`,
      );
    default:
      return context;
  }
}

/** Contexts as a hostile or careless host passes them: bad keys, bad values, throwing getters, Proxies... */
export const hostileContext: fc.Arbitrary<Make> = fc.oneof(
  {
    weight: 9,
    arbitrary: fc
      .record({
        key: fc.oneof(fc.constantFrom('user-1', 'user-2', '').map(just), fc.string().map(just), hostileValue),
        attributes: fc.array(fc.tuple(attributeName, hostileValue), { maxLength: 6 }),
        getters: fc.array(fc.tuple(attributeName, throwable), { maxLength: 2 }),
        symbols: fc.boolean(),
        cyclic: fc.boolean(),
        wrap: fc.constantFrom<Wrap>(
          'plain',
          'null-prototype',
          'frozen',
          'sealed',
          'proxy-get',
          'proxy-keys',
          'proxy-all',
          'revoked',
          'json',
        ),
      })
      .map((spec) => labelled(`context ${spec.wrap}`, () => build(spec))),
  },
  { weight: 1, arbitrary: hostileValue },
);

/** A snapshot whose flags read every attribute the hostile contexts set, one flag of each type. */
export function hostileTargetSnapshot(version = 1): Snapshot {
  const conditions = [
    { attribute: 'country', operator: 'in', values: ['FR'] },
    { attribute: 'email', operator: 'matches', values: ['@example\\.com$'] },
    { attribute: 'version', operator: 'semverGt', values: ['1.0.0'] },
    { attribute: 'createdAt', operator: 'before', values: ['2030-01-01'] },
    { attribute: 'groups', operator: 'contains', values: ['bet'] },
    { segment: 'pros' },
  ] as const;
  const rules = conditions.map((condition, i) => ({
    id: `r${i}`,
    conditions: [condition],
    serve: { variant: 'b' },
  })) as Flag['rules'];
  const flag = (key: string, type: FlagType, a: JsonValue, b: JsonValue, fallthrough: Flag['fallthrough']): Flag => ({
    key,
    type,
    version: 3,
    on: true,
    offVariant: 'a',
    variants: { a, b },
    rules,
    fallthrough,
  });
  const split = { rollout: { weights: { a: 50_000, b: 50_000 } } };
  const byPlan = { rollout: { bucketBy: 'plan', weights: { a: 50_000, b: 50_000 } } };
  return {
    version,
    flags: {
      'bool-flag': flag('bool-flag', 'boolean', false, true, split),
      'string-flag': flag('string-flag', 'string', 'a', 'b', byPlan),
      'number-flag': flag('number-flag', 'number', 1, 2, split),
      'json-flag': flag('json-flag', 'json', { a: [1] }, { b: null }, { variant: 'a' }),
      'gated-flag': {
        ...flag('gated-flag', 'boolean', false, true, split),
        prerequisites: [{ flag: 'bool-flag', variants: ['b'] }],
      },
    },
    segments: {
      pros: {
        key: 'pros',
        included: ['user-2'],
        excluded: [],
        conditions: [{ attribute: 'plan', operator: 'in', values: ['pro'] }],
      },
    },
  };
}

/** Each flag of {@link hostileTargetSnapshot} with its type and a default value of that type. */
export const HOSTILE_TARGETS: ReadonlyArray<{ key: string; type: FlagType; defaultValue: JsonValue }> = [
  { key: 'bool-flag', type: 'boolean', defaultValue: false },
  { key: 'string-flag', type: 'string', defaultValue: 'dflt' },
  { key: 'number-flag', type: 'number', defaultValue: -1 },
  { key: 'json-flag', type: 'json', defaultValue: { dflt: true } },
  { key: 'gated-flag', type: 'boolean', defaultValue: true },
];

const REASONS = new Set([
  'STATIC',
  'DEFAULT',
  'TARGETING_MATCH',
  'SPLIT',
  'DISABLED',
  'KILLED',
  'PREREQUISITE_FAILED',
  'ERROR',
]);
/** The codes an evaluation over a hostile context may fittingly report. */
export const HOSTILE_ERROR_CODES = new Set([
  'GENERAL',
  'TARGETING_KEY_MISSING',
  'INVALID_CONTEXT',
  'FLAG_NOT_FOUND',
  'PARSE_ERROR',
]);

/** Whether `value` has the requested flag type (json: any JSON value). */
export function hasType(value: unknown, type: FlagType): boolean {
  if (type === 'json') return value === null || ['object', 'string', 'number', 'boolean'].includes(typeof value);
  return typeof value === type;
}

/**
 * Why `result` is not a well-formed answer of the requested type (or undefined when it is): a known reason; on
 * ERROR the caller's default (the same object), no variant and a fitting code; otherwise a variant.
 */
export function resultProblem(result: EvaluationResult, type: FlagType, defaultValue: JsonValue): string | undefined {
  if (!REASONS.has(result.reason)) return `unknown reason ${String(result.reason)}`;
  if (!hasType(result.value, type)) return `value ${typeof result.value} is not a ${type}`;
  if (typeof result.flagVersion !== 'number') return 'flagVersion is not a number';
  if (result.reason !== 'ERROR') return typeof result.variant === 'string' ? undefined : 'no variant on success';
  if (result.value !== defaultValue) return 'ERROR without the default value';
  if (result.variant !== undefined) return 'ERROR with a variant';
  return HOSTILE_ERROR_CODES.has(result.errorCode as string) ? undefined : `unfitting code ${String(result.errorCode)}`;
}
