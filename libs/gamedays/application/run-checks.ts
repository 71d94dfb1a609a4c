import { faultFlagsOf, type GameDayRun } from '../domain/game-day.js';
import type { MissingCheck } from '../domain/gamedays.errors.js';
import type { GameDayAlerts, GameDayEnvironment, GameDayFlags, GameDayFleet } from './gamedays-ports.js';

/** What must be in place before a run starts. */
export interface RunChecks {
  ok: boolean;
  missing: MissingCheck[];
}

/**
 * The pre-checks of a run: the project has an enabled alert webhook (one that hears trips and kills); the
 * environment has connected SDKs, among them every instance a target names; every fault flag is still a fault
 * flag with the attack's variant, not killed (faults never act while killed) and not on already.
 */
export async function checkRun(
  run: GameDayRun,
  environment: GameDayEnvironment,
  deps: { flags: GameDayFlags; alerts: GameDayAlerts; fleet: GameDayFleet },
): Promise<RunChecks> {
  const missing: MissingCheck[] = [];
  const hooks = (await deps.alerts.webhooks(run.projectKey)).filter((hook) => hook.enabled);
  if (hooks.length === 0)
    missing.push({
      code: 'NO_WEBHOOKS',
      message: `project ${run.projectKey} has no enabled alert webhook: nobody would hear of a trip or a kill`,
    });
  else if (!hooks.some((hook) => hook.events.includes('trip')))
    missing.push({
      code: 'NO_WEBHOOKS',
      message: `no enabled webhook of project ${run.projectKey} hears breaker trips (event "trip")`,
    });
  const live = await deps.fleet.liveInstances(environment);
  if (live.length === 0)
    missing.push({
      code: 'NO_CONNECTED_SDKS',
      message: `no SDK is connected to ${run.environmentKey}: a fault flag acts only inside connected SDKs`,
    });
  const named = [
    ...new Set(run.attacks.flatMap((a) => a.targets.flatMap((step) => ('instances' in step ? step.instances : [])))),
  ];
  const absent = live.length === 0 ? [] : named.filter((id) => !live.includes(id));
  if (absent.length > 0)
    missing.push({
      code: 'TARGET_NOT_CONNECTED',
      message: `targeted instances not connected to ${run.environmentKey}: ${absent.join(', ')}`,
    });
  for (const key of faultFlagsOf(run)) {
    const flag = await deps.flags.flag(environment, key);
    const variants = run.attacks.filter((a) => a.faultFlag === key).map((a) => a.variant);
    if (!flag || flag.archived || !flag.fault || variants.some((v) => !flag.variants.includes(v))) {
      missing.push({
        code: 'FLAG_NOT_FAULT',
        message: `${key} is no longer a fault flag with the variants ${variants.join(', ')}`,
      });
      continue;
    }
    if (flag.killed) missing.push({ code: 'FLAG_KILLED', message: `${key} is killed here: its faults would not act` });
    else if (flag.config.on)
      missing.push({
        code: 'FAULT_ALREADY_ON',
        message: `${key} is on already (something injects now); the run would replace its targeting`,
      });
  }
  return { ok: missing.length === 0, missing };
}
