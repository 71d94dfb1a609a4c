import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import { GAME_DAY_LIMITS } from '@switchyard/gamedays';

// Request bodies are checked by the game-days context (every field named, ADR 0005's one-validator idea):
// the DTOs only let the fields through and document them.

/** A target step: some instances by id. */
export class InstancesStepDto {
  @ApiProperty({ type: [String], example: ['host-3'], maxItems: GAME_DAY_LIMITS.instances }) instances: string[];
}

/** A target step: a share of contexts. */
export class PercentStepDto {
  @ApiProperty({ minimum: 0.001, maximum: 100, example: 10, description: 'Share of contexts, percent (> 0)' })
  percent: number;
}

const TARGET_STEP = { oneOf: [{ $ref: getSchemaPath(InstancesStepDto) }, { $ref: getSchemaPath(PercentStepDto) }] };

/** A guarded flag and a bound. */
export class FlagBoundDto {
  @ApiProperty({ example: 'checkout' }) flag: string;
  @ApiProperty({ example: 0.2, description: 'failureRate: a share 0..1; p99Ms: milliseconds' }) above: number;
}

/** When an attack stops before its time box. */
export class StopConditionsDto {
  @ApiPropertyOptional({ type: [String], example: ['checkout'], description: 'A breaker trip on any of these flags' })
  breakerTrips?: string[];
  @ApiPropertyOptional({ type: FlagBoundDto, description: "The guarded flag's failure rate since the attack started" })
  failureRate?: FlagBoundDto;
  @ApiPropertyOptional({
    type: FlagBoundDto,
    description: "The flag's p99 (dark-launch reports) since the attack started",
  })
  p99Ms?: FlagBoundDto;
}

/** One attack as planned. */
export class AttackInputDto {
  @ApiProperty({ example: 'checkout-latency', description: 'A fault flag of the project' }) faultFlag: string;
  @ApiProperty({ example: 'latency-2s', description: 'The fault variant served to the targets (not none)' })
  variant: string;
  @ApiProperty({
    type: 'array',
    items: TARGET_STEP,
    maxItems: GAME_DAY_LIMITS.steps,
    example: [{ instances: ['host-3'] }, { percent: 10 }, { percent: 50 }],
    description: 'Grown in order; each step held stepMs',
  })
  targets: Array<InstancesStepDto | PercentStepDto>;
  @ApiPropertyOptional({ example: 100000, description: 'How long each step is held (default durationMs / steps)' })
  stepMs?: number;
  @ApiPropertyOptional({
    example: 300000,
    maximum: GAME_DAY_LIMITS.maxDurationMs,
    description: 'The time box, ms (default 300000, max 900000)',
  })
  durationMs?: number;
  @ApiPropertyOptional({ type: StopConditionsDto }) stopWhen?: StopConditionsDto;
}

/** POST …/game-days. */
export class CreateGameDayDto {
  @ApiProperty({ example: 'Checkout latency, Friday', maxLength: GAME_DAY_LIMITS.nameLength }) @Allow() name: string;
  @ApiProperty({ type: [AttackInputDto], maxItems: GAME_DAY_LIMITS.attacks }) @Allow() attacks: AttackInputDto[];
}

/** POST …/:id/start. */
export class StartGameDayDto {
  @ApiProperty({ example: 'Failure Friday: checkout latency', maxLength: GAME_DAY_LIMITS.reasonLength })
  @Allow()
  reason: string;
  @ApiPropertyOptional({ description: 'Start although pre-checks found something missing' }) @Allow() force?: boolean;
}

/** POST …/:id/stop. */
export class StopGameDayDto {
  @ApiPropertyOptional({ example: 'checkout p99 too high', maxLength: GAME_DAY_LIMITS.reasonLength })
  @Allow()
  reason?: string;
}

/** POST …/:id/notes. */
export class GameDayNoteDto {
  @ApiProperty({ example: 'no page for checkout latency: TODO alert on p99', maxLength: GAME_DAY_LIMITS.noteLength })
  @Allow()
  text: string;
}

const STATUSES = ['planned', 'running', 'stopped', 'finished'];
const ATTACK_STATUSES = ['pending', 'running', 'stopped', 'finished'];

