import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, Length, Matches } from 'class-validator';

/** Body of POST /api/projects/:project/environments/:env/sdk-keys. */
export class CreateSdkKeyDto {
  @ApiProperty({ example: 'checkout-service', description: 'Which service uses the key', minLength: 1, maxLength: 100 })
  @IsString()
  @Length(1, 100)
  @Matches(/\S/, { message: 'name must not be blank' })
  name: string;
}

/** An SDK key as listed (never the secret). */
export class SdkKeyDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty({ format: 'uuid' }) projectId: string;
  @ApiProperty({ format: 'uuid' }) environmentId: string;
  @ApiProperty({ example: 'sdk_Ab3d…' }) hint: string;
  @ApiProperty() createdBy: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) revokedAt: string | null;
  @ApiPropertyOptional({ format: 'date-time', nullable: true, type: String }) lastUsedAt: string | null;
}

/** A newly created SDK key: the only answer that ever contains the secret. */
export class IssuedSdkKeyDto extends SdkKeyDto {
  @ApiProperty({ example: 'sdk_…', description: 'The secret. Shown once; store it now.' }) key: string;
}

/** GET …/sdk-keys. */
export class SdkKeyListDto {
  @ApiProperty({ type: [SdkKeyDto] }) items: SdkKeyDto[];
}
