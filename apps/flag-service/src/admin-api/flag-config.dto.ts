import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  KILL_KINDS,
  type BreakerSettings,
  type Kill,
  type KillKind,
  type Prerequisite,
  type Rule,
  type Serve,
} from '@switchyard/evaluation';
import { Allow, IsBoolean, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';

const RULE_EXAMPLE = [
  { id: 'beta-fr', conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }], serve: { variant: 'on' } },
];

/** The kill record of a config. */
export class KillDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ description: 'The name of who tripped it' }) by: string;
  @ApiPropertyOptional({
    enum: KILL_KINDS,
    description:
      "Who tripped it: a person's admin token, an automation token, the SDKs' circuit breaker or a schedule. " +
      'Absent on kills recorded before kinds existed (kind unknown).',
  })
  kind?: KillKind;
  @ApiPropertyOptional() reason?: string;
}

/** Half-open recovery of a breaker-killed flag (engine `BreakerAutoRecover`). */
export class BreakerAutoRecoverDto {
  @ApiProperty({ example: 30000, description: 'Wait after a trip before probing, in ms' }) coolDownMs: number;
  @ApiProperty({ example: 10, description: 'Share of contexts probed, 0–100' }) probePercent: number;
  @ApiProperty({ example: 30000, description: 'How long a probe is counted before it is judged, in ms' })
  probeWindowMs: number;
  @ApiProperty({ example: 600000, description: 'The cool-down doubles after a failing probe, up to this, in ms' })
  maxCoolDownMs: number;
}

/**
 * A flag's own SDK circuit-breaker settings in one environment (engine `BreakerSettings`, checked by the engine's
 * one validator); every field optional, the SDK's defaults fill the rest.
 */
export class BreakerSettingsDto {
  @ApiPropertyOptional({ example: 10000, description: 'Rolling window, in ms (a whole number of buckets)' })
  windowMs?: number;
  @ApiPropertyOptional({ example: 1000, description: 'Bucket of the window, in ms' }) bucketMs?: number;
  @ApiPropertyOptional({ example: 20, description: 'Calls in the window below which it never trips' })
  minimumCalls?: number;
  @ApiPropertyOptional({ example: 0.5, description: 'Failed calls ÷ calls at or above which it trips, in (0, 1]' })
  failureRatio?: number;
  @ApiPropertyOptional({ example: 800, description: 'A guarded call slower than this counts as failed, in ms' })
  timeoutMs?: number;
  @ApiPropertyOptional({
    type: BreakerAutoRecoverDto,
    nullable: true,
    description: 'Half-open recovery; null or absent: a tripped flag stays killed until a person restores it',
  })
  autoRecover?: BreakerAutoRecoverDto | null;
}

/** A flag's configuration in one environment. */
export class FlagConfigDto {
  @ApiProperty() on: boolean;
  @ApiProperty({ example: 'off' }) offVariant: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: RULE_EXAMPLE }) rules: Rule[];
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { variant: 'on' },
    description: '{ variant } or { rollout: { bucketBy?, weights } }',
  })
  fallthrough: Serve;
  @ApiProperty({ type: 'array', items: { type: 'object' }, example: [{ flag: 'payments', variants: ['on'] }] })
  prerequisites: Prerequisite[];
  @ApiPropertyOptional({ type: KillDto, nullable: true }) killed: Kill | null;
  @ApiProperty({ description: 'Bucketing salt; defaults to the flag key' }) salt: string;
  @ApiPropertyOptional({
    type: BreakerSettingsDto,
    nullable: true,
    description: "The SDK circuit breaker's settings (absent or null: the SDK defaults and no auto-recovery)",
  })
  breaker?: BreakerSettings | null;
}

/**
 * Body of PUT …/environments/:env/flags/:flag. Transport shape only: the config fields are declared (so that
 * an unknown top-level field is refused) and checked, every field at once, by the engine's strict validator
 * (docs/adr/0005-one-validator.md); only the transport fields (base version, reason) are checked here.
 */
export class UpdateFlagConfigDto {
  @ApiProperty() @Allow() on: boolean;

  @ApiProperty({ example: 'off' }) @Allow() offVariant: string;

  @ApiProperty({ type: 'array', items: { type: 'object' }, maxItems: 200, example: RULE_EXAMPLE })
  @Allow()
  rules: Rule[];

  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { rollout: { bucketBy: 'key', weights: { on: 25000, off: 75000 } } },
  })
  @Allow()
  fallthrough: Serve;

  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, maxItems: 50 })
  @Allow()
  prerequisites?: Prerequisite[];

  @ApiPropertyOptional({ description: 'Bucketing salt; changing it reshuffles every rollout', maxLength: 256 })
  @Allow()
  salt?: string;

  @ApiPropertyOptional({
    type: BreakerSettingsDto,
    nullable: true,
    example: {
      windowMs: 10000,
      minimumCalls: 20,
      failureRatio: 0.5,
      timeoutMs: 800,
      autoRecover: { coolDownMs: 30000, probePercent: 10, probeWindowMs: 30000, maxCoolDownMs: 600000 },
    },
    description:
      "The SDK circuit breaker's settings for this flag (omitted or null: the SDK defaults and no auto-recovery)",
  })
  @Allow()
  breaker?: BreakerSettings | null;

  @ApiPropertyOptional({ description: 'The version this edit is based on (or the If-Match header)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  baseVersion?: number;

  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/** Body of POST …/toggle. */
export class ToggleFlagDto {
  @ApiProperty() @IsBoolean() on: boolean;
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
  @ApiPropertyOptional({ description: 'Optional: refuse with 409 if the config moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  baseVersion?: number;
}

/** Body of POST …/kill and …/restore: no base version needed, never 409. */
export class KillFlagDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'incident 4242' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;

  @ApiPropertyOptional({
    description: 'Accepted and ignored (as is If-Match): a kill or restore is never refused as stale',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  baseVersion?: number;
}

/** Body of POST …/environments/:env/kill. */
export class KillByTagDto extends KillFlagDto {
  @ApiProperty({ example: 'checkout' }) @IsString() @Length(1, 64) tag: string;
}

/** The current config of a flag in an environment (also the answer of every config write). */
export class FlagConfigStateDto {
  @ApiProperty() flagKey: string;
  @ApiProperty() environmentKey: string;
  @ApiProperty({ description: 'The config version; send it back as If-Match or baseVersion' }) version: number;
  @ApiPropertyOptional({
    description: 'The environment version this write produced (or, when unchanged, the current one)',
  })
  environmentVersion?: number;
  @ApiProperty({ type: FlagConfigDto }) config: FlagConfigDto;
  @ApiPropertyOptional({
    description:
      'true when the write asked for what was already stored: nothing was written (no version, audit entry or change)',
  })
  unchanged?: boolean;
}

/** The answer of a kill by tag. */
export class KillByTagResultDto {
  @ApiProperty({ type: [String], description: 'Flags killed now (already-killed ones are skipped)' }) killed: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) environmentVersion: number | null;
}
