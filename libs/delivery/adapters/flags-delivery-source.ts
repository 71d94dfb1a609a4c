import { Injectable } from '@nestjs/common';
import type { Patch, Snapshot } from '@switchyard/evaluation';
import { SnapshotReader, ChangeNotifier } from '@switchyard/flags';
import { CommittedChanges, DeliverySource } from '../application/delivery-ports.js';
import type { ChangeMessage } from '../domain/change-message.js';

/** Delivery's reads, answered by the flags context's SnapshotReader read model. */
@Injectable()
export class FlagsDeliverySource extends DeliverySource {
  constructor(private readonly reader: SnapshotReader) {
    super();
  }

  getSnapshot(environmentId: string): Promise<Snapshot | null> {
    return this.reader.getSnapshot(environmentId);
  }

  getChanges(environmentId: string, afterVersion: number): Promise<Patch[] | null> {
    return this.reader.getChanges(environmentId, afterVersion);
  }

  findEnvironmentByKeys(projectKey: string, environmentKey: string) {
    return this.reader.findEnvironmentByKeys(projectKey, environmentKey);
  }
}

/** Committed changes, from the flags context's in-process ChangeNotifier (emitted after commit). */
@Injectable()
export class NotifierCommittedChanges extends CommittedChanges {
  constructor(private readonly notifier: ChangeNotifier) {
    super();
  }

  subscribe(listener: (change: ChangeMessage) => void): () => void {
    return this.notifier.subscribe((event) =>
      listener({ environmentId: event.environmentId, version: event.version, patch: event.patch }),
    );
  }
}
