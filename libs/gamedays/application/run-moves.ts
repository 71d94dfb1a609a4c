import type { Actor } from '@switchyard/kernel';
import { describeStep, duration, offConfig, stepConfig } from '../domain/attack-plan.js';
import { type Attack, faultFlagsOf, type GameDayRun, runActor, type TimelineEvent } from '../domain/game-day.js';
import type { GameDayEnvironment, GameDayFlags } from './gamedays-ports.js';

/** A run after a move, and what its timeline gains. */
export interface Moved {
  run: GameDayRun;
  events: TimelineEvent[];
}

const actorOf = (actor: Actor) => ({ type: actor.type, id: actor.id, name: actor.name });

/**
 * Every fault of the run off in one change: each fault flag's pre-run config turned off (serving `none`), all
 * in one environment version (the flags context's SetFlagConfigs). Returns the environment version, or null
 * when every fault was off already.
 */
export async function allFaultsOff(
  run: GameDayRun,
  environment: GameDayEnvironment,
  flags: GameDayFlags,
  reason: string,
): Promise<{ changed: string[]; environmentVersion: number | null }> {
  const configs = [];
  for (const flagKey of faultFlagsOf(run)) {
    const preRun = run.preRun[flagKey];
    const current = await flags.flag(environment, flagKey);
    if (!current || current.archived) continue;
    configs.push({ flagKey, config: offConfig(preRun?.config ?? current.config) });
  }
  return flags.writeMany(environment, configs, runActor(run), reason);
}

/**
 * Ends a running (or planned) run: its running attack stopped with `reason`, every fault off in one version,
 * the run `status` with its end time. `by` is who ended it (a person's stop, or the scheduler's stop condition).
 */
export async function endRun(
  run: GameDayRun,
  environment: GameDayEnvironment,
  flags: GameDayFlags,
  end: { status: 'stopped' | 'finished'; reason: string; by: Actor; now: Date },
): Promise<Moved> {
  const { now } = end;
  const events: TimelineEvent[] = [];
  const attacks = run.attacks.map((attack): Attack => {
    if (attack.status !== 'running') return attack;
    events.push({
      at: now,
      kind: 'attack-stopped',
      attack: attack.index,
      message: `attack ${attack.index + 1} (${attack.variant} on ${attack.faultFlag}) stopped: ${end.reason}`,
      actor: actorOf(end.by),
    });
    return { ...attack, status: 'stopped', endedAt: now, stopReason: end.reason };
  });
  if (run.status === 'running') {
    const off = await allFaultsOff(run, environment, flags, `game day "${run.name}" ${end.status}: ${end.reason}`);
    const where =
      off.environmentVersion === null
        ? 'every fault was off already'
        : `${off.changed.join(', ')} off in environment version ${off.environmentVersion}`;
    events.push({
      at: now,
      kind: end.status === 'stopped' ? 'run-stopped' : 'run-finished',
      attack: null,
      message: `run ${end.status}: ${end.reason}; ${where}`,
      actor: actorOf(end.by),
    });
  } else {
    events.push({
      at: now,
      kind: 'run-stopped',
      attack: null,
      message: `run cancelled before it started: ${end.reason}`,
      actor: actorOf(end.by),
    });
  }
  return {
    run: {
      ...run,
      attacks,
      status: end.status,
      endedAt: now,
      stopReason: end.reason,
      restored: true,
      version: run.version + 1,
    },
    events,
  };
}

/** Serves `step` of the attack at `index` (its start when the attack is pending). 'stale': the flag moved. */
export async function serveStep(
  run: GameDayRun,
  environment: GameDayEnvironment,
  flags: GameDayFlags,
  index: number,
  step: number,
  now: Date,
): Promise<Moved | 'stale'> {
  const attack = run.attacks[index]!;
  const preRun = run.preRun[attack.faultFlag];
  const flag = await flags.flag(environment, attack.faultFlag);
  if (!preRun || !flag) return 'stale';
  const target = attack.targets[step]!;
  const starting = attack.status === 'pending';
  const label = `attack ${index + 1}`;
  const reason = starting
    ? `game day "${run.name}": ${label} started, ${attack.variant} to ${describeStep(target)} for ${duration(attack.durationMs)}`
    : `game day "${run.name}": ${label} step ${step + 1} of ${attack.targets.length}, ${attack.variant} to ${describeStep(target)}`;
  const written = await flags.write(
    environment,
    attack.faultFlag,
    stepConfig(preRun.config, attack.variant, target),
    flag.version,
    runActor(run),
    reason,
  );
  if (written === 'stale') return 'stale';
  const next: Attack = starting ? { ...attack, status: 'running', step, startedAt: now } : { ...attack, step };
  return {
    run: { ...run, attacks: run.attacks.map((a) => (a.index === index ? next : a)), version: run.version + 1 },
    events: [
      {
        at: now,
        kind: starting ? 'attack-started' : 'step',
        attack: index,
        message: reason,
        actor: actorOf(runActor(run)),
      },
    ],
  };
}

/** Ends the attack at `index` at its time box: its fault flag back to the pre-run config. 'stale': the flag moved. */
export async function finishAttack(
  run: GameDayRun,
  environment: GameDayEnvironment,
  flags: GameDayFlags,
  index: number,
  now: Date,
): Promise<Moved | 'stale'> {
  const attack = run.attacks[index]!;
  const preRun = run.preRun[attack.faultFlag];
  const flag = await flags.flag(environment, attack.faultFlag);
  if (!preRun || !flag) return 'stale';
  const why = `time box of ${duration(attack.durationMs)} reached`;
  const reason = `game day "${run.name}": attack ${index + 1} finished (${why}), pre-run config restored`;
  const written = await flags.write(environment, attack.faultFlag, preRun.config, flag.version, runActor(run), reason);
  if (written === 'stale') return 'stale';
  const next: Attack = { ...attack, status: 'finished', endedAt: now, stopReason: why };
  return {
    run: { ...run, attacks: run.attacks.map((a) => (a.index === index ? next : a)), version: run.version + 1 },
    events: [{ at: now, kind: 'attack-finished', attack: index, message: reason, actor: actorOf(runActor(run)) }],
  };
}
