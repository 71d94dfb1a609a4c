/** One place where two results differ: its JSON path (`$.items[2].price`) and both values there. */
export interface Difference {
  path: string;
  control: unknown;
  candidate: unknown;
}

/** Differences reported per comparison at most (the rest are not looked for). */
export const MAX_DIFFERENCES = 10;
/** Nodes one comparison visits at most; beyond, what is left is compared by identity (bounded CPU). */
export const MAX_NODES = 50_000;
/** Nesting followed at most; deeper values (or cycles) are compared by identity. */
export const MAX_DEPTH = 64;

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The path of `key` under `path`: `$.total`, `$["a b"]`. */
export function childPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

/**
 * Where `control` and `candidate` differ structurally, at most `limit` places, in document order; empty when
 * they are equal. Equality is JSON-like: same primitives (NaN equals NaN, 0 equals -0), arrays item by item,
 * objects key by key (a key holding undefined equals a missing key), Dates by time, Maps and Sets by their
 * entries in order. Never throws: a value that cannot be read (a throwing getter, a revoked Proxy) differs.
 */
export function differences(control: unknown, candidate: unknown, limit = MAX_DIFFERENCES): Difference[] {
  const found: Difference[] = [];
  let budget = MAX_NODES;
  const walk = (a: unknown, b: unknown, path: string, depth: number): void => {
    if (found.length >= limit) return;
    if (a === b || (a !== a && b !== b)) return; // NaN !== NaN: the only value unequal to itself
    budget -= 1;
    if (
      budget < 0 ||
      depth >= MAX_DEPTH ||
      typeof a !== 'object' ||
      typeof b !== 'object' ||
      a === null ||
      b === null
    ) {
      found.push({ path, control: a, candidate: b });
      return;
    }
    try {
      compareObjects(a, b, path, depth);
    } catch {
      found.push({ path, control: a, candidate: b });
    }
  };
  const compareObjects = (a: object, b: object, path: string, depth: number): void => {
    if (Array.isArray(a) !== Array.isArray(b) || a instanceof Date !== b instanceof Date) {
      found.push({ path, control: a, candidate: b });
    } else if (Array.isArray(a)) {
      const other = b as unknown[];
      const length = Math.max(a.length, other.length);
      for (let i = 0; i < length && found.length < limit; i += 1) walk(a[i], other[i], `${path}[${i}]`, depth + 1);
    } else if (a instanceof Date) {
      const [x, y] = [a.getTime(), (b as Date).getTime()];
      if (x !== y && !(x !== x && y !== y)) found.push({ path, control: a, candidate: b });
    } else if (a instanceof Map || a instanceof Set || b instanceof Map || b instanceof Set) {
      const entries = (value: object) =>
        value instanceof Map || value instanceof Set ? [...value.entries()] : Object.entries(value);
      walk(entries(a), entries(b), path, depth);
    } else {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      for (const key of Object.keys(x)) {
        if (found.length >= limit) return;
        walk(
          x[key],
          Object.prototype.hasOwnProperty.call(y, key) ? y[key] : undefined,
          childPath(path, key),
          depth + 1,
        );
      }
      for (const key of Object.keys(y)) {
        if (found.length >= limit) return;
        if (!Object.prototype.hasOwnProperty.call(x, key)) walk(undefined, y[key], childPath(path, key), depth + 1);
      }
    }
  };
  walk(control, candidate, '$', 0);
  return found;
}

/** The default `compare`: structural equality (see {@link differences}). */
export function structurallyEqual(control: unknown, candidate: unknown): boolean {
  return differences(control, candidate, 1).length === 0;
}

/**
 * Text the service stores as is: NUL characters and lone UTF-16 surrogates replaced by U+FFFD, at most `max`
 * UTF-16 units, never cutting a surrogate pair in two.
 */
export function sendableText(text: string, max: number): string {
  let safe = (text as string & { toWellFormed(): string }).toWellFormed().replaceAll('\0', '\uFFFD');
  if (safe.length > max) {
    const code = safe.charCodeAt(max - 1);
    safe = safe.slice(0, code >= 0xd800 && code <= 0xdbff ? max - 1 : max);
  }
  return safe;
}

/** A value as sent in a sample: JSON (undefined → `undefined`), at most `max` characters. Never throws. */
export function preview(value: unknown, max = 200): string {
  let text: string | undefined;
  try {
    text = JSON.stringify(value, (_key, item: unknown) => (typeof item === 'bigint' ? `${item}n` : item));
  } catch {
    text = undefined;
  }
  if (text === undefined) {
    try {
      text = String(value);
    } catch {
      text = '[unreadable]';
    }
  }
  return sendableText(text, max);
}
