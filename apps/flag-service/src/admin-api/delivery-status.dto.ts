import { ApiProperty } from '@nestjs/swagger';

/** Propagation of the environment's version to SDK instances (ack receive time minus commit time). */
export class PropagationDto {
  @ApiProperty({ type: Number, nullable: true }) p50: number | null;
  @ApiProperty({ type: Number, nullable: true }) p99: number | null;
  @ApiProperty({ type: Number, nullable: true }) max: number | null;
  @ApiProperty({ description: 'How many acks carried a propagation time' }) samples: number;
}

/** One SDK instance as the registry knows it. */
export class SdkInstanceDto {
  @ApiProperty() id: string;
  @ApiProperty() appName: string;
  @ApiProperty() sdkVersion: string;
  @ApiProperty({ description: 'The service node that last received its events' }) node: string;
  @ApiProperty({ type: Number, nullable: true }) appliedVersion: number | null;
  @ApiProperty({ format: 'date-time' }) lastSeen: string;
}

/** GET …/environments/:env/delivery: which live SDK instances applied the environment's version, how fast. */
export class DeliveryStatusDto {
  @ApiProperty() project: string;
  @ApiProperty() environment: string;
  @ApiProperty({ description: "The environment's current version" }) version: number;
  @ApiProperty({ description: 'Instances that reported within the last minute' }) liveInstances: number;
  @ApiProperty({ description: 'Live instances that applied the current version' }) appliedInstances: number;
  @ApiProperty({ type: PropagationDto }) propagationMs: PropagationDto;
  @ApiProperty({ example: 'version 7 applied by 3 of 3 live instances, p50/p99 propagation 12/40 ms' })
  summary: string;
  @ApiProperty({ type: [SdkInstanceDto] }) instances: SdkInstanceDto[];
}

/** One app among the SDK instances seen with a key. */
export class SdkKeyUsageAppDto {
  @ApiProperty({ example: 'checkout-api' }) appName: string;
  @ApiProperty() instances: number;
  @ApiProperty({ format: 'date-time' }) lastSeen: string;
}

/** GET /api/sdk-keys/:id/usage: the SDK instances seen with the key in the last hour (ask before revoking it). */
export class SdkKeyUsageDto {
  @ApiProperty({ format: 'uuid' }) sdkKeyId: string;
  @ApiProperty({ example: 3_600_000, description: 'How far back it looks (an hour)' }) windowMs: number;
  @ApiProperty({ description: 'SDK instances whose reports came with this key within the window' }) instances: number;
  @ApiProperty({ type: [SdkKeyUsageAppDto], description: 'By app, busiest first (at most 50)' })
  apps: SdkKeyUsageAppDto[];
}
