/** One changed leaf between two versions: its path and its value before and after (undefined = absent). */
export interface DiffEntry {
  path: string;
  from: unknown;
  to: unknown;
  /** Human-readable form: `rules[0].conditions[1].values: ["a"] → ["a","b"]`. */
  text: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isLeafArray(value: unknown): boolean {
  return Array.isArray(value) && value.every((item) => typeof item !== 'object' || item === null);
}

function reordered(from: Record<string, unknown>, to: Record<string, unknown>): boolean {
  const [a, b] = [Object.keys(from), Object.keys(to)];
  return a.length === b.length && a.some((key, index) => b[index] !== key) && a.every((key) => key in to);
}

function show(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value as Json);
}

function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path === '' ? key : `${path}.${key}`;
}

function walk(path: string, from: unknown, to: unknown, out: DiffEntry[]): void {
  // Key order is meaning in a rollout's weights (the first variant fills first), so a reordering is a change.
  if (isPlainObject(from) && isPlainObject(to) && !(path.endsWith('weights') && reordered(from, to))) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    for (const key of keys) walk(join(path, key), from[key], to[key], out);
    return;
  }
  if (Array.isArray(from) && Array.isArray(to) && !(isLeafArray(from) && isLeafArray(to))) {
    const length = Math.max(from.length, to.length);
    for (let index = 0; index < length; index += 1) walk(join(path, index), from[index], to[index], out);
    return;
  }
  if (JSON.stringify(from) === JSON.stringify(to)) return;
  out.push({ path, from, to, text: `${path}: ${show(from)} → ${show(to)}` });
}

/**
 * A path-level diff of two JSON documents (flag configs, segments). Objects are compared key by key,
 * arrays of objects index by index, and arrays of plain values as a whole.
 */
export function diffConfigs(from: unknown, to: unknown): DiffEntry[] {
  const out: DiffEntry[] = [];
  walk('', from, to, out);
  return out;
}