/** An attack of a run, with its defaults filled in and its progress. */
export class AttackDto {
  @ApiProperty() index: number;
  @ApiProperty({ example: 'checkout-latency' }) faultFlag: string;
  @ApiProperty({ example: 'latency-2s' }) variant: string;
  @ApiProperty({ type: 'array', items: TARGET_STEP, example: [{ instances: ['host-3'] }, { percent: 10 }] })
  targets: Array<InstancesStepDto | PercentStepDto>;
  @ApiProperty({ description: 'How long each step is held, ms' }) stepMs: number;
  @ApiProperty({ description: 'The time box, ms' }) durationMs: number;
  @ApiProperty({ type: StopConditionsDto }) stopWhen: StopConditionsDto;
  @ApiProperty({ enum: ATTACK_STATUSES }) status: 'pending' | 'running' | 'stopped' | 'finished';
  @ApiProperty({ description: 'The target step served (0-based)' }) step: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'time box of 5 min reached' }) stopReason: string | null;
}

/** A run in lists. */
export class GameDayRunSummaryDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'prod' }) environment: string;
  @ApiProperty({ enum: STATUSES }) status: 'planned' | 'running' | 'stopped' | 'finished';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) stopReason: string | null;
  @ApiProperty() attackCount: number;
}

/** A run. */
export class GameDayRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 'prod' }) environment: string;
  @ApiProperty({ enum: STATUSES }) status: 'planned' | 'running' | 'stopped' | 'finished';
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) startedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) endedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) stopReason: string | null;
  @ApiProperty({ type: [AttackDto] }) attacks: AttackDto[];
}

export class GameDayRunListDto {
  @ApiProperty({ type: [GameDayRunSummaryDto] }) runs: GameDayRunSummaryDto[];
}

const CHECK_CODES = [
  'NO_WEBHOOKS',
  'NO_CONNECTED_SDKS',
  'TARGET_NOT_CONNECTED',
  'FLAG_NOT_FAULT',
  'FLAG_KILLED',
  'FAULT_ALREADY_ON',
];

export class MissingCheckDto {
  @ApiProperty({ enum: CHECK_CODES }) code:
    | 'NO_WEBHOOKS'
    | 'NO_CONNECTED_SDKS'
    | 'TARGET_NOT_CONNECTED'
    | 'FLAG_NOT_FAULT'
    | 'FLAG_KILLED'
    | 'FAULT_ALREADY_ON';
  @ApiProperty() message: string;
}

export class GameDayChecksDto {
  @ApiProperty() ok: boolean;
  @ApiProperty({ type: [MissingCheckDto] }) missing: MissingCheckDto[];
}

export class TimelineActorDto {
  @ApiProperty() type: string;
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

const KINDS = [
  'run-started',
  'attack-started',
  'step',
  'attack-stopped',
  'attack-finished',
  'run-stopped',
  'run-finished',
  'trip',
  'kill',
  'webhook-sent',
  'webhook-failed',
  'note',
  'finding',
];

export class TimelineEventDto {
  @ApiProperty({ format: 'date-time', description: 'UTC with milliseconds' }) at: string;
  @ApiProperty({ enum: KINDS }) kind:
    | 'run-started'
    | 'attack-started'
    | 'step'
    | 'attack-stopped'
    | 'attack-finished'
    | 'run-stopped'
    | 'run-finished'
    | 'trip'
    | 'kill'
    | 'webhook-sent'
    | 'webhook-failed'
    | 'note'
    | 'finding';
  @ApiProperty({ type: Number, nullable: true, description: 'The attack (index) it belongs to' }) attack: number | null;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ type: TimelineActorDto }) actor?: TimelineActorDto;
}

export class FindingDto {
  @ApiProperty({ format: 'date-time' }) at: string;
  @ApiProperty() attack: number;
  @ApiProperty({ example: 'no alert fired while checkout errors were at 38%' }) message: string;
}

export class WindowFiguresDto {
  @ApiProperty() calls: number;
  @ApiProperty({ type: Number, nullable: true, description: 'failures / calls (0..1)' }) failureRate: number | null;
  @ApiProperty({ type: Number, nullable: true }) p99Ms: number | null;
}

export class AttackFiguresDto {
  @ApiProperty() attack: number;
  @ApiProperty() flag: string;
  @ApiProperty({ type: WindowFiguresDto }) before: WindowFiguresDto;
  @ApiProperty({ type: WindowFiguresDto }) during: WindowFiguresDto;
}

export class GameDayTimelineDto {
  @ApiProperty({ type: [TimelineEventDto] }) events: TimelineEventDto[];
  @ApiProperty({ type: [FindingDto] }) findings: FindingDto[];
  @ApiProperty({ type: [AttackFiguresDto] }) figures: AttackFiguresDto[];
}
