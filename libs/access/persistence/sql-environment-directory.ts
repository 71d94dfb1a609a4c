import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EnvironmentDirectory } from '../application/access-ports.js';

/**
 * Resolves <project>/<environment> keys with one query on the flags context's tables. A stop-gap
 * until the flags module exports a read model for it; swap the provider then.
 */
@Injectable()
export class SqlEnvironmentDirectory extends EnvironmentDirectory {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super();
  }

  async find(projectKey: string, environmentKey: string): Promise<{ projectId: string; environmentId: string } | null> {
    const rows: Array<{ project_id: string; environment_id: string }> = await this.dataSource.query(
      `SELECT p.id AS project_id, e.id AS environment_id
         FROM environments e JOIN projects p ON p.id = e.project_id
        WHERE p.key = $1 AND e.key = $2`,
      [projectKey, environmentKey],
    );
    const row = rows[0];
    return row ? { projectId: row.project_id, environmentId: row.environment_id } : null;
  }
}
