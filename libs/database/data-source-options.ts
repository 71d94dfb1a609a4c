import type { DataSourceOptions } from 'typeorm';
import { migrations } from '@switchyard/migrations';

/** Options every Switchyard DataSource shares: Postgres, explicit migrations, never synchronize. */
export function createDataSourceOptions(url: string, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    synchronize: false,
    migrations,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    entities,
    applicationName: 'switchyard',
    connectTimeoutMS: 5000,
    poolSize: 10,
  };
}
