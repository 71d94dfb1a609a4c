import { randomUUID } from 'node:crypto';
import type { Actor, FieldError } from '@switchyard/kernel';
import type { GameDayRun } from '../domain/game-day.js';
import { GameDaysErrors } from '../domain/gamedays.errors.js';
import { planProblems } from '../domain/plan-problems.js';
import type { GameDayFlags, GameDayStore } from './gamedays-ports.js';

/** Who plans a run where. */
export interface RunTarget {
  projectKey: string;
  environmentKey: string;
  actor: Actor;
}

/**
 * Plans a game-day run: the shape first (each problem named by its field), then against the environment: every
 * attack's fault flag exists and is a fault flag with that variant, every flag a stop condition names exists.
 * Nothing is written while anything is wrong; the run starts `planned`.
 */
export class CreateGameDay {
  constructor(
    private readonly flags: GameDayFlags,
    private readonly store: GameDayStore,
    private readonly clock: () => Date,
    private readonly minDurationMs: number,
  ) {}

  async execute(target: RunTarget, body: unknown): Promise<GameDayRun> {
    const environment = await this.flags.environment(target.projectKey, target.environmentKey);
    const { problems, plan } = planProblems(body, this.minDurationMs);
    if (problems.length > 0) throw GameDaysErrors.invalid(problems);
    const found: FieldError[] = [];
    for (const [index, attack] of plan.attacks.entries()) {
      const path = `attacks.${index}`;
      const flag = await this.flags.flag(environment, attack.faultFlag);
      if (!flag || flag.archived)
        found.push({ path: `${path}.faultFlag`, code: 'UNKNOWN_FLAG', message: `no flag ${attack.faultFlag} here` });
      else if (!flag.fault)
        found.push({
          path: `${path}.faultFlag`,
          code: 'FLAG_NOT_FAULT',
          message: `${attack.faultFlag} is not a fault flag (a json flag of fault specs with none: {})`,
        });
      else if (!flag.variants.includes(attack.variant))
        found.push({
          path: `${path}.variant`,
          code: 'UNKNOWN_VARIANT',
          message: `${attack.faultFlag} has no variant ${attack.variant} (it has ${flag.variants.join(', ')})`,
        });
      const { breakerTrips = [], failureRate, p99Ms } = attack.stopWhen;
      const named: Array<[string, string]> = [
        ...breakerTrips.map((key, i): [string, string] => [`${path}.stopWhen.breakerTrips.${i}`, key]),
        ...(failureRate ? [[`${path}.stopWhen.failureRate.flag`, failureRate.flag] as [string, string]] : []),
        ...(p99Ms ? [[`${path}.stopWhen.p99Ms.flag`, p99Ms.flag] as [string, string]] : []),
      ];
      for (const [at, key] of named)
        if (!(await this.flags.flag(environment, key)))
          found.push({ path: at, code: 'UNKNOWN_FLAG', message: `no flag ${key} here` });
    }
    if (found.length > 0) throw GameDaysErrors.invalid(found);
    const now = this.clock();
    const run: GameDayRun = {
      id: randomUUID(),
      environmentId: environment.id,
      projectKey: environment.projectKey,
      environmentKey: environment.environmentKey,
      name: plan.name,
      status: 'planned',
      version: 1,
      attacks: plan.attacks.map((attack, index) => ({
        index,
        ...attack,
        status: 'pending',
        step: 0,
        startedAt: null,
        endedAt: null,
        stopReason: null,
      })),
      preRun: {},
      restored: true,
      createdBy: { type: target.actor.type, id: target.actor.id, name: target.actor.name },
      createdAt: now,
      startedAt: null,
      endedAt: null,
      stopReason: null,
    };
    await this.store.insert(run);
    return run;
  }
}
