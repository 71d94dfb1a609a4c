import { BREAKER_DEFAULTS, BREAKER_LIMITS } from './breaker-limits.js';
import { at, isObject, Issues, type ValidationIssue } from './validation-issue.js';

const BREAKER_FIELDS = ['windowMs', 'bucketMs', 'minimumCalls', 'failureRatio', 'timeoutMs', 'autoRecover'];
const AUTO_RECOVER_FIELDS = ['coolDownMs', 'probePercent', 'probeWindowMs', 'maxCoolDownMs'];

/** Checks an integer field within [min, max]; true when it is one (absent counts as fine unless `required`). */
function integerIn(
  issues: Issues,
  value: unknown,
  path: string,
  bounds: { min: number; max: number },
  required = false,
): boolean {
  if (value === undefined) {
    if (required) issues.add(path, 'REQUIRED', `${path} is required (an integer from ${bounds.min} to ${bounds.max})`);
    return false;
  }
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    issues.add(path, 'INVALID_TYPE', `${path} must be an integer (ms or a count)`);
    return false;
  }
  if (value < bounds.min || value > bounds.max) {
    issues.add(path, 'INVALID_VALUE', `${path} must be from ${bounds.min} to ${bounds.max}: got ${value}`);
    return false;
  }
  return true;
}

/** Checks a percentage in (0, 100] (or [0, 100] with `zero`), in steps of 0.001 like rollout weights. */
function percentIn(issues: Issues, value: unknown, path: string, zero: boolean): void {
  if (value === undefined) {
    issues.add(path, 'REQUIRED', `${path} is required (a percentage)`);
  } else if (typeof value !== 'number' || !Number.isFinite(value)) {
    issues.add(path, 'INVALID_TYPE', `${path} must be a number (a percentage)`);
  } else if (value > 100 || value < 0 || (!zero && value === 0)) {
    issues.add(
      path,
      'INVALID_VALUE',
      `${path} must be ${zero ? 'from 0 to 100' : 'above 0 and at most 100'}: got ${value}`,
    );
  } else if (Math.abs(Math.round(value * 1000) - value * 1000) > 1e-6) {
    issues.add(path, 'INVALID_VALUE', `${path} goes in steps of 0.001%: got ${value}`);
  }
}

function checkAutoRecover(issues: Issues, value: unknown, path: string): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) {
    issues.add(
      path,
      'INVALID_TYPE',
      `${path} must be null or { coolDownMs, probePercent, probeWindowMs, maxCoolDownMs }`,
    );
    return;
  }
  issues.onlyFields(value, path, AUTO_RECOVER_FIELDS, 'autoRecover');
  const coolDownOk = integerIn(issues, value.coolDownMs, at(path, 'coolDownMs'), BREAKER_LIMITS.coolDownMs, true);
  percentIn(issues, value.probePercent, at(path, 'probePercent'), false);
  integerIn(issues, value.probeWindowMs, at(path, 'probeWindowMs'), BREAKER_LIMITS.probeWindowMs, true);
  const min = coolDownOk ? (value.coolDownMs as number) : BREAKER_LIMITS.coolDownMs.min;
  integerIn(
    issues,
    value.maxCoolDownMs,
    at(path, 'maxCoolDownMs'),
    { min, max: BREAKER_LIMITS.maxCoolDownMs.max },
    true,
  );
}

/**
 * Checks a flag's `breaker` settings (strict mode; the SDK ignores fields that fail these checks and uses its
 * defaults for them): each optional field's type and bounds (`BREAKER_LIMITS`), a window that is a whole
 * number of buckets, at most `maxBuckets` of them, and `autoRecover` null or complete with `maxCoolDownMs` ≥
 * `coolDownMs`.
 */
export function checkBreaker(issues: Issues, value: unknown, path = 'breaker'): void {
  if (value === undefined || value === null) return;
  if (!isObject(value)) {
    issues.add(
      path,
      'INVALID_TYPE',
      `${path} must be null or { windowMs?, bucketMs?, minimumCalls?, failureRatio?, timeoutMs?, autoRecover? }`,
    );
    return;
  }
  issues.onlyFields(value, path, BREAKER_FIELDS, 'breaker settings');
  const windowOk =
    value.windowMs === undefined || integerIn(issues, value.windowMs, at(path, 'windowMs'), BREAKER_LIMITS.windowMs);
  const bucketOk =
    value.bucketMs === undefined || integerIn(issues, value.bucketMs, at(path, 'bucketMs'), BREAKER_LIMITS.bucketMs);
  if (windowOk && bucketOk) {
    const windowMs = (value.windowMs as number | undefined) ?? BREAKER_DEFAULTS.windowMs;
    const bucketMs = (value.bucketMs as number | undefined) ?? BREAKER_DEFAULTS.bucketMs;
    if (windowMs % bucketMs !== 0 || windowMs / bucketMs > BREAKER_LIMITS.maxBuckets) {
      issues.add(
        at(path, 'windowMs'),
        'INVALID_VALUE',
        `${path}.windowMs (${windowMs}) must be a whole number of buckets of ${bucketMs} ms, at most ${BREAKER_LIMITS.maxBuckets}`,
      );
    }
  }
  integerIn(issues, value.minimumCalls, at(path, 'minimumCalls'), BREAKER_LIMITS.minimumCalls);
  const ratio = value.failureRatio;
  if (ratio !== undefined && (typeof ratio !== 'number' || !Number.isFinite(ratio))) {
    issues.add(at(path, 'failureRatio'), 'INVALID_TYPE', `${path}.failureRatio must be a number`);
  } else if (typeof ratio === 'number' && (ratio <= 0 || ratio > 1)) {
    issues.add(
      at(path, 'failureRatio'),
      'INVALID_VALUE',
      `${path}.failureRatio must be above 0 and at most 1: got ${ratio}`,
    );
  }
  integerIn(issues, value.timeoutMs, at(path, 'timeoutMs'), BREAKER_LIMITS.timeoutMs);
  checkAutoRecover(issues, value.autoRecover, at(path, 'autoRecover'));
}

/** Checks a kill's half-open `probe`: `{ percent: 0–100 in steps of 0.001, since: string }`. */
export function checkProbe(issues: Issues, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    issues.add(path, 'INVALID_TYPE', `${path} must be { percent, since }`);
    return;
  }
  issues.onlyFields(value, path, ['percent', 'since'], 'a probe');
  percentIn(issues, value.percent, at(path, 'percent'), true);
  if (typeof value.since !== 'string' || value.since.length === 0) {
    issues.add(at(path, 'since'), 'INVALID_TYPE', `${path}.since must be a string (when probing started, ISO-8601)`);
  }
}

/**
 * The issues of a flag's `breaker` settings alone, as strict validation reports them (paths from `breaker`).
 * The SDK uses it to keep the fields that pass and fall back to `BREAKER_DEFAULTS` for the rest. Never throws.
 */
export function validateBreaker(value: unknown): ValidationIssue[] {
  const issues = new Issues(true);
  try {
    checkBreaker(issues, value);
  } catch {
    issues.add('breaker', 'INVALID_TYPE', 'breaker settings could not be read');
  }
  return issues.list;
}
