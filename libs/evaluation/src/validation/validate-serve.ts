import { BUCKETS } from '../bucketing/bucket.js';
import { CONFIG_LIMITS } from './limits.js';
import { at, isObject, type Issues } from './validation-issue.js';

function checkVariant(issues: Issues, variants: ReadonlySet<string>, variant: unknown, path: string): void {
  if (typeof variant !== 'string' || variant.length === 0) {
    issues.add(path, 'REQUIRED', 'name a variant of the flag');
  } else if (variants.size > 0 && !variants.has(variant)) {
    issues.add(
      path,
      'UNKNOWN_VARIANT',
      `variant "${variant}" is not one of the flag's variants (${[...variants].join(', ')})`,
    );
  }
}

function checkRollout(
  issues: Issues,
  variants: ReadonlySet<string>,
  rollout: Record<string, unknown>,
  path: string,
): void {
  if (rollout.bucketBy !== undefined && (typeof rollout.bucketBy !== 'string' || rollout.bucketBy.length === 0)) {
    issues.add(
      at(path, 'bucketBy'),
      'INVALID_TYPE',
      'bucketBy must be the name of a context attribute (default "key")',
    );
  }
  issues.maxLength(rollout.bucketBy, at(path, 'bucketBy'), CONFIG_LIMITS.attribute);
  const weightsPath = at(path, 'weights');
  if (!isObject(rollout.weights)) {
    issues.add(weightsPath, 'INVALID_TYPE', 'weights must be an object of variant → integer weight');
    return;
  }
  const entries = Object.entries(rollout.weights);
  if (entries.length === 0) {
    issues.add(weightsPath, 'EMPTY_ROLLOUT', 'a rollout needs at least one variant with a weight');
    return;
  }
  let sum = 0;
  let valid = true;
  for (const [variant, weight] of entries) {
    if (variants.size > 0 && !variants.has(variant))
      issues.add(at(weightsPath, variant), 'UNKNOWN_VARIANT', `variant "${variant}" is not one of the flag's variants`);
    if (typeof weight !== 'number' || !Number.isInteger(weight) || weight < 0) {
      issues.add(
        at(weightsPath, variant),
        'INVALID_WEIGHT',
        `weight must be an integer ≥ 0 (100000 = 100%): got ${JSON.stringify(weight)}`,
      );
      valid = false;
    } else {
      sum += weight;
    }
  }
  if (valid && sum !== BUCKETS) {
    issues.add(weightsPath, 'WEIGHTS_SUM', `weights must sum to ${BUCKETS} (100%), they sum to ${sum}`);
  }
}

/**
 * Checks a serve: one known variant, or a rollout over known variants with weights summing to 100000.
 * With no variants at all (already refused), variant names are not checked again.
 */
export function validateServe(issues: Issues, variants: ReadonlySet<string>, raw: unknown, path: string): void {
  if (!isObject(raw) || (raw.variant === undefined) === (raw.rollout === undefined)) {
    issues.add(path, 'INVALID_TYPE', 'serve must be either { variant } or { rollout: { weights } }');
    return;
  }
  issues.onlyFields(raw, path, raw.variant !== undefined ? ['variant'] : ['rollout'], 'a serve');
  if (raw.variant !== undefined) {
    checkVariant(issues, variants, raw.variant, at(path, 'variant'));
  } else if (!isObject(raw.rollout)) {
    issues.add(at(path, 'rollout'), 'INVALID_TYPE', 'rollout must be { bucketBy?, weights }');
  } else {
    issues.onlyFields(raw.rollout, at(path, 'rollout'), ['bucketBy', 'weights'], 'a rollout');
    checkRollout(issues, variants, raw.rollout, at(path, 'rollout'));
  }
}
