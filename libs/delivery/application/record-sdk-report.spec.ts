import type { InstanceSighting, SdkReport } from '../domain/sdk-report.js';
import { InstanceRegistry } from './delivery-ports.js';
import { RecordSdkReport } from './record-sdk-report.js';

class FakeRegistry extends InstanceRegistry {
  readonly batches: InstanceSighting[][] = [];
  async record(sightings: InstanceSighting[]) {
    this.batches.push(sightings);
  }
  async status(): Promise<never> {
    throw new Error('unused');
  }
  async overview() {
    return [];
  }
}

const report = (id: string, versions: number[]): SdkReport => ({
  instance: { id, appName: 'app', sdkVersion: '1' },
  evaluations: [{ flag: 'f', variant: 'on', count: 2 }],
  acks: versions.map((version) => ({ version, receivedAt: new Date(1000 + version) })),
  dropped: 1,
});

describe('RecordSdkReport', () => {
  it('counts evaluations and drops at once and writes one row per instance, keeping its newest ack', async () => {
    const registry = new FakeRegistry();
    const counted: string[] = [];
    const record = new RecordSdkReport(registry, {
      evaluations: (env, flag, variant, count) => counted.push(`${env}/${flag}/${variant}=${count}`),
      dropped: (env, count) => counted.push(`${env} dropped ${count}`),
    }, 'node-1', undefined, 60_000);
    record.execute('env', report('a', [3, 5]));
    record.execute('env', report('a', [4]));
    record.execute('env', report('b', []));
    await record.flush();
    expect(counted).toEqual(['env/f/on=2', 'env dropped 1', 'env/f/on=2', 'env dropped 1', 'env/f/on=2', 'env dropped 1']);
    expect(registry.batches).toHaveLength(1);
    expect(registry.batches[0]!.map((s) => [s.instanceId, s.ack?.version ?? null, s.node])).toEqual([['a', 5, 'node-1'], ['b', null, 'node-1']]);
  });
});
