import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Condition } from '@switchyard/evaluation';
import { Allow, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { SLUG_PATTERN } from '@switchyard/flags';

/**
 * Body of PUT /api/projects/:project/segments/:segment (the whole segment). The engine's strict validator
 * checks the key, lists and conditions (docs/adr/0005-one-validator.md); name, description and base version
 * are checked here.
 */
export class UpdateSegmentDto {
  @ApiProperty({ example: 'Staff', maxLength: 200 }) @IsString() @Length(1, 200) name: string;

  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @MaxLength(2000) description?: string;

  @ApiPropertyOptional({ type: [String], maxItems: 10000, description: 'Context keys always in the segment' })
  @Allow()
  included?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: 10000, description: 'Context keys never in the segment' })
  @Allow()
  excluded?: string[];

  @ApiPropertyOptional({
    type: 'array',
    items: { type: 'object' },
    maxItems: 50,
    example: [{ attribute: 'email', operator: 'endsWith', values: ['@example.com'] }],
  })
  @Allow()
  conditions?: Condition[];

  @ApiPropertyOptional({
    description: 'The segment version this edit is based on (or If-Match); refused with 409 when stale',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1_000_000_000)
  baseVersion?: number;
}

/** Body of POST /api/projects/:project/segments. */
export class CreateSegmentDto extends UpdateSegmentDto {
  @ApiProperty({ example: 'staff', pattern: SLUG_PATTERN.source }) @Allow() key: string;
}

/** A segment. */
export class SegmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() key: string;
  @ApiProperty() name: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) included: string[];
  @ApiProperty({ type: [String] }) excluded: string[];
  @ApiProperty({ type: 'array', items: { type: 'object' } }) conditions: Condition[];
  @ApiProperty() version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
}

/** The answer of a segment PUT: the segment, and whether this write changed it. */
export class SegmentUpdateDto extends SegmentDto {
  @ApiProperty({ description: 'true when the PUT asked for what was already stored: nothing was written' })
  unchanged: boolean;
}

/** GET /api/projects/:project/segments. */
export class SegmentListDto {
  @ApiProperty({ type: [SegmentDto] }) items: SegmentDto[];
}
