import { Module } from '@nestjs/common';
import { SchedulesModule } from '@switchyard/schedules';
import { ScheduledChangesController } from './scheduled-changes.controller.js';

/** Admin API of the schedules context. */
@Module({ imports: [SchedulesModule], controllers: [ScheduledChangesController] })
export class SchedulesAdminModule {}
