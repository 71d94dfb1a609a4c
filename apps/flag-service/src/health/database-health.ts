import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { HealthIndicatorRegistry } from '@switchyard/kernel';

/** Registers the `database` readiness check: one round trip to Postgres. */
@Injectable()
export class DatabaseHealth implements OnModuleInit {
  constructor(
    private readonly registry: HealthIndicatorRegistry,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.registry.register('database', async () => {
      await this.dataSource.query('SELECT 1');
      return { status: 'up' };
    });
  }
}
