import { Injectable } from '@nestjs/common';
import { SnapshotReader } from '@switchyard/flags';
import { ProjectDirectory } from '../application/alerts-ports.js';

/** "Does this project exist?", answered by the read model the flags context exports (never its tables). */
@Injectable()
export class FlagsProjectDirectory extends ProjectDirectory {
  constructor(private readonly snapshots: SnapshotReader) {
    super();
  }

  exists(projectKey: string): Promise<boolean> {
    return this.snapshots.projectExists(projectKey);
  }
}
