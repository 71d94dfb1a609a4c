import type { Kill, KillKind } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';

/**
 * The kind of actor a kill records: an admin token held by a person or by automation, the SDKs' circuit
 * breaker, or a scheduler. SDK keys and the service itself never kill; they get no kind.
 */
export function killKindOf(actor: Actor): KillKind | undefined {
  switch (actor.type) {
    case 'token':
      return actor.holder === 'person' ? 'person' : 'token';
    case 'breaker':
      return 'breaker';
    case 'scheduler':
      return 'schedule';
    case 'sdk-key':
    case 'system':
      return undefined;
  }
}

/** The kill record written when `actor` trips a flag's kill switch at `at`. */
export function newKill(actor: Actor, reason: string | undefined, at: Date): Kill {
  const kind = killKindOf(actor);
  return {
    at: at.toISOString(),
    by: actor.name,
    ...(kind ? { kind } : {}),
    ...(reason ? { reason } : {}),
  };
}
