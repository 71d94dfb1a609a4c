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

/** Where a walk is: the object it descended into (`parent`) and the key of the value under it. */
interface Step {
  parent: Step | undefined;
  key: string | number | undefined;
}

/** The JSON path of `key` under `parent`, built only for a difference (equal values cost no string). */
function pathOf(parent: Step | undefined, key: string | number | undefined): string {
  const keys: Array<string | number> = [];
  if (key !== undefined) keys.push(key);
  for (let step = parent; step !== undefined; step = step.parent) if (step.key !== undefined) keys.push(step.key);
  let path = '$';
  for (let i = keys.length - 1; i >= 0; i -= 1) {
    const item = keys[i]!;
    path = typeof item === 'number' ? `${path}[${item}]` : childPath(path, item);
  }
  return path;
}

const hasOwn = (value: object, key: string) => Object.prototype.hasOwnProperty.call(value, key);

/**
 * Where `control` and `candidate` differ structurally, at most `limit` places, in document order; empty when
 * they are equal. Equality is JSON-like: same primitives (NaN equals NaN, 0 equals -0), arrays item by item,
 * objects key by key (a key holding undefined equals a missing key), Dates by time, Maps and Sets by their
 * entries in order. Never throws: a value that cannot be read (a throwing getter, a revoked Proxy) differs.
 */
export function differences(control: unknown, candidate: unknown, limit = MAX_DIFFERENCES): Difference[] {
  const found: Difference[] = [];
  let budget = MAX_NODES;
  const differ = (parent: Step | undefined, key: string | number | undefined, a: unknown, b: unknown) => {
    found.push({ path: pathOf(parent, key), control: a, candidate: b });
  };
  const walk = (a: unknown, b: unknown, parent: Step | undefined, key: string | number | undefined, depth: number) => {
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
      return differ(parent, key, a, b);
    }
    try {
      compareObjects(a, b, parent, key, depth);
    } catch {
      differ(parent, key, a, b);
    }
  };
  const compareObjects = (
    a: object,
    b: object,
    parent: Step | undefined,
    key: string | number | undefined,
    depth: number,
  ): void => {
    if (Array.isArray(a) !== Array.isArray(b) || a instanceof Date !== b instanceof Date) {
      return differ(parent, key, a, b);
    }
    if (Array.isArray(a)) {
      const other = b as unknown[];
      const length = Math.max(a.length, other.length);
      const step: Step = { parent, key };
      for (let i = 0; i < length && found.length < limit; i += 1) walk(a[i], other[i], step, i, depth + 1);
    } else if (a instanceof Date) {
      const [x, y] = [a.getTime(), (b as Date).getTime()];
      if (x !== y && !(x !== x && y !== y)) differ(parent, key, a, b);
    } else if (a instanceof Map || a instanceof Set || b instanceof Map || b instanceof Set) {
      const entries = (value: object) =>
        value instanceof Map || value instanceof Set ? [...value.entries()] : Object.entries(value);
      walk(entries(a), entries(b), parent, key, depth);
    } else {
      const x = a as Record<string, unknown>;
      const y = b as Record<string, unknown>;
      const step: Step = { parent, key };
      for (const name of Object.keys(x)) {
        if (found.length >= limit) return;
        walk(x[name], hasOwn(y, name) ? y[name] : undefined, step, name, depth + 1);
      }
      for (const name of Object.keys(y)) {
        if (found.length >= limit) return;
        if (!hasOwn(x, name)) walk(undefined, y[name], step, name, depth + 1);
      }
    }
  };
  walk(control, candidate, undefined, undefined, 0);
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
