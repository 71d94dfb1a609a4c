import { DomainError } from '@switchyard/kernel';
import { SDK_KEY_USAGE_WINDOW_MS, type SdkKeyUsage } from '../domain/sdk-report.js';
import type { InstanceRegistry } from './delivery-ports.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * What uses an SDK key: the SDK instances whose reports came with it in the last hour, by app, so whoever is
 * about to revoke it sees which services it would cut off. A key nothing reported with answers zero instances.
 */
export class GetSdkKeyUsage {
  constructor(private readonly registry: InstanceRegistry) {}

  execute(sdkKeyId: string): Promise<SdkKeyUsage> {
    if (!UUID.test(sdkKeyId))
      throw DomainError.validation('Not an SDK key id', [{ path: 'id', message: 'must be an SDK key id (a UUID)' }]);
    return this.registry.keyUsage(sdkKeyId.toLowerCase(), SDK_KEY_USAGE_WINDOW_MS);
  }
}
