import { Module } from '@nestjs/common';
import { DarkLaunchModule } from '@switchyard/darklaunch';
import { DarkLaunchController } from './dark-launch.controller.js';

/** Admin API of the dark-launch reports context. */
@Module({
  imports: [DarkLaunchModule],
  controllers: [DarkLaunchController],
})
export class DarkLaunchAdminModule {}
