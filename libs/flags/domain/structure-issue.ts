/** One reason a write is refused: where, a stable code, and a sentence. Same shape as the engine's issues. */
export interface StructureIssue {
  path: string;
  code: string;
  message: string;
}

/** Collects issues under a path prefix. */
export class IssueList {
  readonly issues: StructureIssue[] = [];

  add(path: string, code: string, message: string): void {
    this.issues.push({ path, code, message });
  }

  /** Refuses any field of `value` outside `allowed`; returns false when `value` is not an object. */
  object(path: string, value: unknown, allowed: readonly string[]): value is Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(path, 'INVALID_TYPE', 'must be an object');
      return false;
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key)) this.add(path ? `${path}.${key}` : key, 'UNKNOWN_FIELD', 'is not an allowed field');
    }
    return true;
  }

  array(path: string, value: unknown, max: number): value is unknown[] {
    if (!Array.isArray(value)) {
      this.add(path, 'INVALID_TYPE', 'must be an array');
      return false;
    }
    if (value.length > max) {
      this.add(path, 'TOO_MANY', `must have at most ${max} items`);
      return false;
    }
    return true;
  }

  string(path: string, value: unknown, max: number, required = true): value is string {
    if (value === undefined && !required) return false;
    if (typeof value !== 'string' || (required && value.length === 0)) {
      this.add(path, 'INVALID_TYPE', 'must be a non-empty string');
      return false;
    }
    if (value.length > max) {
      this.add(path, 'TOO_LONG', `must be at most ${max} characters`);
      return false;
    }
    return true;
  }

  optionalBoolean(path: string, value: unknown): void {
    if (value !== undefined && typeof value !== 'boolean') this.add(path, 'INVALID_TYPE', 'must be a boolean');
  }
}
