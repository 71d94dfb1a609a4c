import { ApiProperty } from '@nestjs/swagger';
import { Allow, IsString, Length } from 'class-validator';
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
export class CreateEnvironmentDto extends CreateProjectDto {}

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
  @ApiProperty({ example: 12 }) version: number;
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
