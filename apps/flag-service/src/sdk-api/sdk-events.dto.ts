import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsInt,
  IsISO8601,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import type { EvaluationContext } from '@switchyard/evaluation';
import {
  RECENT_CONTEXT_LIMITS,
  recentContextProblem,
  hasUnsafeCharacters,
  UNSAFE_TEXT_MESSAGE,
  SDK_REPORT_LIMITS,
} from '@switchyard/delivery';
import { clipText, DARK_LAUNCH_LIMITS, DURATION_BUCKETS_MS } from '@switchyard/darklaunch';

const TEXT = SDK_REPORT_LIMITS.textLength;

/** Refuses what Postgres would refuse later, in the batched write shared with other SDKs' rows. */
const SafeText = () =>
  ValidateBy({
    name: 'isSafeText',
    validator: {
      validate: (value: unknown) => typeof value !== 'string' || !hasUnsafeCharacters(value),
      defaultMessage: (args) => `${args?.property ?? 'text'} ${UNSAFE_TEXT_MESSAGE}`,
    },
  });

/** Which SDK instance reports. */
export class SdkInstanceDto {
  @ApiProperty({ maxLength: TEXT }) @IsString() @Length(1, TEXT) @SafeText() id: string;
  @ApiProperty({ maxLength: TEXT }) @IsString() @Length(1, TEXT) @SafeText() appName: string;
  @ApiProperty({ maxLength: 40 }) @IsString() @Length(1, 40) @SafeText() sdkVersion: string;
  @ApiPropertyOptional({ maxLength: TEXT }) @IsOptional() @IsString() @Length(1, TEXT) @SafeText() hostname?: string;
}

/** Closed guard buckets of one flag, aggregated over the batch. */
export class GuardOutcomeDto {
  @ApiProperty() @IsString() @Length(1, TEXT) @SafeText() flag: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) windowStart: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(86_400_000) windowMs: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) calls: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) failures: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) timeouts: number;
  @ApiProperty() @IsBoolean() probe: boolean;
}

/** One instance's breaker opened for a flag: the figures of the window that broke the threshold. */
export class TripDto {
  @ApiProperty() @IsString() @Length(1, TEXT) @SafeText() flag: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) at: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(86_400_000) windowMs: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) calls: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) failures: number;
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) timeouts: number;
  @ApiProperty({ minimum: 0, maximum: 1 }) @IsNumber() @Min(0) @Max(1) failureRatio: number;
  @ApiProperty() @IsBoolean() probe: boolean;
}

/** How many times a flag served a variant since the last batch. */
export class EvaluationCountDto {
  @ApiProperty() @IsString() @Length(1, TEXT) @SafeText() flag: string;
  @ApiProperty() @IsString() @Length(1, TEXT) @SafeText() variant: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(Number.MAX_SAFE_INTEGER) count: number;
}

/** An environment version the instance applied, and when it received it (its clock). */
export class AckDto {
  @ApiProperty({ minimum: 0 }) @IsInt() @Min(0) @Max(Number.MAX_SAFE_INTEGER) version: number;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) receivedAt: string;
}

/** A count an SDK reports: a whole number, 0 or more. */
const COUNT = () => applyDecorators(ApiProperty({ minimum: 0 }), IsInt(), Min(0), Max(Number.MAX_SAFE_INTEGER));

/**
 * Text the SDK derived from the host's data (paths, sample values, context keys): made storable and cut to `max`
 * (clipText) instead of refused, so one odd value never costs the batch's other reports.
 */
const Clipped = (max: number) =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? clipText(value, max) : value));

/** Calls of one dark launch by the variant served. */
export class DarkLaunchModesDto {
  @COUNT() off: number;
  @COUNT() shadow: number;
  @COUNT() live: number;
}

/** What the shadow runs of one dark launch gave. */
export class DarkLaunchShadowDto {
  @COUNT() compared: number;
  @COUNT() matches: number;
  @COUNT() mismatches: number;
  @COUNT() ignored: number;
  @COUNT() candidateErrors: number;
  @COUNT() timeouts: number;
  @COUNT() skipped: number;
}

/** Live calls of one dark launch, and those whose candidate failed (the control was served). */
export class DarkLaunchLiveDto {
  @COUNT() calls: number;
  @COUNT() failures: number;
}

/** A JSON path where control and candidate differed, and how often. */
export class DarkLaunchPathDto {
  @ApiProperty({ maxLength: DARK_LAUNCH_LIMITS.path, example: '$.items[2].price' })
  @Clipped(DARK_LAUNCH_LIMITS.path)
  @IsString()
  @Length(1, DARK_LAUNCH_LIMITS.path)
  path: string;

  @COUNT() count: number;
  @ApiProperty() @IsBoolean() noise: boolean;
}

/** One mismatch: the path, whose call, and both values (JSON-stringified, truncated by the SDK). */
export class DarkLaunchSampleDto {
  @ApiProperty({ maxLength: DARK_LAUNCH_LIMITS.path })
  @Clipped(DARK_LAUNCH_LIMITS.path)
  @IsString()
  @Length(1, DARK_LAUNCH_LIMITS.path)
  path: string;

