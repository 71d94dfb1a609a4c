import {
  type DynamicModule,
  Injectable,
  Logger,
  Module,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { BreakerModule } from '@switchyard/breaker';
import { DarkLaunchModule } from '@switchyard/darklaunch';
import { LeaderTicker } from '@switchyard/database';
import { FlagsModule } from '@switchyard/flags';
import { composedProviders } from '@switchyard/kernel';
import { AlertsGameDayAlerts, DeliveryGameDayFleet } from './adapters/alerts-and-fleet.js';
import { FlagsGameDayFlags } from './adapters/flags-game-day-flags.js';
import { BreakerGameDaySignals } from './adapters/signals-adapters.js';
import { AddGameDayNote } from './application/add-game-day-note.js';
import { AdvanceGameDays } from './application/advance-game-days.js';
import { CreateGameDay } from './application/create-game-day.js';
import { ExportGameDay } from './application/export-game-day.js';
import {
  GameDayAlerts,
  GameDayFleet,
  GameDayFlags,
  GameDaySignals,
  GameDayStore,
} from './application/gamedays-ports.js';
import { GetGameDayTimeline } from './application/get-game-day-timeline.js';
import { CheckGameDay, GetGameDay, ListGameDays } from './application/read-game-days.js';
import { StartGameDay } from './application/start-game-day.js';
import { StopGameDay } from './application/stop-game-day.js';
import { composeGameDays, type GameDays, type GameDaysPorts } from './compose-game-days.js';
import { SqlGameDayStore } from './persistence/sql-game-day-store.js';

const log = new Logger('GameDays');
const GAME_DAYS = Symbol('GAME_DAYS');
const OPTIONS = Symbol('GAME_DAYS_OPTIONS');

/** Options of GameDaysModule.forRoot. */
export interface GameDaysOptions {
  /** The app's one AlertsModule.forRoot(...) and DeliveryModule.forRoot(...) (Nest dedupes them by reference). */
  alerts: DynamicModule;
  delivery: DynamicModule;
  /** The shortest attack allowed, in ms. */
  minDurationMs: number;
}

/** The game-days context's ports as Nest resolves them. */
@Injectable()
class NestGameDaysPorts implements Omit<GameDaysPorts, 'minDurationMs'> {
  readonly log = log;

  constructor(
    readonly flags: GameDayFlags,
    readonly signals: GameDaySignals,
    readonly alerts: GameDayAlerts,
    readonly fleet: GameDayFleet,
    readonly store: GameDayStore,
  ) {}
}

/** What other modules inject, each under its class. */
const EXPOSED = {
  createGameDay: CreateGameDay,
  listGameDays: ListGameDays,
  getGameDay: GetGameDay,
  checkGameDay: CheckGameDay,
  startGameDay: StartGameDay,
  stopGameDay: StopGameDay,
  addGameDayNote: AddGameDayNote,
  getGameDayTimeline: GetGameDayTimeline,
  exportGameDay: ExportGameDay,
};

/** Registers the game-day job on the cluster's one ticker (every tick, on the leader only). */
@Injectable()
class GameDaysLifecycle implements OnModuleInit, OnModuleDestroy {
  private unregister: (() => void) | undefined;

  constructor(
    private readonly ticker: LeaderTicker,
    private readonly advance: AdvanceGameDays,
  ) {}

  onModuleInit(): void {
    this.unregister = this.ticker.register('game-days', (now) => this.advance.execute(now));
  }

  onModuleDestroy(): void {
    this.unregister?.();
  }
}

/**
 * The game-days context: runs of time-boxed fault attacks. The scheduler's leader starts, steps and ends each
 * attack as audited versions of its fault flag (actor `game-day:<runId>`) and stops it at its first stop
 * condition; stop everything turns every fault of a run off in one environment version. Built by composeGameDays.
 */
@Module({})
export class GameDaysModule {
  static forRoot(options: GameDaysOptions): DynamicModule {
    return {
      module: GameDaysModule,
      imports: [FlagsModule, BreakerModule, DarkLaunchModule, options.alerts, options.delivery],
      providers: [
        { provide: OPTIONS, useValue: options },
        { provide: GameDayStore, useClass: SqlGameDayStore },
        { provide: GameDayFlags, useClass: FlagsGameDayFlags },
        { provide: GameDaySignals, useClass: BreakerGameDaySignals },
        { provide: GameDayAlerts, useClass: AlertsGameDayAlerts },
        { provide: GameDayFleet, useClass: DeliveryGameDayFleet },
        NestGameDaysPorts,
        {
          provide: GAME_DAYS,
          inject: [NestGameDaysPorts, OPTIONS],
          useFactory: (ports: NestGameDaysPorts, opts: GameDaysOptions) =>
            composeGameDays({ ...ports, log: ports.log, minDurationMs: opts.minDurationMs }),
        },
        ...composedProviders<GameDays>(GAME_DAYS, { ...EXPOSED, advanceGameDays: AdvanceGameDays }),
        GameDaysLifecycle,
      ],
      exports: Object.values(EXPOSED),
    };
  }
}
