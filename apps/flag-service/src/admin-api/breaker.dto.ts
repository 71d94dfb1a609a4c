import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BreakerSettingsDto } from './flag-config.dto.js';

/** Body of POST …/flags/:flag/breaker/pin. */
export class PinBreakerDto {
  @ApiPropertyOptional({ maxLength: 1000, example: 'until the payment provider confirms the fix' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

/** The instance a trip came from. */
export class TripInstanceDto {
  @ApiProperty() id: string;
  @ApiProperty() appName: string;
  @ApiProperty({ nullable: true, type: String }) hostname: string | null;
}

/** One instance's trip. */
export class TripSightingDto {
  @ApiProperty({ format: 'date-time', description: "When the instance's breaker opened (its clock)" }) at: string;
  @ApiProperty({ format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: TripInstanceDto }) instance: TripInstanceDto;
  @ApiProperty() calls: number;
  @ApiProperty() failures: number;
  @ApiProperty() timeouts: number;
  @ApiProperty() failureRatio: number;
  @ApiProperty() windowMs: number;
  @ApiProperty() probe: boolean;
}

/** The trip that opened the breaker, and every instance that tripped since (newest first, at most 100). */
export class LastTripDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty({ example: '52% of 231 calls failed in 10 s on checkout@host-3' }) reason: string;
  @ApiProperty() calls: number;
  @ApiProperty() failures: number;
  @ApiProperty() timeouts: number;
  @ApiProperty() failureRatio: number;
  @ApiProperty() windowMs: number;
  @ApiProperty() probe: boolean;
  @ApiProperty({ type: TripInstanceDto }) instance: TripInstanceDto;
  @ApiProperty({ type: [TripSightingDto] }) instances: TripSightingDto[];
}

/** One minute of guard outcomes, summed over the fleet. */
export class BreakerMinuteDto {
  @ApiProperty({ format: 'date-time' }) minute: string;
  @ApiProperty() calls: number;
  @ApiProperty() failures: number;
  @ApiProperty() timeouts: number;
  @ApiProperty({ nullable: true, type: Number, description: 'failures / calls; null without calls' })
  failureRate: number | null;
  @ApiProperty() probeCalls: number;
  @ApiProperty() probeFailures: number;
}

/** A half-open probe in progress. */
export class BreakerProbeDto {
  @ApiProperty() percent: number;
  @ApiProperty({ format: 'date-time' }) since: string;
  @ApiProperty() calls: number;
  @ApiProperty() failures: number;
}

/** GET …/flags/:flag/breaker: the flag's breaker in one environment. */
export class BreakerStatusDto {
  @ApiProperty() flagKey: string;
  @ApiProperty() environmentKey: string;
  @ApiProperty({
    enum: ['closed', 'open', 'probing', 'pinned'],
    description:
      'closed: serving (or killed by a person); open: killed by the breaker; probing: half-open; pinned: killed, no auto-recovery',
  })
  state: string;
  @ApiProperty({ description: "The flag's config version" }) version: number;
  @ApiProperty({ nullable: true, type: Object }) killed: object | null;
  @ApiProperty({ nullable: true, type: BreakerSettingsDto, description: "The config's breaker settings" })
  settings: BreakerSettingsDto | null;
  @ApiProperty({ nullable: true, type: Number }) coolDownMs: number | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date-time',
    description: 'When the next probe starts, or the current one is judged',
  })
  nextActionAt: string | null;
  @ApiProperty({ nullable: true, type: BreakerProbeDto }) probe: BreakerProbeDto | null;
  @ApiProperty({ nullable: true, type: Number, description: 'The version a healthy probe restores' })
  preTripVersion: number | null;
  @ApiProperty({ nullable: true, type: LastTripDto }) lastTrip: LastTripDto | null;
  @ApiProperty({ type: [BreakerMinuteDto], description: 'The last hour, one entry a minute, oldest first' })
  series: BreakerMinuteDto[];
}
