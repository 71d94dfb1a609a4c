import fc from 'fast-check';
import type { FuzzRoute, Schema } from './open-api-routes.js';
import { encodeValue, oddBody, oddIntegerText, oddString, oddValue, RawJson, toJsonText } from './odd-values.js';

/** One generated request, ready to send. */
export interface FuzzRequest {
  /** `METHOD /template` of the route it exercises. */
  route: string;
  method: string;
  /** Path and query, percent-encoded. */
  url: string;
  headers: Record<string, string>;
  body?: string;
  credential: 'admin' | 'sdk';
}

/** Valid values of path parameters (and body fields of the same name): keys and ids of seeded objects. */
export type FuzzSeeds = Record<string, string[]>;

type Path = Array<string | number>;

/**
 * The arbitrary of requests to one route: a plausible request (seeded keys, examples from the document) with
 * exactly one odd part (one path parameter, one query parameter, the body, a header), or none, or all odd.
 * One odd part at a time is what gets past the parts that are checked first, down to the use case.
 */
export function requestsFor(
  route: FuzzRoute,
  seeds: FuzzSeeds,
  resolve: (schema: Schema | undefined) => Schema,
): fc.Arbitrary<FuzzRequest> {
  const schemas = route.query.map((q) => resolve(q.schema));
  const targets = [
    'none',
    'all',
    'extra-query',
    'header',
    ...route.params.map((_, i) => `param:${i}`),
    ...route.query.map((_, i) => `query:${i}`),
    'body',
    'body',
    'body',
  ];
  const parts = fc.record({
    target: fc.constantFrom(...targets),
    params: fc.tuple(...route.params.map((name) => validParam(name, seeds))),
    oddParams: fc.tuple(
      ...route.params.map((name) => oddParam(seeds[name]?.every((value) => /^\d+$/.test(value)) ?? false)),
    ),
    query: fc.tuple(
      ...route.query.map((q, i) => fc.option(plausibleQuery(q.name, schemas[i]!), { nil: undefined, freq: 2 })),
    ),
    oddQuery: fc.tuple(...route.query.map((_, i) => oddQuery(schemas[i]!))),
    extraQuery: fc.tuple(fc.constantFrom('zzz', 'limit', 'actor', 'from'), oddString),
    ifMatch: fc.option(fc.constantFrom('"1"', '"2"'), { nil: undefined }),
    oddIfMatch: fc.constantFrom('"0"', '"-1"', '"1.5"', '"99999999999999999999"', '*', 'W/"1"', 'garbage', '""'),
    body: route.body ? plausible(resolve(route.body), '', seeds, resolve, 0).map(toJsonText) : fc.constant(undefined),
    oddBody: route.body
      ? oddBodyFor(resolve(route.body), seeds, resolve)
      : fc.option(
          oddBody.map((raw) => raw.text),
          { nil: undefined, freq: 2 },
        ),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', undefined),
  });

  return parts.map((p) => {
    const all = p.target === 'all';
    const odd = (what: string) => all || p.target === what;
    let path = route.template;
    route.params.forEach(
      (name, i) => (path = path.replace(`{${name}}`, encodeValue(odd(`param:${i}`) ? p.oddParams[i]! : p.params[i]!))),
    );
    const pairs: Array<[string, string]> = route.query.flatMap((q, i): Array<[string, string]> => {
      const value = odd(`query:${i}`) ? p.oddQuery[i] : p.query[i];
      return value === undefined ? [] : [[q.name, value]];
    });
    if (odd('extra-query')) pairs.push(p.extraQuery);
    const search = pairs.map(([name, value]) => `${name}=${encodeValue(value)}`).join('&');
    const body = route.method === 'GET' ? undefined : odd('body') ? p.oddBody : p.body;
    const headers: Record<string, string> = {};
    if (body !== undefined)
      headers['content-type'] = odd('header') && p.contentType ? p.contentType : 'application/json';
    const ifMatch = odd('header') ? p.oddIfMatch : p.ifMatch;
    if (ifMatch && route.method !== 'GET') headers['if-match'] = ifMatch;
    return {
      route: `${route.method} ${route.template}`,
      method: route.method,
      url: search ? `${path}?${search}` : path,
      headers,
      body,
      credential: route.credential,
    };
  });
}

function validParam(name: string, seeds: FuzzSeeds): fc.Arbitrary<string> {
  return seeds[name]?.length ? fc.constantFrom(...seeds[name]!) : fc.constant('x');
}

