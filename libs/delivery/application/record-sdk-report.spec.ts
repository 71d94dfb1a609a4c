import type { SdkReport } from '../domain/sdk-report.js';
import { RecordingInstanceRegistry } from '../testing/recording-instance-registry.js';
import type { KnownEvaluations } from '../domain/pending-activity.js';
import { RecordSdkReport } from './record-sdk-report.js';

const report = (id: string, versions: number[]): SdkReport => ({
  instance: { id, appName: 'app', sdkVersion: '1' },
  evaluations: [{ flag: 'f', variant: 'on', count: 2 }],
  acks: versions.map((version) => ({ version, receivedAt: new Date(1000 + version) })),
  dropped: 1,
});

const known = async () => new Map([['f', new Set(['on', 'off'])]]);

function recorder(
  registry: RecordingInstanceRegistry,
  counted: string[],
  variants = known,
  activity?: { execute: (env: string, report: KnownEvaluations) => void },
) {
  return new RecordSdkReport(
    registry,
    variants,
    {
      evaluations: (env, flag, variant, count) => counted.push(`${env}/${flag}/${variant}=${count}`),
      unknownEvaluations: (env, count) => counted.push(`${env} unknown ${count}`),
      dropped: (env, count) => counted.push(`${env} dropped ${count}`),
    },
    'node-1',
    undefined,
    60_000,
    activity,
  );
}

describe('RecordSdkReport', () => {
  it('counts evaluations and drops at once and writes one row per instance, keeping its newest ack', async () => {
    const registry = new RecordingInstanceRegistry();
    const counted: string[] = [];
    const record = recorder(registry, counted);
    await record.execute('env', report('a', [3, 5]));
    await record.execute('env', report('a', [4]));
    await record.execute('env', report('b', []));
    await record.flush();
    expect(counted).toEqual([
      'env/f/on=2',
      'env dropped 1',
      'env/f/on=2',
      'env dropped 1',
      'env/f/on=2',
      'env dropped 1',
    ]);
    expect(registry.batches).toHaveLength(1);
    expect(registry.batches[0]!.map((s) => [s.instanceId, s.ack?.version ?? null, s.node])).toEqual([
      ['a', 5, 'node-1'],
      ['b', null, 'node-1'],
    ]);
  });

  it('counts flags and variants the environment does not have in one unknown counter, never by name', async () => {
    const counted: string[] = [];
    const record = recorder(new RecordingInstanceRegistry(), counted);
    await record.execute('env', {
      ...report('a', []),
      evaluations: [
        { flag: 'f', variant: 'off', count: 1 },
        { flag: 'made-up-1', variant: 'on', count: 4 },
        { flag: 'f', variant: 'made-up', count: 2 },
        { flag: 'made-up-2', variant: 'x', count: 3 },
      ],
    });
    expect(counted).toEqual(['env/f/off=1', 'env unknown 9', 'env dropped 1']);
  });

  it('passes on to the activity only the flags and variants the environment has', async () => {
    const kept: KnownEvaluations[] = [];
    const record = recorder(new RecordingInstanceRegistry(), [], known, { execute: (_env, r) => kept.push(r) });
    await record.execute('env', {
      ...report('a', []),
      evaluations: [
        { flag: 'f', variant: 'off', count: 1 },
        { flag: 'made-up-1', variant: 'on', count: 4 },
        { flag: 'f', variant: 'made-up', count: 2 },
      ],
    });
    await record.execute('env', { ...report('a', []), evaluations: [{ flag: 'made-up', variant: 'on', count: 1 }] });
    expect(kept).toEqual([
      {
        instance: { id: 'a', appName: 'app', sdkVersion: '1' },
        evaluations: [{ flag: 'f', variant: 'off', count: 1 }],
      },
    ]);
  });

  it('counts every evaluation as unknown while the environment cannot be read', async () => {
    const counted: string[] = [];
    const record = recorder(new RecordingInstanceRegistry(), counted, async () => {
      throw new Error('database down');
    });
    await record.execute('env', report('a', []));
    expect(counted).toEqual(['env unknown 2', 'env dropped 1']);
  });
});
