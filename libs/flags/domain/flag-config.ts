import type { BreakerSettings, Kill, Prerequisite, Rule, Serve } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';

/** A flag's configuration in one environment (the engine's Flag without its project-level fields). */
export interface FlagConfig {
  on: boolean;
  offVariant: string;
  rules: Rule[];
  fallthrough: Serve;
  prerequisites: Prerequisite[];
  killed: Kill | null;
  salt: string;
  /** The SDK circuit breaker's settings for this flag here (absent: the SDK defaults, no auto-recovery). */
  breaker?: BreakerSettings;
}

/** The editable part of a config: everything but the kill switch, which has its own calls. */
export type FlagConfigInput = Omit<FlagConfig, 'killed' | 'salt' | 'breaker'> & {
  salt?: string;
  breaker?: FlagConfig['breaker'] | null;
};

/**
 * Why a config version was written. `probe`: a killed flag starts a half-open probe (its kill record gains
 * `probe`); `recover`: a healthy probe restored the config the flag had before the breaker killed it.
 */
export type ConfigChangeKind = 'create' | 'update' | 'toggle' | 'kill' | 'restore' | 'revert' | 'probe' | 'recover';

/** The current config of one flag in one environment, at its latest version. */
export interface FlagConfigRecord {
  flagId: string;
  environmentId: string;
  version: number;
  config: FlagConfig;
  updatedAt: string;
}

/** An immutable revision of a flag config. */
export interface FlagConfigVersion {
  flagId: string;
  environmentId: string;
  version: number;
  config: FlagConfig;
  kind: ConfigChangeKind;
  reason: string | null;
  actor: Pick<Actor, 'type' | 'id' | 'name'>;
  /** ISO-8601 UTC. */
  createdAt: string;
}

/** The config a new flag gets in every environment: off, serving its off variant. */
export function initialConfig(flagKey: string, offVariant: string, fallthroughVariant: string): FlagConfig {
  return {
    on: false,
    offVariant,
    rules: [],
    fallthrough: { variant: fallthroughVariant },
    prerequisites: [],
    killed: null,
    salt: flagKey,
  };
}