function oddParam(numeric: boolean): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: numeric ? 1 : 3, arbitrary: oddString },
    { weight: numeric ? 3 : 1, arbitrary: oddIntegerText },
  );
}

function plausibleQuery(name: string, schema: Schema): fc.Arbitrary<string> {
  if (schema.type === 'number' || schema.type === 'integer') return fc.constantFrom('1', '2', '50');
  if (schema.enum?.length) return fc.constantFrom(...schema.enum.map(String));
  if (name === 'from' || name === 'to') return fc.constant(new Date(0).toISOString());
  return fc.constantFrom('shop', 'checkout', 'admin');
}

function oddQuery(schema: Schema): fc.Arbitrary<string> {
  const numeric = schema.type === 'number' || schema.type === 'integer';
  return fc.oneof(
    { weight: numeric ? 1 : 3, arbitrary: oddString },
    { weight: numeric ? 3 : 1, arbitrary: oddIntegerText },
  );
}

function oddBodyFor(
  schema: Schema,
  seeds: FuzzSeeds,
  resolve: (schema: Schema | undefined) => Schema,
): fc.Arbitrary<string | undefined> {
  const base = plausible(schema, '', seeds, resolve, 0);
  const mutated = base.chain((value) => {
    const paths = pathsOf(value);
    return fc
      .tuple(
        fc.constant(value),
        fc.constantFrom(...paths),
        oddValue,
        fc.constantFrom('replace', 'replace', 'null', 'delete', 'add'),
      )
      .map(([root, path, odd, how]) => mutate(root, path, odd, how));
  });
  return fc.oneof(
    { weight: 8, arbitrary: mutated.map(toJsonText) },
    { weight: 2, arbitrary: oddBody.map((raw) => raw.text) },
    { weight: 1, arbitrary: fc.constant(undefined) },
  );
}

/** A value that satisfies the schema as far as the document says (examples, enums, seeded keys). */
function plausible(
  schema: Schema,
  name: string,
  seeds: FuzzSeeds,
  resolve: (schema: Schema | undefined) => Schema,
  depth: number,
): fc.Arbitrary<unknown> {
  const resolved = resolve(schema);
  if (resolved.enum?.length) return fc.constantFrom(...resolved.enum);
  if (name === 'key') return fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
  if (seeds[name]?.length && resolved.type === 'string') return fc.constantFrom(...seeds[name]!);
  if (resolved.example !== undefined) return fc.constant(structuredClone(resolved.example));
  switch (resolved.type) {
    case 'string':
      return resolved.format === 'date-time'
        ? fc.constant(new Date().toISOString())
        : fc.constantFrom('fuzz', 'checkout');
    case 'number':
    case 'integer':
      return fc.constantFrom(1, 2);
    case 'boolean':
      return fc.boolean();
    case 'array':
      return depth > 4
        ? fc.constant([])
        : fc.array(plausible(resolved.items ?? {}, name, seeds, resolve, depth + 1), { maxLength: 2 });
    default: {
      const properties = Object.entries(resolved.properties ?? {});
      if (properties.length === 0)
        return fc.constant(resolved.additionalProperties ? { key: 'user-1', country: 'FR' } : {});
      const required = new Set(resolved.required ?? []);
      const members = Object.fromEntries(
        properties.map(([key, property]) => {
          const value = plausible(property, key, seeds, resolve, depth + 1);
          return [key, required.has(key) ? value : fc.option(value, { nil: undefined, freq: 4 })];
        }),
      );
      return fc.record(members);
    }
  }
}

function pathsOf(value: unknown, prefix: Path = [], out: Path[] = [[]]): Path[] {
  if (value === null || typeof value !== 'object' || value instanceof RawJson) return out;
  for (const [key, item] of Object.entries(value)) {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    out.push(path);
    pathsOf(item, path, out);
  }
  return out;
}

function mutate(root: unknown, path: Path, odd: unknown, how: string): unknown {
  if (path.length === 0)
    return how === 'add' && isObject(root) ? { ...root, unexpected: odd } : how === 'null' ? null : odd;
  const copy = structuredClone(root);
  let parent = copy as Record<string | number, unknown>;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (how === 'delete' && !Array.isArray(parent)) delete parent[last];
  else if (how === 'add' && isObject(parent[last])) (parent[last] as Record<string, unknown>).unexpected = odd;
  else if (how === 'null') parent[last] = null;
  else parent[last] = odd;
  return copy;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && !(value instanceof RawJson);
}
