import { InstanceRegistry } from '../application/delivery-ports.js';
import type { InstanceSighting } from '../domain/sdk-report.js';

/** An InstanceRegistry that records each batch of sightings; the fleet views answer nothing. */
export class RecordingInstanceRegistry extends InstanceRegistry {
  readonly batches: InstanceSighting[][] = [];

  /** Every sighting recorded, in order, across batches. */
  get recorded(): InstanceSighting[] {
    return this.batches.flat();
  }

  async record(sightings: InstanceSighting[]): Promise<void> {
    this.batches.push(sightings);
  }

  async status(): Promise<never> {
    throw new Error('RecordingInstanceRegistry keeps no status');
  }

  async list(): Promise<never> {
    throw new Error('RecordingInstanceRegistry keeps no instance list');
  }

  async keyUsage(): Promise<never> {
    throw new Error('RecordingInstanceRegistry keeps no key usage');
  }

  async overview(): Promise<[]> {
    return [];
  }
}
