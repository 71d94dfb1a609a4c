import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length } from 'class-validator';
import { SdkInstanceDto } from './delivery-status.dto.js';

/** Query of GET …/sdk-instances. */
export class SdkInstancesQueryDto {
  @ApiPropertyOptional({ description: 'Only the instances of this app (appName)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  app?: string;
}

/** One SDK instance with whether it lags. */
export class ListedSdkInstanceDto extends SdkInstanceDto {
  @ApiProperty({
    enum: ['behind', 'silent'],
    nullable: true,
    type: String,
    description:
      'behind: its applied version has been behind the current one for more than lagGraceMs; silent: not seen within liveWindowMs',
  })
  lag: 'behind' | 'silent' | null;
}

/** GET …/environments/:env/sdk-instances: the Connected SDKs page. */
export class SdkInstanceListDto {
  @ApiProperty() project: string;
  @ApiProperty() environment: string;
  @ApiProperty({ description: "The environment's current version" }) version: number;
  @ApiProperty({ type: String, nullable: true, description: 'The app filter applied' }) app: string | null;
  @ApiProperty({ type: [String], description: 'Every app seen in the environment within the window' }) apps: string[];
  @ApiProperty({ description: 'Instances seen within the window (of the app, when filtered)' }) total: number;
  @ApiProperty({ description: 'Of those, on the current version' }) onCurrent: number;
  @ApiProperty({ description: 'Of those, lagging' }) lagging: number;
  @ApiProperty({ example: '41 of 42 instances on version 53; 1 lagging' }) summary: string;
  @ApiProperty({ type: [ListedSdkInstanceDto], description: 'At most 200, lagging first, then most recently seen' })
  instances: ListedSdkInstanceDto[];
  @ApiProperty({ example: 3_600_000 }) windowMs: number;
  @ApiProperty({ example: 60_000 }) liveWindowMs: number;
  @ApiProperty({ example: 5_000 }) lagGraceMs: number;
}
