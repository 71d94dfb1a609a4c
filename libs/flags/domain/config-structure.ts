import { OPERATORS } from '@switchyard/evaluation';
import { LIMITS } from './limits.js';
import { slugProblem } from './slug.js';
import { IssueList, type StructureIssue } from './structure-issue.js';

function checkSlug(list: IssueList, path: string, value: unknown): void {
  const problem = slugProblem(value);
  if (problem) list.add(path, 'INVALID_KEY', problem);
}

function checkCondition(list: IssueList, path: string, value: unknown): void {
  const isSegment = typeof value === 'object' && value !== null && 'segment' in value;
  const allowed = isSegment ? ['segment', 'negate'] : ['attribute', 'operator', 'values', 'negate'];
  if (!list.object(path, value, allowed)) return;
  list.optionalBoolean(`${path}.negate`, value.negate);
  if (isSegment) return checkSlug(list, `${path}.segment`, value.segment);
  list.string(`${path}.attribute`, value.attribute, LIMITS.attribute);
  if (!OPERATORS.includes(value.operator as never)) {
    list.add(`${path}.operator`, 'INVALID_OPERATOR', `must be one of ${OPERATORS.join(', ')}`);
  }
  if (!list.array(`${path}.values`, value.values, LIMITS.values)) return;
  value.values.forEach((item, index) => {
    const at = `${path}.values[${index}]`;
    if (typeof item === 'string') list.string(at, item, LIMITS.value, false);
    else if (typeof item !== 'number' && typeof item !== 'boolean') {
      list.add(at, 'INVALID_TYPE', 'must be a string, number or boolean');
    }
  });
}

function checkServe(list: IssueList, path: string, value: unknown): void {
  if (!list.object(path, value, ['variant', 'rollout'])) return;
  if ((value.variant === undefined) === (value.rollout === undefined)) {
    list.add(path, 'INVALID_SERVE', 'must have exactly one of "variant" or "rollout"');
    return;
  }
  if (value.variant !== undefined) return void list.string(`${path}.variant`, value.variant, LIMITS.attribute);
  const rollout = value.rollout;
  if (!list.object(`${path}.rollout`, rollout, ['bucketBy', 'weights'])) return;
  list.string(`${path}.rollout.bucketBy`, rollout.bucketBy, LIMITS.attribute, false);
  if (!list.object(`${path}.rollout.weights`, rollout.weights, Object.keys(rollout.weights ?? {}))) return;
  for (const [variant, weight] of Object.entries(rollout.weights)) {
    if (!Number.isInteger(weight) || (weight as number) < 0) {
      list.add(`${path}.rollout.weights.${variant}`, 'INVALID_WEIGHT', 'must be a non-negative integer');
    }
  }
}

function checkRule(list: IssueList, path: string, value: unknown): void {
  if (!list.object(path, value, ['id', 'description', 'conditions', 'serve'])) return;
  list.string(`${path}.id`, value.id, 64);
  list.string(`${path}.description`, value.description, LIMITS.description, false);
  if (list.array(`${path}.conditions`, value.conditions, LIMITS.conditions)) {
    value.conditions.forEach((condition, index) => checkCondition(list, `${path}.conditions[${index}]`, condition));
  }
  checkServe(list, `${path}.serve`, value.serve);
}

function checkPrerequisite(list: IssueList, path: string, value: unknown): void {
  if (!list.object(path, value, ['flag', 'variants'])) return;
  checkSlug(list, `${path}.flag`, value.flag);
  if (!list.array(`${path}.variants`, value.variants, LIMITS.prerequisiteVariants)) return;
  value.variants.forEach((variant, index) => list.string(`${path}.variants[${index}]`, variant, LIMITS.attribute));
}

/** Strict shape check of a config's targeting (unknown fields refused), before the engine's semantic check. */
export function checkConfigStructure(input: Record<string, unknown>): StructureIssue[] {
  const list = new IssueList();
  if (typeof input.on !== 'boolean') list.add('on', 'INVALID_TYPE', 'must be a boolean');
  list.string('offVariant', input.offVariant, LIMITS.attribute);
  if (input.salt !== undefined) list.string('salt', input.salt, LIMITS.attribute);
  if (list.array('rules', input.rules, LIMITS.rules)) {
    input.rules.forEach((rule, index) => checkRule(list, `rules[${index}]`, rule));
    const ids = input.rules.map((rule) => (rule as { id?: unknown })?.id);
    ids.forEach((id, index) => {
      if (typeof id === 'string' && ids.indexOf(id) !== index) list.add(`rules[${index}].id`, 'DUPLICATE', 'must be unique');
    });
  }
  checkServe(list, 'fallthrough', input.fallthrough);
  if (input.prerequisites !== undefined && list.array('prerequisites', input.prerequisites, LIMITS.prerequisites)) {
    input.prerequisites.forEach((item, index) => checkPrerequisite(list, `prerequisites[${index}]`, item));
  }
  return list.issues;
}

/** Strict shape check of a segment's lists and conditions. */
export function checkSegmentStructure(input: Record<string, unknown>): StructureIssue[] {
  const list = new IssueList();
  for (const field of ['included', 'excluded'] as const) {
    if (input[field] === undefined || !list.array(field, input[field], LIMITS.segmentKeys)) continue;
    (input[field] as unknown[]).forEach((key, index) => list.string(`${field}[${index}]`, key, LIMITS.value));
  }
  if (input.conditions !== undefined && list.array('conditions', input.conditions, LIMITS.conditions)) {
    input.conditions.forEach((condition, index) => checkCondition(list, `conditions[${index}]`, condition));
  }
  return list.issues;
}
