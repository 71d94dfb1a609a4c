import { ChangeNotifier } from '../domain/change-committed.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { assertReasonGiven, hasReason } from '../domain/protection.js';
import { newKill } from '../domain/kill-record.js';
import { sameConfig } from '../domain/unchanged.js';
import { toWireFlag } from '../domain/wire-flag.js';
import type { ConfigChangeResult, ConfigTarget } from './change-config.js';
import { composedWritePath } from './composed-write-path.js';
import { environmentQueue, FlagsUnitOfWork } from './flags-unit-of-work.js';
import { configRows } from './write-config-version.js';

/**
 * Trips a flag's kill switch in one environment. Needs no base version and never conflicts; a kill of a
 * killed flag changes nothing (the first kill's record stays) and answers `unchanged`.
 *
 * The fast path (issue 11): one statement locks the environment and reads the project, environment, flag and
 * config; one more writes the version bump, config, version row, audit entry and change-log row (Postgres:
 * `FlagsTransaction.writePath`), so a kill is begin, two statements, commit. The change is announced as soon
 * as it commits, before the answer is built.
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
    // A kill without a reason never joins: it must meet its environment's protection check itself.
    const waiting = hasReason(reason) ? this.joinable.get(key) : undefined;
    if (waiting) {
      const first = await waiting.catch(() => null);
      if (first?.config.killed) return { ...first, unchanged: true };
    }
    let kill: Promise<ConfigChangeResult> | undefined;
    const closeJoining = () => {
      if (kill && this.joinable.get(key) === kill) this.joinable.delete(key);
    };
    kill = this.kill(target, reason ?? null, closeJoining);
    if (!this.joinable.has(key)) {
      this.joinable.set(key, kill);
      void kill.catch(() => undefined).finally(closeJoining);
    }
    return kill;
  }

  private async kill(target: ConfigTarget, reason: string | null, readDone: () => void): Promise<ConfigChangeResult> {
    const outcome = await this.unitOfWork.run(
      async (tx) => {
        const path = tx.writePath ?? composedWritePath(tx);
        // The environment's row lock serialises every config writer of the environment (ADR 0004).
        const { project, environment, flag, current } = await path.lockAndRead(
          target.projectKey,
          target.environmentKey,
          target.flagKey,
        );
        readDone();
        assertReasonGiven(environment, reason);
        if (flag.archivedAt) throw FlagsErrors.archived(flag.key);
        if (!current) throw FlagsErrors.notFound('flag', target.flagKey);
        const next = {
          ...current.config,
          killed: current.config.killed ?? newKill(target.actor, reason ?? undefined, new Date()),
        };
        if (sameConfig(current.config, next)) {
          const wire = toWireFlag(flag, current.config, current.version);
          return {
            environmentId: environment.id,
            patch: null,
            wire,
            config: current.config,
            environmentVersion: environment.version,
          };
        }
        const version = current.version + 1;
        const wire = toWireFlag(flag, next, version);
        const environmentVersion = environment.version + 1;
        const patch = { version: environmentVersion, flags: { [flag.key]: wire } };
        const write = { project, environment, flag, current, next, kind: 'kill' as const, reason, actor: target.actor };
        await path.write({
          environmentId: environment.id,
          ...configRows(write, version, new Date().toISOString()),
          patch,
        });
        return { environmentId: environment.id, patch, wire, config: next, environmentVersion };
      },
      { queueKey: environmentQueue(target.projectKey, target.environmentKey) },
    );
    if (outcome.patch)
      this.notifier.emit({
        environmentId: outcome.environmentId,
        version: outcome.environmentVersion,
        patch: outcome.patch,
      });
    return {
      flagKey: target.flagKey,
      environmentKey: target.environmentKey,
      version: outcome.wire.version,
      environmentVersion: outcome.environmentVersion,
      config: outcome.config,
      wire: outcome.wire,
      unchanged: outcome.patch === null,
    };
  }
}
