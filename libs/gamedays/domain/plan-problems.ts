import type { FieldError } from '@switchyard/kernel';
import { type AttackInput, GAME_DAY_LIMITS, type StopConditions, type TargetStep } from './game-day.js';

/** Safe instance ids and flag keys: letters, digits and . _ : @ / - (no spaces, no control characters). */
const SAFE = /^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isInteger = (value: unknown): value is number => Number.isInteger(value);

/** A plan as the request gave it, checked field by field; `plan` is set only when there is no problem. */
export interface CheckedPlan {
  problems: FieldError[];
  plan: { name: string; attacks: Array<Required<Omit<AttackInput, 'stopWhen'>> & { stopWhen: StopConditions }> };
}

class Problems {
  readonly list: FieldError[] = [];
  add(path: string, code: string, message: string): void {
    this.list.push({ path, code, message });
  }
  only(value: Record<string, unknown>, path: string, fields: string[]): void {
    for (const key of Object.keys(value))
      if (!fields.includes(key))
        this.add(path ? `${path}.${key}` : key, 'UNKNOWN_FIELD', `${key} is not a field of ${path || 'a game day'}`);
  }
}

function flagKey(problems: Problems, value: unknown, path: string): value is string {
  if (typeof value !== 'string' || value.length === 0 || value.length > 200 || !SAFE.test(value)) {
    problems.add(path, 'INVALID_VALUE', `${path} must be a flag key`);
    return false;
  }
  return true;
}

function targets(problems: Problems, value: unknown, path: string): void {
  if (!Array.isArray(value) || value.length === 0 || value.length > GAME_DAY_LIMITS.steps) {
    problems.add(path, 'INVALID_VALUE', `${path} must be a list of 1 to ${GAME_DAY_LIMITS.steps} target steps`);
    return;
  }
  let lastPercent = 0;
  value.forEach((step: unknown, index) => {
    const at = `${path}.${index}`;
    if (!isObject(step) || Object.keys(step).length !== 1 || !('instances' in step || 'percent' in step)) {
      problems.add(at, 'INVALID_TYPE', `${at} must be { instances: [...] } or { percent: n }`);
      return;
    }
    if ('percent' in step) {
      const percent = step.percent;
      if (!isNumber(percent) || percent <= 0 || percent > 100 || Math.round(percent * 1000) !== percent * 1000) {
        problems.add(`${at}.percent`, 'INVALID_VALUE', `${at}.percent must be above 0 and at most 100 (0.001 steps)`);
      } else if (percent < lastPercent) {
        problems.add(`${at}.percent`, 'DECREASING', `${at}.percent must not be below the step before (${lastPercent})`);
      } else lastPercent = percent;
      return;
    }
    const instances = step.instances;
    if (!Array.isArray(instances) || instances.length === 0 || instances.length > GAME_DAY_LIMITS.instances) {
      problems.add(`${at}.instances`, 'INVALID_VALUE', `${at}.instances must list 1 to 100 instance ids`);
      return;
    }
    instances.forEach((instance: unknown, i) => {
      if (typeof instance !== 'string' || instance.length > GAME_DAY_LIMITS.instanceLength || !SAFE.test(instance))
        problems.add(
          `${at}.instances.${i}`,
          'INVALID_VALUE',
          'an instance id is 1 to 200 letters, digits or . _ : @ / - (no spaces)',
        );
    });
  });
}

function bound(problems: Problems, value: unknown, path: string, max: number, unit: string): void {
  if (!isObject(value)) {
    problems.add(path, 'INVALID_TYPE', `${path} must be { flag, above }`);
    return;
  }
  problems.only(value, path, ['flag', 'above']);
  flagKey(problems, value.flag, `${path}.flag`);
  if (!isNumber(value.above) || value.above < 0 || value.above > max)
    problems.add(`${path}.above`, 'INVALID_VALUE', `${path}.above must be a number from 0 to ${max}${unit}`);
}

function stopWhen(problems: Problems, value: unknown, path: string): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    problems.add(path, 'INVALID_TYPE', `${path} must be { breakerTrips?, failureRate?, p99Ms? }`);
    return;
  }
  problems.only(value, path, ['breakerTrips', 'failureRate', 'p99Ms']);
  const trips = value.breakerTrips;
  if (trips !== undefined) {
    if (!Array.isArray(trips) || trips.length > GAME_DAY_LIMITS.stopFlags)
      problems.add(`${path}.breakerTrips`, 'INVALID_VALUE', `${path}.breakerTrips must list at most 20 flag keys`);
    else trips.forEach((key: unknown, i) => flagKey(problems, key, `${path}.breakerTrips.${i}`));
  }
  if (value.failureRate !== undefined) bound(problems, value.failureRate, `${path}.failureRate`, 1, ' (a share)');
  if (value.p99Ms !== undefined) bound(problems, value.p99Ms, `${path}.p99Ms`, GAME_DAY_LIMITS.maxP99Ms, ' ms');
}

