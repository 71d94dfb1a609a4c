import { ChangeNotifier } from '../domain/change-committed.js';
import { newKill } from '../domain/kill-record.js';
import { changeConfig, type ConfigChangeResult, type ConfigTarget } from './change-config.js';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';

/**
 * Trips a flag's kill switch in one environment. Needs no base version and never conflicts; a kill of a
 * killed flag changes nothing (the first kill's record stays) and answers `unchanged`.
 */
export class KillFlag {
  /** Per flag and environment, the kill on this node that has not yet read the config (so not committed). */
  private readonly joinable = new Map<string, Promise<ConfigChangeResult>>();

  constructor(
    private readonly unitOfWork: FlagsUnitOfWork,
    private readonly notifier: ChangeNotifier,
  ) {}

  async execute(target: ConfigTarget, reason: string | undefined): Promise<ConfigChangeResult> {
    // A burst of kills of one flag (an incident, many breakers tripping at once) joins a kill that is still
    // waiting for its turn, instead of queueing a transaction each that would find the flag killed and change
    // nothing. Only a kill that has not read the config yet is joinable: it commits after this request came
    // in, so its outcome is what this kill would have seen.
    const key = JSON.stringify([target.projectKey, target.environmentKey, target.flagKey]);
    const waiting = this.joinable.get(key);
    if (waiting) {
      const first = await waiting.catch(() => null);
      if (first?.config.killed) return { ...first, unchanged: true };
    }
    let kill: Promise<ConfigChangeResult> | undefined;
    const closeJoining = () => {
      if (kill && this.joinable.get(key) === kill) this.joinable.delete(key);
    };
    kill = changeConfig(this.unitOfWork, this.notifier, target, (current) => {
      closeJoining();
      return {
        next: {
          ...current.config,
          killed: current.config.killed ?? newKill(target.actor, reason, new Date()),
        },
        kind: 'kill',
        reason: reason ?? null,
        skipChecks: true,
      };
    });
    if (!this.joinable.has(key)) {
      this.joinable.set(key, kill);
      void kill.catch(() => undefined).finally(closeJoining);
    }
    return kill;
  }
}
