/** One changed value between two versions, at a readable path such as `rules[0].serve.variant`. */
export interface DiffLine {
  path: string;
  kind: 'added' | 'removed' | 'changed';
  before?: unknown;
  after?: unknown;
}

/** Fields that change with every version and say nothing about behaviour. */
const IGNORED = new Set(['version', 'updatedAt', 'updatedBy']);

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** The leaf-level differences between two JSON values, in a stable order. */
export function diffConfigs(before: unknown, after: unknown, path = ''): DiffLine[] {
  if (Object.is(before, after)) return [];
  if (before === undefined || before === null) {
    return after === undefined || after === null ? [] : [{ path, kind: 'added', after }];
  }
  if (after === undefined || after === null) return [{ path, kind: 'removed', before }];
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, index) => diffConfigs(before[index], after[index], join(path, index))).flat();
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (key) => !(path === '' && IGNORED.has(key)),
    );
    return keys.flatMap((key) => diffConfigs(before[key], after[key], join(path, key)));
  }
  return [{ path, kind: 'changed', before, after }];
}

/** A value as a short string for a diff line. */
export function showValue(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
