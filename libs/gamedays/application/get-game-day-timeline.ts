import {
  type AttackFigures,
  faultFlagsOf,
  type Finding,
  type GameDayRun,
  runActor,
  type TimelineEvent,
  watchedFlags,
} from '../domain/game-day.js';
import { GameDaysErrors } from '../domain/gamedays.errors.js';
import { attackFigures, findings, type FindingInputs } from '../domain/findings.js';
import type {
  GameDayAlerts,
  GameDayEnvironment,
  GameDayFlags,
  GameDaySignals,
  GameDayStore,
} from './gamedays-ports.js';

/** A run's timeline: its events (recorded and gathered), findings and figures. */
export interface GameDayTimeline {
  run: GameDayRun;
  events: TimelineEvent[];
  findings: Finding[];
  figures: AttackFigures[];
}

/**
 * The timeline of a run, oldest first, UTC with milliseconds: what the run recorded (starts, steps, stops and
 * why, notes), and what happened meanwhile on its flags (trips and kills from their versions) and to the
 * project's webhooks (deliveries sent or failed); the figures of each attack against the minutes before it;
 * findings (expected alerts that did not fire), also as events.
 */
export class GetGameDayTimeline {
  constructor(
    private readonly deps: { flags: GameDayFlags; signals: GameDaySignals; alerts: GameDayAlerts; store: GameDayStore },
    private readonly clock: () => Date,
  ) {}

  async execute(projectKey: string, environmentKey: string, id: string): Promise<GameDayTimeline> {
    const { flags, signals, alerts, store } = this.deps;
    const environment = await flags.environment(projectKey, environmentKey);
    const run = await store.find(environment.id, id);
    if (!run) throw GameDaysErrors.notFound(id);
    const recorded = await store.events(run.id);
    if (!run.startedAt) return { run, events: recorded, findings: [], figures: [] };
    const now = this.clock();
    const from = run.startedAt;
    const to = run.endedAt ?? now;
    const watched = [...new Set(run.attacks.flatMap((attack) => watchedFlags(attack)))];
    const gathered = await this.flagEvents(
      run,
      environment,
      [...new Set([...faultFlagsOf(run), ...watched])],
      from,
      to,
    );
    const hooks = await alerts.webhooks(run.projectKey);
    const deliveries = (await alerts.deliveries(run.projectKey, from)).filter(
      (d) => d.at.getTime() <= to.getTime() + 5 * 60_000,
    );
    const inputs: FindingInputs = {
      minutes: {},
      trips: gathered.filter((e) => e.kind === 'trip').map((e) => ({ flag: e.flag, at: e.event.at })),
      alertsSent: deliveries.filter((d) => d.status === 'sent').map((d) => d.at),
      p99During: {},
      now,
      nothingCanFire: run.endedAt !== null && !hooks.some((hook) => hook.enabled),
    };
    for (const flag of watched) {
      inputs.minutes[flag] = await signals.guardMinutes(environment, flag);
      inputs.p99During[flag] = await signals.p99Since(environment, flag, run.startedAt);
    }
    const found = findings(run.attacks, inputs);
    const events: TimelineEvent[] = [
      ...recorded,
      ...gathered.map((g) => g.event),
      ...deliveries.map((d): TimelineEvent => ({
        at: d.at,
        kind: d.status === 'sent' ? 'webhook-sent' : 'webhook-failed',
        attack: attackAt(run, d.at),
        message: `webhook ${d.eventType} to ${d.url} ${d.status === 'sent' ? 'sent' : `failed${d.error ? `: ${d.error}` : ''}`}`,
      })),
      ...found.map((f): TimelineEvent => ({ at: f.at, kind: 'finding', attack: f.attack, message: f.message })),
    ].sort((a, b) => a.at.getTime() - b.at.getTime());
    return { run, events, findings: found, figures: attackFigures(run.attacks, inputs) };
  }

  /** Kills and trips on the run's flags between `from` and `to`, from their versions (not the run's own writes). */
  private async flagEvents(run: GameDayRun, environment: GameDayEnvironment, keys: string[], from: Date, to: Date) {
    const own = runActor(run).id;
    const out: Array<{ flag: string; kind: 'trip' | 'kill'; event: TimelineEvent }> = [];
    for (const key of keys) {
      for (const change of await this.deps.flags.changes(environment, key)) {
        if (change.actor.id === own || change.kind !== 'kill') continue;
        if (change.at.getTime() < from.getTime() || change.at.getTime() > to.getTime()) continue;
        const kind = change.actor.type === 'breaker' ? 'trip' : 'kill';
        out.push({
          flag: key,
          kind,
          event: {
            at: change.at,
            kind,
            attack: attackAt(run, change.at),
            message: `${kind === 'trip' ? 'breaker tripped on' : `${change.actor.name} killed`} ${key} (version ${change.version})${change.reason ? `: ${change.reason}` : ''}`,
            actor: change.actor,
          },
        });
      }
    }
    return out;
  }
}

/** The attack running at `at`, if any. */
function attackAt(run: GameDayRun, at: Date): number | null {
  const time = at.getTime();
  const attack = run.attacks.find(
    (a) => a.startedAt && a.startedAt.getTime() <= time && (!a.endedAt || a.endedAt.getTime() >= time),
  );
  return attack?.index ?? null;
}
