import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import type { Role, TokenHolder } from '@switchyard/kernel';

const HOLDERS: TokenHolder[] = ['person', 'automation'];

/** Body of POST /api/tokens. */
export class CreateAdminTokenDto {
  @ApiProperty({ example: 'ci-deploy', description: 'What or who uses the token', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;

  @ApiProperty({
    enum: ['viewer', 'editor', 'admin'],
    description: 'viewer reads; editor changes flags; admin also manages access',
  })
  @IsIn(['viewer', 'editor', 'admin'])
  role: Role;

  @ApiPropertyOptional({
    enum: HOLDERS,
    description: "Who holds it: a person or automation. A kill records it as its kind ('person' or 'token')",
  })
  @IsOptional()
  @IsIn(HOLDERS)
  holder?: TokenHolder;
}

/** An admin token as listed (never the secret). */
export class AdminTokenDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['viewer', 'editor', 'admin'] }) role: Role;
  @ApiProperty({ enum: HOLDERS, nullable: true, description: 'Who holds it; null when its creator did not say' })
  holder: TokenHolder | null;
  @ApiProperty({ example: 'syt_Ab3d…', description: 'The first characters, to recognise it' }) hint: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
}

/** A newly created admin token: the only answer that ever contains the secret. */
export class IssuedAdminTokenDto extends AdminTokenDto {
  @ApiProperty({ example: 'syt_…', description: 'The secret. Shown once; store it now.' }) token: string;
}

/** GET /api/tokens. */
export class AdminTokenListDto {
  @ApiProperty({ type: [AdminTokenDto] }) items: AdminTokenDto[];
}

/** GET /api/me: the calling admin token. */
export class MeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: 'ci-deploy' }) name: string;
  @ApiProperty({ enum: ['viewer', 'editor', 'admin'] }) role: Role;
  @ApiProperty({ enum: HOLDERS, nullable: true, description: 'Who holds it; null when its creator did not say' })
  holder: TokenHolder | null;
}
