import { Module } from '@nestjs/common';
import { AccessModule } from '../../../../libs/access/access.module.js';
import { SdkKeysController } from './sdk-keys.controller.js';
import { TokensController } from './tokens.controller.js';

/** Admin API of the access context: /api/tokens and SDK keys. */
@Module({
  imports: [AccessModule],
  controllers: [TokensController, SdkKeysController],
})
export class AccessAdminModule {}
