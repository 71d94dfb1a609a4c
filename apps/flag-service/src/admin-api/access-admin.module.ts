import { Module } from '@nestjs/common';
import { AccessModule } from '@switchyard/access';
import { MeController } from './me.controller.js';
import { SdkKeysController } from './sdk-keys.controller.js';
import { TokensController } from './tokens.controller.js';

/** Admin API of the access context: /api/me, /api/tokens and SDK keys. */
@Module({
  imports: [AccessModule],
  controllers: [MeController, TokensController, SdkKeysController],
})
export class AccessAdminModule {}
