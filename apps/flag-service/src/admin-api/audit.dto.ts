import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { VersionActorDto } from './flag-version.dto.js';

/** Query of GET /api/audit: every filter narrows; pages go newest first. */
export class AuditQueryDto {
  @ApiPropertyOptional({ description: 'Project key' }) @IsOptional() @IsString() @MaxLength(64) project?: string;
  @ApiPropertyOptional({ description: 'Environment key' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  environment?: string;
  @ApiPropertyOptional({ description: 'Flag key' }) @IsOptional() @IsString() @MaxLength(64) flag?: string;
  @ApiPropertyOptional({ description: 'Actor id or name' }) @IsOptional() @IsString() @MaxLength(200) actor?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'From (inclusive), ISO-8601' })
  @IsOptional()
  @IsISO8601()
  from?: string;
  @ApiPropertyOptional({ format: 'date-time', description: 'To (inclusive), ISO-8601' })
  @IsOptional()
  @IsISO8601()
  to?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextBefore of the previous page' })
  @IsOptional()
  @IsString()
  @Matches(/^[1-9][0-9]{0,17}$/, { message: 'before must be an entry id (nextBefore)' })
  before?: string;
}

/** One audit entry. */
export class AuditEntryDto {
  @ApiProperty() id: string;
  @ApiProperty({ format: 'date-time', description: 'UTC' }) at: string;
  @ApiProperty({ type: VersionActorDto }) actor: VersionActorDto;
  @ApiProperty({ example: 'flag-config.killed' }) action: string;
  @ApiPropertyOptional({ nullable: true, type: String }) projectKey: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) environmentKey: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) flagKey: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) segmentKey: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) reason: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true }) details: Record<string, unknown>;
}

/** One page of the audit log. */
export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto] }) items: AuditEntryDto[];
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Pass as before= for the next page' }) nextBefore:
    string | null;
}
