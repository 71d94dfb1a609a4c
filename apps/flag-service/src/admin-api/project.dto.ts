import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsBoolean, IsOptional, IsString, Length, MaxLength } from 'class-validator';
import { SLUG_PATTERN } from '@switchyard/flags';

/** Body of POST /api/projects. */
export class CreateProjectDto {
  @ApiProperty({
    example: 'shop',
    pattern: SLUG_PATTERN.source,
    description: 'Slug, unique (checked by the use case: one key grammar)',
  })
  @Allow()
  key: string;

  @ApiProperty({ example: 'Web shop', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name: string;
}

/** Body of POST /api/projects/:project/environments. */
export class CreateEnvironmentDto extends CreateProjectDto {
  @ApiPropertyOptional({
    description: 'Every config write here needs a reason. Omitted: true when the key or name is production or prod',
  })
  @IsOptional()
  @IsBoolean()
  protected?: boolean;
}

/** Body of PUT /api/projects/:project/environments/:env/protection (admins). */
export class SetEnvironmentProtectionDto {
  @ApiProperty({ description: 'true: every config write in the environment needs a reason' })
  @IsBoolean()
  protected: boolean;

  @ApiProperty({ minLength: 1, maxLength: 1000, description: 'Why (audited); required, not blank' })
  @IsString()
  @MaxLength(1000)
  reason: string;
}

/** A project. */
export class ProjectDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'shop' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** An environment; `version` is bumped by every change to it. */
export class EnvironmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ example: 'production' }) key: string;
  @ApiProperty() name: string;
  @ApiProperty({ example: 12, description: 'The environment version: one integer bumped by every change in it' })
  version: number;
  @ApiProperty({ description: 'Protected: every config write here needs a reason' }) protected: boolean;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

/** A project with its environments. */
export class ProjectDetailDto extends ProjectDto {
  @ApiProperty({ type: [EnvironmentDto] }) environments: EnvironmentDto[];
}

/** GET /api/projects. */
export class ProjectListDto {
  @ApiProperty({ type: [ProjectDto] }) items: ProjectDto[];
}

/** GET /api/projects/:project/environments. */
export class EnvironmentListDto {
  @ApiProperty({ type: [EnvironmentDto] }) items: EnvironmentDto[];
}
