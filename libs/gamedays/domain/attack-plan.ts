import type { Attack, FaultFlagConfig, TargetStep } from './game-day.js';

const WEIGHT_TOTAL = 100_000;
const NONE = 'none';

/** The rule id a game day's instance step writes (people reading the version see where it came from). */
export const GAME_DAY_RULE_ID = 'game-day';

/**
 * The fault flag's config while `step` of an attack is served: on, the variant to the step's targets (a rule on
 * `instanceId`, or a percentage rollout of contexts), `none` to the rest. The rest of the pre-run config (salt,
 * breaker settings, prerequisites) is kept.
 */
export function stepConfig(preRun: FaultFlagConfig, variant: string, step: TargetStep): FaultFlagConfig {
  if ('instances' in step) {
    return {
      ...preRun,
      on: true,
      rules: [
        {
          id: GAME_DAY_RULE_ID,
          description: 'game day: the attack’s instances',
          conditions: [{ attribute: 'instanceId', operator: 'in', values: step.instances }],
          serve: { variant },
        },
      ],
      fallthrough: { variant: NONE },
    };
  }
  const weight = Math.round(step.percent * 1000);
  return {
    ...preRun,
    on: true,
    rules: [],
    fallthrough: { rollout: { weights: { [variant]: weight, [NONE]: WEIGHT_TOTAL - weight } } },
  };
}

/** The fault flag's config once every fault of a run is off: the pre-run config, turned off (serving `none`). */
export function offConfig(preRun: FaultFlagConfig): FaultFlagConfig {
  return { ...preRun, on: false };
}

/** "instances host-3, host-4" or "12.5% of contexts". */
export function describeStep(step: TargetStep): string {
  return 'instances' in step
    ? `instances ${step.instances.join(', ')}`
    : `${Number(step.percent.toFixed(3))}% of contexts`;
}

/** What a running attack is due to do at `now`: end at its time box, or serve a later step. */
export type AttackDue = { kind: 'time-box' } | { kind: 'step'; step: number } | { kind: 'none' };

/** The attack's next move by the clock alone (stop conditions are judged apart). */
export function dueByClock(attack: Attack, now: Date): AttackDue {
  if (!attack.startedAt) return { kind: 'none' };
  const elapsed = now.getTime() - attack.startedAt.getTime();
  if (elapsed >= attack.durationMs) return { kind: 'time-box' };
  const step = Math.min(attack.targets.length - 1, Math.floor(elapsed / attack.stepMs));
  return step > attack.step ? { kind: 'step', step } : { kind: 'none' };
}

/** "5 min", "90 s", "250 ms". */
export function duration(ms: number): string {
  if (ms >= 60_000 && ms % 60_000 === 0) return `${ms / 60_000} min`;
  if (ms >= 1000) return `${Math.round(ms / 100) / 10} s`;
  return `${ms} ms`;
}
