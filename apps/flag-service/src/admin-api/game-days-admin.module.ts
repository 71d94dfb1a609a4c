import { type DynamicModule, Module } from '@nestjs/common';
import { GameDaysModule } from '@switchyard/gamedays';
import { GameDaysController } from './game-days.controller.js';

/** Admin API of the game-days context; its module shares the app's alerts and delivery contexts. */
@Module({})
export class GameDaysAdminModule {
  static forRoot(options: { alerts: DynamicModule; delivery: DynamicModule; minDurationMs: number }): DynamicModule {
    return {
      module: GameDaysAdminModule,
      imports: [GameDaysModule.forRoot(options)],
      controllers: [GameDaysController],
    };
  }
}
