import { Module, type DynamicModule, type OnApplicationShutdown, Inject, Injectable } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { createDataSourceOptions } from './data-source-options.js';
import { runMigrations } from './run-migrations.js';
import { TransactionRunner } from './transaction-runner.js';

/** How the service reaches Postgres. */
export interface DatabaseModuleOptions {
  url: string;
  /** Apply pending migrations before the app starts (default true). */
  migrationsRun?: boolean;
  /** Called after the DataSource is closed at shutdown, e.g. to stop an embedded Postgres. */
  afterClose?: () => Promise<void>;
}

const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');

@Injectable()
class DatabaseLifecycle implements OnApplicationShutdown {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(DATABASE_OPTIONS) private readonly options: DatabaseModuleOptions,
  ) {}

  // Closes the pool first so that an embedded Postgres stops without cutting live connections.
  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.options.afterClose?.();
  }
}

/** The Postgres DataSource (TypeORM), migrations at start, and the transaction helper. Global. */
@Module({})
export class DatabaseModule {
  static forRoot(options: DatabaseModuleOptions): DynamicModule {
    return {
      module: DatabaseModule,
      global: true,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...createDataSourceOptions(options.url),
            autoLoadEntities: true,
            retryAttempts: 2,
            retryDelay: 1000,
          }),
          dataSourceFactory: async (dataSourceOptions) => {
            const dataSource = await new DataSource(dataSourceOptions!).initialize();
            if (options.migrationsRun ?? true) await runMigrations(dataSource);
            return dataSource;
          },
        }),
      ],
      providers: [{ provide: DATABASE_OPTIONS, useValue: options }, DatabaseLifecycle, TransactionRunner],
      exports: [TransactionRunner],
    };
  }
}
