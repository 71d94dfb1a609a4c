import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { FlagType, JsonValue } from '@switchyard/evaluation';
import {
  Allow,
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import {
  EXPECTED_LIFETIME_DAYS,
  NOT_EVALUATED_DAYS,
  ONE_VARIANT_DAYS,
  SLUG_PATTERN as SLUG,
  type StaleReason,
} from '@switchyard/flags';
import { IsOmittable } from '../http/is-omittable.js';
import { FlagConfigDto } from './flag-config.dto.js';

/** Optional metadata fields shared by create and PATCH. */
class FlagMetadataDto {
  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOmittable()
  @IsString()
  @MaxLength(2000)
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['checkout'], maxItems: 50 })
  @IsOmittable()
  @IsArray()
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Matches(SLUG, { each: true, message: 'each tag must be a slug' })
  tags?: string[];

  @ApiPropertyOptional({
    description: 'true for release/experiment flags meant to be removed; false for permanent ones',
  })
  @IsOmittable()
  @IsBoolean()
  temporary?: boolean;
}

/** Fields of a flag's metadata that PATCH may change (variants and type are fixed at creation). */
export class UpdateFlagDto extends FlagMetadataDto {
  @ApiPropertyOptional({ example: 'New checkout', maxLength: 200 })
  @IsOmittable()
  @IsString()
  @Length(1, 200)
  name?: string;
}

/**
 * Body of POST /api/projects/:project/flags. Key, type and variants are checked by the engine's strict
 * validator (docs/adr/0005-one-validator.md); the metadata here.
 */
export class CreateFlagDto extends FlagMetadataDto {
  @ApiProperty({ example: 'new-checkout', pattern: SLUG.source })
  @Allow()
  key: string;

  @ApiProperty({ example: 'New checkout', maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;

  @ApiPropertyOptional({
    enum: ['dark-launch', 'fault'],
    description:
      'dark-launch: a string flag with variants off, shadow, live (off variant and fallthrough off), ready for a ramp plan; type and variants may then be omitted. fault: a json flag whose variants are fault specs { latencyMs?, jitterMs?, errorRate?, errorMessage? } with none: {} (off variant and fallthrough none); variants default to none, latency-2s, errors-50',
  })
  @IsOmittable()
  @IsIn(['dark-launch', 'fault'])
  kind?: 'dark-launch' | 'fault';

  @ApiPropertyOptional({ enum: ['boolean', 'string', 'number', 'json'], description: 'Required unless kind is given' })
  @Allow()
  type?: FlagType;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    maxProperties: 50,
    example: { on: true, off: false },
    description: 'Variant key → value; boolean flags default to { on: true, off: false }',
  })
  @Allow()
  variants?: Record<string, JsonValue>;

  @ApiPropertyOptional({
    example: 'off',
    description: 'Served while off or killed; defaults to "off" or the first variant',
  })
  @Allow()
  offVariant?: string;

  @ApiPropertyOptional({
    example: 'on',
    description: 'Served when on and no rule matches; defaults to "on" or another variant',
  })
  @Allow()
  fallthroughVariant?: string;
}

/** Body of POST …/flags/:flag/archive. */
export class ArchiveFlagDto {
  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** Body of PATCH …/flags/:flag/variants: operations on the variants (the result is checked by the engine). */
export class UpdateFlagVariantsDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    example: { teal: 'teal' },
    description: 'New variants, key → value',
  })
  @Allow()
  add?: Record<string, JsonValue>;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { type: 'string' },
    example: { blue: 'navy' },
    description: 'Old key → new key, for variants no config or prerequisite uses',
  })
  @Allow()
  rename?: Record<string, string>;

  @ApiPropertyOptional({ type: [String], description: 'Keys of variants no config or prerequisite uses' })
  @Allow()
  remove?: string[];

  @ApiPropertyOptional({ maxLength: 1000, description: 'Required when an environment of the project is protected' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** A flag's project-level definition. */
export class FlagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ['boolean', 'string', 'number', 'json'] }) type: FlagType;
  @ApiProperty({ type: 'object', additionalProperties: true }) variants: Record<string, JsonValue>;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() temporary: boolean;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) archivedAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A flag's config in one environment, as listed beside the flag. */
export class FlagEnvironmentDto {
  @ApiProperty() environment: string;
  @ApiProperty() version: number;
  @ApiProperty({ type: FlagConfigDto }) config: FlagConfigDto;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** One flag with its config in every environment. */
export class FlagDetailDto extends FlagDto {
  @ApiProperty({ type: [FlagEnvironmentDto] }) environments: FlagEnvironmentDto[];
}

/** A column of GET /api/projects/:project/flag-matrix. */
export class MatrixEnvironmentDto {
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: 'The environment version its cells were read at; refetch when it moves' })
  version: number;
}

/** GET /api/projects/:project/flag-matrix: every flag with its config in every environment. */
export class FlagMatrixDto {
  @ApiProperty({ type: [MatrixEnvironmentDto], description: "The project's environments, at most 20" })
  environments: MatrixEnvironmentDto[];
  @ApiProperty({ description: 'Environments of the project left out (beyond the first 20)' })
  environmentsOmitted: number;
  @ApiProperty({ type: [FlagDetailDto] }) items: FlagDetailDto[];
}

/** GET /api/projects/:project/flags. */
export class FlagListDto {
  @ApiProperty({ type: [FlagDto] }) items: FlagDto[];
}

/** Query of GET /api/projects/:project/flags. */
export class ListFlagsQueryDto {
  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'Include archived flags' })
  @IsOptional()
  @IsIn(['true', 'false'])
  archived?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Only flags with this tag' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  tag?: string;
}

/** A flag's lifecycle in one environment: age, expected lifetime, why it may be stale. */
export class FlagLifecycleDto {
  @ApiProperty({ description: 'Whole days since the flag was created' }) ageDays: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: `Temporary flags: ${EXPECTED_LIFETIME_DAYS} days; permanent flags: null`,
  })
  expectedLifetimeDays: number | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'The one variant the config serves to everyone, or null when it can serve more',
  })
  servesOnly: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When an SDK last reported evaluating it here; null when none ever did',
  })
  lastEvaluatedAt: string | null;
  @ApiProperty({
    enum: ['past-expected-lifetime', 'one-variant-for-14-days', 'not-evaluated-for-7-days'],
    isArray: true,
    description: `Empty unless potentially stale: a temporary flag older than its expected lifetime, one variant to everyone, unchanged for ${ONE_VARIANT_DAYS} days, or not evaluated by any SDK for ${NOT_EVALUATED_DAYS} days (never, and created that long ago)`,
  })
  staleReasons: StaleReason[];
}

/** A flag's metadata with its current config in one environment. */
export class EnvironmentFlagDto extends FlagDto {
  @ApiProperty({ description: 'The config version; send it back as If-Match or baseVersion when editing' })
  version: number;
  @ApiProperty({ type: FlagConfigDto }) config: FlagConfigDto;
  @ApiProperty({ format: 'date-time', description: "When the config last changed (updatedAt is the metadata's)" })
  configUpdatedAt: string;
  @ApiProperty({ type: FlagLifecycleDto }) lifecycle: FlagLifecycleDto;
}

/** GET /api/projects/:project/environments/:env/flags. */
export class EnvironmentFlagListDto {
  @ApiProperty({ description: 'The environment version the list was read at; refetch when it moves' })
  environmentVersion: number;
  @ApiProperty({ type: [EnvironmentFlagDto] }) items: EnvironmentFlagDto[];
}