  @ApiProperty({ maxLength: TEXT }) @Clipped(TEXT) @IsString() @Length(0, TEXT) contextKey: string;

  @ApiProperty({ maxLength: DARK_LAUNCH_LIMITS.sampleText })
  @Clipped(DARK_LAUNCH_LIMITS.sampleText)
  @IsString()
  @Length(0, DARK_LAUNCH_LIMITS.sampleText)
  control: string;

  @ApiProperty({ maxLength: DARK_LAUNCH_LIMITS.sampleText })
  @Clipped(DARK_LAUNCH_LIMITS.sampleText)
  @IsString()
  @Length(0, DARK_LAUNCH_LIMITS.sampleText)
  candidate: string;
}

/** A duration histogram: exactly one count per DURATION_BUCKETS_MS bucket. */
const HISTOGRAM = () =>
  applyDecorators(
    ApiProperty({
      type: [Number],
      minItems: DURATION_BUCKETS_MS.length,
      maxItems: DURATION_BUCKETS_MS.length,
      description: 'Counts per DURATION_BUCKETS_MS bucket (upper bounds 0.05 … 30000 ms, then above)',
    }),
    IsArray(),
    ArrayMinSize(DURATION_BUCKETS_MS.length),
    ArrayMaxSize(DURATION_BUCKETS_MS.length),
    IsInt({ each: true }),
    Min(0, { each: true }),
    Max(Number.MAX_SAFE_INTEGER, { each: true }),
  );

/** One SDK window of one dark-launch flag (HELPERS.md "Shared contracts"). */
export class DarkLaunchReportDto {
  @ApiProperty() @IsString() @Length(1, TEXT) @SafeText() flag: string;
  @ApiProperty({ format: 'date-time' }) @IsISO8601({ strict: true }) windowStart: string;
  @ApiProperty({ minimum: 1 }) @IsInt() @Min(1) @Max(86_400_000) windowMs: number;

  @ApiProperty({ type: DarkLaunchModesDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DarkLaunchModesDto)
  modes: DarkLaunchModesDto;

  @ApiProperty({ type: DarkLaunchShadowDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DarkLaunchShadowDto)
  shadow: DarkLaunchShadowDto;

  @ApiProperty({ type: DarkLaunchLiveDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => DarkLaunchLiveDto)
  live: DarkLaunchLiveDto;

  @HISTOGRAM() controlMs: number[];
  @HISTOGRAM() candidateMs: number[];

  @ApiProperty({ type: [DarkLaunchPathDto], maxItems: DARK_LAUNCH_LIMITS.paths })
  @IsArray()
  @ArrayMaxSize(DARK_LAUNCH_LIMITS.paths)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DarkLaunchPathDto)
  paths: DarkLaunchPathDto[];

  @ApiProperty({ type: [DarkLaunchSampleDto], maxItems: DARK_LAUNCH_LIMITS.samples })
  @IsArray()
  @ArrayMaxSize(DARK_LAUNCH_LIMITS.samples)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DarkLaunchSampleDto)
  samples: DarkLaunchSampleDto[];
}

/** Body of POST /sdk/v1/events: one batch of reports from one SDK instance. */
export class SdkEventsDto {
  @ApiProperty({ type: SdkInstanceDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => SdkInstanceDto)
  instance: SdkInstanceDto;

  @ApiPropertyOptional({ type: [EvaluationCountDto], maxItems: SDK_REPORT_LIMITS.evaluations })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SDK_REPORT_LIMITS.evaluations)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => EvaluationCountDto)
  evaluations?: EvaluationCountDto[];

  @ApiPropertyOptional({ type: [AckDto], maxItems: SDK_REPORT_LIMITS.acks })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SDK_REPORT_LIMITS.acks)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AckDto)
  acks?: AckDto[];

  @ApiPropertyOptional({ type: [GuardOutcomeDto], maxItems: SDK_REPORT_LIMITS.guards })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SDK_REPORT_LIMITS.guards)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GuardOutcomeDto)
  guards?: GuardOutcomeDto[];

  @ApiPropertyOptional({ type: [TripDto], maxItems: SDK_REPORT_LIMITS.trips })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(SDK_REPORT_LIMITS.trips)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => TripDto)
  trips?: TripDto[];

  @ApiPropertyOptional({ type: [DarkLaunchReportDto], maxItems: DARK_LAUNCH_LIMITS.reports })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(DARK_LAUNCH_LIMITS.reports)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => DarkLaunchReportDto)
  darkLaunches?: DarkLaunchReportDto[];

  @ApiPropertyOptional({ minimum: 0, description: 'Events the SDK dropped because its buffer was full' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  dropped?: number;

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object', additionalProperties: true },
    maxItems: RECENT_CONTEXT_LIMITS.perBatch,
    description:
      'A sample of recently evaluated contexts ({ key, ...attributes }, private attributes already stripped)',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(RECENT_CONTEXT_LIMITS.perBatch)
  @ValidateBy(
    {
      name: 'isRecentContext',
      validator: {
        validate: (value: unknown) => recentContextProblem(value) === null,
        defaultMessage: (args) => `each context: ${recentContextProblem(args?.value) ?? 'invalid'}`,
      },
    },
    { each: true },
  )
  contexts?: EvaluationContext[];
}
