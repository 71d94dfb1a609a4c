import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ALERT_EVENT_TYPES, DELIVERY_STATUSES } from '@switchyard/alerts';
import { IsOmittable } from '../http/is-omittable.js';

const EVENTS_DESCRIPTION =
  'kill (a person or token killed the flag), restore, trip (the circuit breaker killed it), probing (half-open ' +
  'recovery started), recovered (the breaker restored it), change (any other change of a flag or its config), ' +
  'schedule-refused (a scheduled change was not applied at its time: its base version was stale, or it failed)';

/** Body of POST /api/projects/:project/webhooks. */
export class CreateWebhookDto {
  @ApiProperty({ example: 'https://hooks.example.com/switchyard', maxLength: 2048, description: 'http or https' })
  @IsString()
  @MaxLength(2048)
  url: string;

  @ApiProperty({
    enum: ALERT_EVENT_TYPES,
    isArray: true,
    example: ['kill', 'trip', 'recovered'],
    description: EVENTS_DESCRIPTION,
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALERT_EVENT_TYPES.length)
  @IsIn(ALERT_EVENT_TYPES, { each: true })
  events: string[];

  @ApiPropertyOptional({ example: 'On-call channel', maxLength: 200 })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional({ default: true })
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

/** Body of PATCH /api/projects/:project/webhooks/:id: the fields to change. */
export class UpdateWebhookDto {
  @ApiPropertyOptional({ example: 'https://hooks.example.com/switchyard', maxLength: 2048 })
  @IsOmittable()
  @IsString()
  @MaxLength(2048)
  url?: string;

  @ApiPropertyOptional({ enum: ALERT_EVENT_TYPES, isArray: true, description: EVENTS_DESCRIPTION })
  @IsOmittable()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ALERT_EVENT_TYPES.length)
  @IsIn(ALERT_EVENT_TYPES, { each: true })
  events?: string[];

  @ApiPropertyOptional({ maxLength: 200 })
  @IsOmittable()
  @IsString()
  @MaxLength(200)
  description?: string;

  @ApiPropertyOptional()
  @IsOmittable()
  @IsBoolean()
  enabled?: boolean;
}

/** A webhook as listed: never its secret. */
export class WebhookDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'shop' }) projectKey: string;
  @ApiProperty({ example: 'https://hooks.example.com/switchyard' }) url: string;
  @ApiProperty() description: string;
  @ApiProperty({ enum: ALERT_EVENT_TYPES, isArray: true }) events: string[];
  @ApiProperty() enabled: boolean;
  @ApiProperty({ example: 'whsec_Ab3d…', description: "The secret's first characters, to tell secrets apart" })
  secretHint: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** A webhook with its signing secret: the answer of create and rotate-secret, the only ones that carry it. */
export class IssuedWebhookDto extends WebhookDto {
  @ApiProperty({ example: 'whsec_…', description: 'The signing secret. Shown once; store it now.' }) secret: string;
}

/** GET /api/projects/:project/webhooks. */
export class WebhookListDto {
  @ApiProperty({ type: [WebhookDto] }) items: WebhookDto[];
}

/** Query of GET …/webhooks/:id/deliveries. */
export class DeliveryQueryDto {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES)
  status?: 'pending' | 'sent' | 'failed';

  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: 'nextBefore of the previous page' })
  @IsOptional()
  @IsUUID()
  before?: string;
}

/** One event's delivery to one webhook. */
export class WebhookDeliveryDto {
  @ApiProperty({ format: 'uuid', description: 'Also sent as the Switchyard-Delivery header' }) id: string;
  @ApiProperty({ format: 'uuid' }) webhookId: string;
  @ApiProperty({ description: "The event's id (the body's id), the same for every webhook" }) eventId: string;
  @ApiProperty({ enum: [...ALERT_EVENT_TYPES, 'test'] }) eventType: string;
  @ApiProperty({ enum: DELIVERY_STATUSES, description: 'pending (queued or retrying), sent (a 2xx), failed (gave up)' })
  status: string;
  @ApiProperty({ description: 'Attempts so far' }) attempts: number;
  @ApiProperty({ nullable: true, type: String, example: 'HTTP 503' }) lastError: string | null;
  @ApiProperty({ nullable: true, type: Number, example: 503 }) lastStatusCode: number | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) lastAttemptAt: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) nextAttemptAt: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time', description: 'When sent or given up' })
  completedAt: string | null;
  @ApiProperty({ description: 'The exact JSON body that is signed and sent' }) body: string;
}

/** One page of a webhook's deliveries, newest first. */
export class WebhookDeliveryPageDto {
  @ApiProperty({ type: [WebhookDeliveryDto] }) items: WebhookDeliveryDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as before= for the next page' })
  nextBefore: string | null;
}
