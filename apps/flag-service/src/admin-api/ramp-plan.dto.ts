import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { PLAN_LIMITS } from '@switchyard/rollouts';
import { IsOmittable } from '../http/is-omittable.js';

const PERCENT = { maxDecimalPlaces: 3, allowNaN: false, allowInfinity: false };

/** One step of a ramp plan. */
export class RampStepDto {
  @ApiProperty({ minimum: 0, maximum: 100, example: 50, description: 'Contexts served shadow, percent (0.001 steps)' })
  @IsNumber(PERCENT)
  @Min(0)
  @Max(100)
  shadowPercent: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 10, description: 'Contexts served live, percent (0.001 steps)' })
  @IsNumber(PERCENT)
  @Min(0)
  @Max(100)
  livePercent: number;

  @ApiProperty({ minimum: PLAN_LIMITS.minHoldMs, maximum: PLAN_LIMITS.maxHoldMs, example: 600_000 })
  @IsInt()
  @Min(PLAN_LIMITS.minHoldMs)
  @Max(PLAN_LIMITS.maxHoldMs)
  holdMs: number;
}

/** The guard thresholds every step is judged by (figures since the step started). */
export class RampThresholdsDto {
  @ApiProperty({
    minimum: 0,
    maximum: 100,
    example: 1,
    description: 'Candidate errors, timeouts and live failures per candidate run, percent',
  })
  @IsNumber(PERCENT)
  @Min(0)
  @Max(100)
  maxCandidateErrorPercent: number;

  @ApiProperty({ minimum: 0, maximum: 100, example: 5, description: 'Mismatches per compared shadow run, percent' })
  @IsNumber(PERCENT)
  @Min(0)
  @Max(100)
  maxMismatchPercent: number;

  @ApiProperty({
    nullable: true,
    type: Number,
    example: 2,
    description: 'Candidate p99 / control p99; null: not checked',
  })
  @ValidateIf((_, value) => value !== null)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.001)
  @Max(PLAN_LIMITS.maxP99Ratio)
  maxP99Ratio: number | null;

  @ApiProperty({
    minimum: 0,
    maximum: PLAN_LIMITS.maxSample,
    example: 500,
    description: 'Candidate runs a step needs before it is judged or ends',
  })
  @IsInt()
  @Min(0)
  @Max(PLAN_LIMITS.maxSample)
  minSample: number;
}

/** Body of PUT …/flags/:flag/ramp-plan: a new plan, or the live one edited (If-Match: its version). */
export class SaveRampPlanDto {
  @ApiProperty({ type: [RampStepDto], minItems: 1, maxItems: PLAN_LIMITS.maxSteps })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PLAN_LIMITS.maxSteps)
  @ValidateNested({ each: true })
  @Type(() => RampStepDto)
  steps: RampStepDto[];

  @ApiProperty({ type: RampThresholdsDto })
  @ValidateNested()
  @Type(() => RampThresholdsDto)
  thresholds: RampThresholdsDto;

  @ApiProperty({
    enum: ['rollback', 'kill'],
    description: 'On a breach: back to the last healthy step, or kill the flag',
  })
  @IsIn(['rollback', 'kill'])
  onBreach: 'rollback' | 'kill';

  @ApiPropertyOptional({ description: 'The plan version this edit is based on (or If-Match)' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  baseVersion?: number;
}

/** Body of POST …/ramp-plan/pause, resume, cancel. */
export class RampPlanActionDto {
  @ApiPropertyOptional({ description: 'The plan version this is based on (or If-Match); omitted: the current one' })
  @IsOmittable()
  @IsInt()
  @Min(1)
  baseVersion?: number;
}

/** Something that happened to a plan. */
export class RampEventDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({
    enum: ['started', 'advanced', 'paused', 'resumed', 'edited', 'completed', 'rolled-back', 'killed', 'cancelled'],
  })
  kind: string;
  @ApiProperty({ description: 'The step index it left the plan at (-1: off)' }) step: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The flag config version it wrote' }) flagVersion:
    number | null;
  @ApiProperty({ example: 'ramp plan: step 3 → step 2: candidate errors 4.1% > 1% over 1,204 runs; rolled back to …' })
  message: string;
}

/** The dark launch's figures since the current step started. */
export class RampFiguresDto {
  @ApiProperty() runs: number;
  @ApiProperty() compared: number;
  @ApiProperty() matches: number;
  @ApiProperty() mismatches: number;
  @ApiProperty() ignored: number;
  @ApiProperty() candidateErrors: number;
  @ApiProperty() timeouts: number;
  @ApiProperty() skipped: number;
  @ApiProperty() liveCalls: number;
  @ApiProperty() liveFailures: number;
  @ApiProperty({ nullable: true, type: Number }) controlP99Ms: number | null;
  @ApiProperty({ nullable: true, type: Number }) candidateP99Ms: number | null;
}

/** How the current step of a running plan is doing. */
export class StepHealthDto {
  @ApiProperty({ enum: ['healthy', 'too-few', 'breach'] }) kind: string;
  @ApiProperty({ example: 'waiting: 212 of 500 runs' }) status: string;
  @ApiProperty({ type: RampFiguresDto }) figures: RampFiguresDto;
  @ApiProperty({ format: 'date-time' }) holdEndsAt: string;
}

/** A flag's ramp plan in one environment. */
export class RampPlanDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() flagKey: string;
  @ApiProperty() environmentKey: string;
  @ApiProperty({ type: [RampStepDto] }) steps: RampStepDto[];
  @ApiProperty({ type: RampThresholdsDto }) thresholds: RampThresholdsDto;
  @ApiProperty({ enum: ['rollback', 'kill'] }) onBreach: string;
  @ApiProperty({ enum: ['running', 'paused', 'completed', 'cancelled', 'rolled-back', 'killed'] }) state: string;
  @ApiProperty({ description: 'The step the flag serves (index; -1: off after a roll-back)' }) currentStep: number;
  @ApiProperty({ nullable: true, type: Number, description: 'The last step that passed its hold healthy' })
  lastHealthyStep: number | null;
  @ApiProperty({ format: 'date-time' }) stepStartedAt: string;
  @ApiProperty({ description: 'The flag config version the plan wrote last' }) flagVersion: number;
  @ApiProperty({ description: 'The last thing the plan did, or why it stopped, in words' }) status: string;
  @ApiProperty({ description: 'The plan version (ETag); edits, pause, resume and cancel are based on it' })
  version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: [RampEventDto], description: 'Newest last, at most 50' }) events: RampEventDto[];
  @ApiProperty({ nullable: true, type: StepHealthDto, description: 'Running plans: the current step, as of now' })
  health: StepHealthDto | null;
}
