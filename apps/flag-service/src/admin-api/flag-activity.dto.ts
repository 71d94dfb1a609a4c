import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ACTIVITY_WINDOWS, INSTANCES_KEPT_PER_FLAG, type ActivityWindow } from '@switchyard/delivery';

const WINDOWS = Object.keys(ACTIVITY_WINDOWS) as ActivityWindow[];

/** Query of GET …/flags/:flag/activity. */
export class FlagActivityQueryDto {
  @ApiPropertyOptional({
    enum: WINDOWS,
    default: '1h',
    description: 'The last hour (1-minute steps), day or week (1-hour steps)',
  })
  @IsOptional()
  @IsIn(WINDOWS, { message: `window must be one of ${WINDOWS.join(', ')}` })
  window?: ActivityWindow;
}

/** Evaluations of one variant over the window. */
export class VariantTotalDto {
  @ApiProperty() variant: string;
  @ApiProperty() count: number;
}

/** Evaluations of one variant per step (empty steps 0), in the order of `steps`. */
export class VariantSeriesDto {
  @ApiProperty() variant: string;
  @ApiProperty({ type: [Number] }) counts: number[];
}

/** An SDK instance that evaluated the flag. */
export class EvaluatingInstanceDto {
  @ApiProperty() id: string;
  @ApiProperty() appName: string;
  @ApiProperty() sdkVersion: string;
  @ApiProperty({ format: 'date-time', description: 'When it last reported evaluating the flag' }) lastSeen: string;
}

/** GET …/flags/:flag/activity: what SDKs report evaluating, per variant, over a window. */
export class FlagActivityDto {
  @ApiProperty({ enum: WINDOWS }) window: ActivityWindow;
  @ApiProperty({ format: 'date-time', description: 'Start of the first step' }) from: string;
  @ApiProperty({ format: 'date-time' }) to: string;
  @ApiProperty({ description: 'Length of a step in ms (60000 or 3600000)' }) stepMs: number;
  @ApiProperty({ type: [String], description: 'Start of each step, oldest first; the last one is in progress' })
  steps: string[];
  @ApiProperty({
    type: [VariantTotalDto],
    description: "The flag's variants in order (0 when none), then any name since renamed or removed",
  })
  totals: VariantTotalDto[];
  @ApiProperty() total: number;
  @ApiProperty({ type: [VariantSeriesDto] }) series: VariantSeriesDto[];
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When an SDK last reported evaluating it here; null if none ever did',
  })
  lastEvaluatedAt: string | null;
  @ApiProperty({
    type: [EvaluatingInstanceDto],
    description: `Most recently seen first, at most ${INSTANCES_KEPT_PER_FLAG}`,
  })
  instances: EvaluatingInstanceDto[];
}
