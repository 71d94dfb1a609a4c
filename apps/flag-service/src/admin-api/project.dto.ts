import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

const SLUG = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** The message of a key that is not a slug. */
export const SLUG_RULE = 'key must be 1–64 characters: lower-case letters, digits, ".", "_" or "-", starting with a letter or digit';

/** Body of POST /api/projects. */
export class CreateProjectDto {
  @ApiProperty({ example: 'shop', pattern: SLUG.source, description: 'Slug, unique' })
  @IsString()
  @Matches(SLUG, { message: SLUG_RULE })
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
