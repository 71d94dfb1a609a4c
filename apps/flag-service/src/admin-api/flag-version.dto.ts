import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsObject, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { MAX_VERSION } from '../http/input-guard-pipe.js';
import { FlagConfigDto } from './flag-config.dto.js';

/** Who wrote a version. */
export class VersionActorDto {
  @ApiProperty({ enum: ['token', 'sdk-key', 'system', 'breaker', 'scheduler'] }) type: string;
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

/** An immutable version of a flag config. */
export class FlagVersionDto {
  @ApiProperty() version: number;
  @ApiProperty({ enum: ['create', 'update', 'toggle', 'kill', 'restore', 'revert', 'probe', 'recover'] }) kind: string;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: VersionActorDto }) actor: VersionActorDto;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) createdAt: string;
  @ApiProperty({ type: FlagConfigDto }) config: FlagConfigDto;
}

/** GET …/versions, newest first. */
export class FlagVersionListDto {
  @ApiProperty({ type: [FlagVersionDto] }) items: FlagVersionDto[];
}

/** Query of GET …/versions. */
export class ListVersionsQueryDto {
  @ApiPropertyOptional({ default: 100, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

/** Query of GET …/diff. */
export class DiffQueryDto {
  @ApiProperty({ example: 3, maximum: MAX_VERSION })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_VERSION)
  from: number;
  @ApiProperty({ example: 5, maximum: MAX_VERSION }) @Type(() => Number) @IsInt() @Min(1) @Max(MAX_VERSION) to: number;
}

/** One changed path. */
export class DiffEntryDto {
  @ApiProperty({ example: 'rules[0].conditions[1].values' }) path: string;
  @ApiPropertyOptional({ description: 'absent when the path did not exist' }) from?: unknown;
  @ApiPropertyOptional({ description: 'absent when the path no longer exists' }) to?: unknown;
  @ApiProperty({ example: 'rules[0].conditions[1].values: ["a"] → ["a","b"]' }) text: string;
}

/** A readable diff between two versions. */
export class DiffDto {
  @ApiProperty() from: number;
  @ApiProperty() to: number;
  @ApiProperty({ type: [DiffEntryDto] }) changes: DiffEntryDto[];
}

/** Body of POST …/revert. */
export class RevertFlagDto {
  @ApiProperty({ description: 'The version whose config becomes current again' })
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  version: number;

  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;

  @ApiPropertyOptional({ description: 'Optional: refuse with 409 if the config moved on' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  baseVersion?: number;

  @ApiPropertyOptional({
    description:
      'Whether on/off is part of the revert (default true): false keeps the flag on or off as it is now and reverts only the targeting',
  })
  @IsOptional()
  @IsBoolean()
  includeOnOff?: boolean;
}

/** Body of POST …/evaluate. */
export class PreviewDto {
  @ApiProperty({ type: 'object', additionalProperties: true, example: { key: 'user-42', country: 'FR', plan: 'pro' } })
  @IsObject()
  context: Record<string, unknown>;
}

/** The engine's result for the context. */
export class EvaluationResultDto {
  @ApiProperty({ description: 'The served value' }) value: unknown;
  @ApiPropertyOptional() variant?: string;
  @ApiProperty({
    enum: ['STATIC', 'DEFAULT', 'TARGETING_MATCH', 'SPLIT', 'DISABLED', 'KILLED', 'PREREQUISITE_FAILED', 'ERROR'],
  })
  reason: string;
  @ApiPropertyOptional() errorCode?: string;
  @ApiPropertyOptional() errorMessage?: string;
  @ApiPropertyOptional({ description: 'The matching rule, for TARGETING_MATCH and rule-level SPLIT' }) ruleId?: string;
  @ApiProperty() flagVersion: number;
}

/** The explainer's answer. */
export class PreviewResultDto {
  @ApiProperty() flagKey: string;
  @ApiProperty() environmentKey: string;
  @ApiProperty() environmentVersion: number;
  @ApiProperty() flagVersion: number;
  @ApiProperty({ type: EvaluationResultDto }) result: EvaluationResultDto;
}
