import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { DARK_LAUNCH_WINDOWS, type DarkLaunchWindow } from '@switchyard/darklaunch';

const WINDOWS = Object.keys(DARK_LAUNCH_WINDOWS) as DarkLaunchWindow[];
const RATE = (description: string) =>
  ApiProperty({
    nullable: true,
    type: Number,
    minimum: 0,
    maximum: 1,
    description: `${description}; null without any`,
  });

/** Query of GET …/flags/:flag/dark-launch. */
export class DarkLaunchQueryDto {
  @ApiPropertyOptional({ enum: WINDOWS, default: '1h', description: 'The last 5 minutes, hour or day' })
  @IsOptional()
  @IsIn(WINDOWS)
  window?: DarkLaunchWindow;
}

/** A duration quantile from the merged histograms: the upper bound of its bucket. */
export class DurationQuantileDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'Bucket upper bound in ms (30000 when above); null without samples',
  })
  ms: number | null;
  @ApiProperty({ description: 'True when the quantile is above 30 000 ms (the last bucket)' }) above: boolean;
}

/** p50 and p99 of one side. */
export class DurationSummaryDto {
  @ApiProperty({ type: DurationQuantileDto }) p50: DurationQuantileDto;
  @ApiProperty({ type: DurationQuantileDto }) p99: DurationQuantileDto;
}

/** Calls by the variant served. */
export class DarkLaunchCallsDto {
  @ApiProperty() off: number;
  @ApiProperty() shadow: number;
  @ApiProperty() live: number;
}

/** Rates shared by the figures and each point of the series. */
class DarkLaunchRatesDto {
  @RATE('matches / compared') matchRate: number | null;
  @RATE('mismatches / compared') mismatchRate: number | null;
  @RATE('candidate errors / shadow runs not skipped') candidateErrorRate: number | null;
  @RATE('timeouts / shadow runs not skipped') timeoutRate: number | null;
  @RATE('live failures / live calls') liveFailureRate: number | null;
}

/** A dark launch's figures over the window, summed over the fleet. */
export class DarkLaunchFiguresDto extends DarkLaunchRatesDto {
  @ApiProperty({ description: 'Candidate executions: shadow runs not skipped, plus live calls' }) runs: number;
  @ApiProperty({ type: DarkLaunchCallsDto }) calls: DarkLaunchCallsDto;
  @ApiProperty() compared: number;
  @ApiProperty() matches: number;
  @ApiProperty() mismatches: number;
  @ApiProperty({ description: 'Mismatches dropped by the caller’s `ignore`' }) ignored: number;
  @ApiProperty() candidateErrors: number;
  @ApiProperty() timeouts: number;
  @ApiProperty({ description: 'Shadow runs skipped (over maxConcurrentShadows)' }) skipped: number;
  @ApiProperty() liveCalls: number;
  @ApiProperty({ description: 'Live calls whose candidate failed (control was served)' }) liveFailures: number;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'As GetDarkLaunchFigures; null above 30 000 ms or without samples',
  })
  controlP99Ms: number | null;
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'As GetDarkLaunchFigures; null above 30 000 ms or without samples',
  })
  candidateP99Ms: number | null;
  @ApiProperty({ type: DurationSummaryDto }) control: DurationSummaryDto;
  @ApiProperty({ type: DurationSummaryDto }) candidate: DurationSummaryDto;
  @ApiProperty({ nullable: true, type: Number, description: 'candidate p50 / control p50' }) p50Ratio: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'candidate p99 / control p99' }) p99Ratio: number | null;
}

/** One step of the series. */
export class DarkLaunchPointDto extends DarkLaunchRatesDto {
  @ApiProperty({ format: 'date-time' }) start: string;
  @ApiProperty() runs: number;
  @ApiProperty() compared: number;
  @ApiProperty() mismatches: number;
  @ApiProperty() candidateErrors: number;
  @ApiProperty() timeouts: number;
  @ApiProperty() liveCalls: number;
  @ApiProperty() liveFailures: number;
  @ApiProperty({ nullable: true, type: Number }) controlP99Ms: number | null;
  @ApiProperty({ nullable: true, type: Number }) candidateP99Ms: number | null;
}

/** A differing path, with how often it differed. */
export class DarkLaunchPathViewDto {
  @ApiProperty({ example: '$.items[2].price' }) path: string;
  @ApiProperty() count: number;
  @ApiProperty() noise: boolean;
}

/** A ranked differing path and its share of the window's mismatches. */
export class RankedPathDto extends DarkLaunchPathViewDto {
  @ApiProperty({
    nullable: true,
    type: Number,
    description: 'count / mismatches (a mismatch may differ at several paths)',
  })
  share: number | null;
}

/** One mismatch an SDK sampled. */
export class DarkLaunchSampleViewDto {
  @ApiProperty({ format: 'date-time', description: 'Start of the SDK window it was seen in' }) at: string;
  @ApiProperty() path: string;
  @ApiProperty() contextKey: string;
  @ApiProperty({ description: 'Control’s value at the path, JSON, truncated' }) control: string;
  @ApiProperty({ description: 'Candidate’s value at the path, JSON, truncated' }) candidate: string;
}

/** GET …/flags/:flag/dark-launch: the flag's dark-launch report over a window. */
export class DarkLaunchReportViewDto {
  @ApiProperty({ description: 'Whether the flag is a dark launch (variants exactly off, shadow, live)' })
  darkLaunch: boolean;
  @ApiProperty({ enum: WINDOWS }) window: DarkLaunchWindow;
  @ApiProperty({ format: 'date-time' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ description: 'Length of each step of the series, ms' }) stepMs: number;
  @ApiProperty({ type: DarkLaunchFiguresDto }) figures: DarkLaunchFiguresDto;
  @ApiProperty({ type: [DarkLaunchPointDto] }) series: DarkLaunchPointDto[];
  @ApiProperty({ type: [RankedPathDto], description: 'Most frequent first, at most 20' }) paths: RankedPathDto[];
  @ApiProperty({ type: [DarkLaunchPathViewDto], description: 'Paths that differ between two control runs, at most 20' })
  noisePaths: DarkLaunchPathViewDto[];
  @ApiProperty({ type: [DarkLaunchSampleViewDto], description: 'Newest first, at most 10' })
  samples: DarkLaunchSampleViewDto[];
}