function attack(problems: Problems, value: unknown, path: string, minDurationMs: number): void {
  if (!isObject(value)) {
    problems.add(path, 'INVALID_TYPE', `${path} must be an attack { faultFlag, variant, targets, ... }`);
    return;
  }
  problems.only(value, path, ['faultFlag', 'variant', 'targets', 'stepMs', 'durationMs', 'stopWhen']);
  flagKey(problems, value.faultFlag, `${path}.faultFlag`);
  if (typeof value.variant !== 'string' || value.variant.length === 0 || value.variant.length > 200)
    problems.add(`${path}.variant`, 'INVALID_VALUE', `${path}.variant must name a variant of the fault flag`);
  else if (value.variant === 'none')
    problems.add(`${path}.variant`, 'INVALID_VALUE', `${path}.variant must be a fault, not none (it injects nothing)`);
  targets(problems, value.targets, `${path}.targets`);
  const duration = value.durationMs ?? GAME_DAY_LIMITS.defaultDurationMs;
  const max = GAME_DAY_LIMITS.maxDurationMs;
  if (!isInteger(duration) || duration < minDurationMs || duration > max)
    problems.add(`${path}.durationMs`, 'INVALID_VALUE', `${path}.durationMs must be ${minDurationMs} to ${max} ms`);
  const steps = Array.isArray(value.targets) ? value.targets.length : 1;
  if (value.stepMs !== undefined) {
    const stepMs = value.stepMs;
    if (!isInteger(stepMs) || stepMs < 1 || stepMs > max)
      problems.add(`${path}.stepMs`, 'INVALID_VALUE', `${path}.stepMs must be a whole number of ms, 1 to ${max}`);
    else if (isInteger(duration) && stepMs * (steps - 1) >= duration)
      problems.add(
        `${path}.stepMs`,
        'AFTER_TIME_BOX',
        `${path}.stepMs × ${steps - 1} reaches the time box (${duration} ms): the last steps would never run`,
      );
  }
  stopWhen(problems, value.stopWhen, `${path}.stopWhen`);
}

/**
 * The shape of a game-day plan, every problem named by its field (`attacks.0.targets.1.percent`). What needs the
 * environment (the flags exist, are fault flags, have the variant) is checked by CreateGameDay.
 */
export function planProblems(body: unknown, minDurationMs: number): CheckedPlan {
  const problems = new Problems();
  if (!isObject(body)) {
    problems.add('body', 'INVALID_TYPE', 'the body must be { name, attacks }');
    return { problems: problems.list, plan: { name: '', attacks: [] } };
  }
  problems.only(body, '', ['name', 'attacks']);
  const name = body.name;
  if (typeof name !== 'string' || name.trim().length === 0 || name.length > GAME_DAY_LIMITS.nameLength)
    problems.add('name', 'INVALID_VALUE', `name must be 1 to ${GAME_DAY_LIMITS.nameLength} characters`);
  const attacks = body.attacks;
  if (!Array.isArray(attacks) || attacks.length === 0 || attacks.length > GAME_DAY_LIMITS.attacks)
    problems.add('attacks', 'INVALID_VALUE', `attacks must list 1 to ${GAME_DAY_LIMITS.attacks} attacks`);
  else attacks.forEach((value: unknown, index) => attack(problems, value, `attacks.${index}`, minDurationMs));
  if (problems.list.length > 0) return { problems: problems.list, plan: { name: '', attacks: [] } };
  const plan = (attacks as AttackInput[]).map((input) => {
    const durationMs = input.durationMs ?? GAME_DAY_LIMITS.defaultDurationMs;
    return {
      faultFlag: input.faultFlag,
      variant: input.variant,
      targets: input.targets.map((step: TargetStep) =>
        'percent' in step ? { percent: step.percent } : { instances: [...step.instances] },
      ),
      durationMs,
      stepMs: input.stepMs ?? Math.floor(durationMs / input.targets.length),
      stopWhen: input.stopWhen ?? {},
    };
  });
  return { problems: [], plan: { name: (name as string).trim(), attacks: plan } };
}
