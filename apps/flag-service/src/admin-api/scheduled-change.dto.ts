import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import type { BreakerSettings, Prerequisite, Rule, Serve } from '@switchyard/evaluation';
import { SLUG_MESSAGE, SLUG_PATTERN } from '@switchyard/flags';
import { DomainError, type FieldError } from '@switchyard/kernel';
import {
  MAX_SCHEDULE_PAGE,
  MAX_SCHEDULE_REASON,
  SCHEDULED_ACTION_KINDS,
  SCHEDULED_CHANGE_STATES,
  type ScheduledAction,
  type ScheduledActionKind,
  type ScheduledChangeState,
} from '@switchyard/schedules';
import {
  Allow,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { FlagConfigDto } from './flag-config.dto.js';
import { VersionActorDto } from './flag-version.dto.js';

/**
 * The next config of a scheduled `update`: the body of the config PUT without its transport fields, checked by
 * the engine's strict validator when it is scheduled and again when it applies (docs/adr/0005-one-validator.md).
 */
export class ScheduledConfigDto {
  @ApiProperty() @Allow() on: boolean;
  @ApiProperty({ example: 'off' }) @Allow() offVariant: string;
  @ApiProperty({ type: 'array', items: { type: 'object' }, maxItems: 200 }) @Allow() rules: Rule[];
  @ApiProperty({ type: 'object', additionalProperties: true, example: { variant: 'on' } }) @Allow() fallthrough: Serve;
  @ApiPropertyOptional({ type: 'array', items: { type: 'object' }, maxItems: 50 })
  @Allow()
  prerequisites?: Prerequisite[];
  @ApiPropertyOptional({ maxLength: 256 }) @Allow() salt?: string;
  @ApiPropertyOptional({ type: 'object', additionalProperties: true, nullable: true })
  @Allow()
  breaker?: BreakerSettings | null;
}

/** Body of POST …/scheduled-changes. */
export class ScheduleChangeDto {
  @ApiProperty({ example: 'new-checkout', maxLength: 64 })
  @IsString()
  @MaxLength(64)
  @Matches(SLUG_PATTERN, { message: `flag ${SLUG_MESSAGE}` })
  flag: string;

  @ApiProperty({
    enum: SCHEDULED_ACTION_KINDS,
    description:
      'update: replace the targeting with `config` (as the config PUT); toggle: turn it `on` or off; kill; restore',
  })
  @IsIn(SCHEDULED_ACTION_KINDS)
  kind: ScheduledActionKind;

  @ApiProperty({
    format: 'date-time',
    example: '2027-01-31T09:00:00Z',
    description:
      'When it applies: ISO-8601 with its zone (stored and shown in UTC), in the future, at most 366 days ahead',
  })
  @IsString()
  @MaxLength(40)
  at: string;

  @ApiProperty({ maxLength: MAX_SCHEDULE_REASON }) @IsString() @Length(1, MAX_SCHEDULE_REASON) reason: string;

  @ApiPropertyOptional({
    description:
      'update and toggle: the config version it is planned on (it must be the current one); refused for kill and restore',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  baseVersion?: number;

  @ApiPropertyOptional({ type: ScheduledConfigDto, description: 'update only: the next config' })
  @IsOptional()
  @ValidateNested()
  @Type(() => ScheduledConfigDto)
  config?: ScheduledConfigDto;

  @ApiPropertyOptional({ description: 'toggle only: on (true) or off (false)' })
  @IsOptional()
  @IsBoolean()
  on?: boolean;
}

/** The action a body asks for; every misplaced or missing field at once. */
export function actionOf(body: ScheduleChangeDto): ScheduledAction {
  const fields: FieldError[] = [];
  const needs = (path: 'config' | 'on', wanted: boolean) => {
    const given = body[path] !== undefined;
    if (wanted && !given) fields.push({ path, message: `is required for ${body.kind}`, code: 'REQUIRED' });
    if (!wanted && given) fields.push({ path, message: `is not taken by ${body.kind}`, code: 'NOT_ALLOWED' });
  };
  needs('config', body.kind === 'update');
  needs('on', body.kind === 'toggle');
  if (fields.length > 0) throw DomainError.validation('The request is invalid', fields);
  switch (body.kind) {
    case 'update': {
      const config = body.config!;
      return { kind: 'update', config: { ...config, prerequisites: config.prerequisites ?? [] } };
    }
    case 'toggle':
      return { kind: 'toggle', on: body.on! };
    case 'kill':
    case 'restore':
      return { kind: body.kind };
  }
}

/** Query of GET …/scheduled-changes. */
export class ListScheduledChangesQueryDto {
  @ApiPropertyOptional({ enum: SCHEDULED_CHANGE_STATES })
  @IsOptional()
  @IsIn(SCHEDULED_CHANGE_STATES)
  state?: ScheduledChangeState;
  @ApiPropertyOptional({ description: 'Flag key' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @Matches(SLUG_PATTERN, { message: `flag ${SLUG_MESSAGE}` })
  flag?: string;
  @ApiPropertyOptional({ default: 100, maximum: MAX_SCHEDULE_PAGE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_SCHEDULE_PAGE)
  limit?: number;
}

/** Body of POST …/scheduled-changes/:id/cancel (optional). */
export class CancelScheduledChangeDto {
  @ApiPropertyOptional({ maxLength: 1000 }) @IsOptional() @IsString() @MaxLength(1000) reason?: string;
}

/** What a scheduled change does. */
export class ScheduledActionDto {
  @ApiProperty({ enum: SCHEDULED_ACTION_KINDS }) kind: ScheduledActionKind;
  @ApiPropertyOptional({ type: FlagConfigDto, description: 'update: the next config (its kill record is kept)' })
  config?: unknown;
  @ApiPropertyOptional({ description: 'toggle: on or off' }) on?: boolean;
}

/** One scheduled change. */
export class ScheduledChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() flagKey: string;
  @ApiProperty({ type: ScheduledActionDto }) action: ScheduledActionDto;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'The version it was planned on' })
  baseVersion: number | null;
  @ApiProperty({ format: 'date-time', description: 'When it applies, UTC' }) at: string;
  @ApiProperty() reason: string;
  @ApiProperty({ type: VersionActorDto }) scheduledBy: VersionActorDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({
    enum: SCHEDULED_CHANGE_STATES,
    description:
      'pending; applying (a node is writing it); applied; stale (its base version was not current at its time: not applied); failed (refused otherwise, see error); cancelled',
  })
  state: ScheduledChangeState;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: 'applied: the version it wrote (or found, if unchanged); stale: the version found instead of the base',
  })
  resultVersion: number | null;
  @ApiProperty({ description: 'Applied without writing: the flag already had that config' }) unchanged: boolean;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'stale or failed: why' }) error: string | null;
  @ApiPropertyOptional({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: VersionActorDto }) cancelledBy: VersionActorDto | null;
}

/** GET …/scheduled-changes: newest time first. */
export class ScheduledChangeListDto {
  @ApiProperty({ type: [ScheduledChangeDto] }) items: ScheduledChangeDto[];
}
