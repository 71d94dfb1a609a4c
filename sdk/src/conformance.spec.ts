import {
  loadConformanceCases,
  snapshotForCase,
  type ConformanceCase,
  type ConformanceExpectation,
} from '../../test/support/conformance.js';
import { booleanFlag, FakeFlagService, snapshotOf } from '../test/fake-flag-service.js';
import { nextEvent } from '../test/next-event.js';
import { createClient, type EvaluationResult, type SwitchyardClient } from './index.js';

// Every case of libs/evaluation/conformance, delivered to a real client over its stream and evaluated there.
const cases = loadConformanceCases({ scope: 'all' });
const MARKER = 'conformance-marker';
let service: FakeFlagService;
let client: SwitchyardClient;
let version = 1;

function observed(result: EvaluationResult): ConformanceExpectation {
  const seen: ConformanceExpectation = { value: result.value, reason: result.reason };
  if (result.variant !== undefined) seen.variant = result.variant;
  if (result.errorCode !== undefined) seen.errorCode = result.errorCode;
  return seen;
}

/** Streams the case's snapshot (plus a marker flag, so a `changed` event always follows) and waits for it. */
async function deliver(c: ConformanceCase): Promise<void> {
  version += 1;
  const snapshot = snapshotForCase(c, version);
  snapshot.flags[MARKER] = booleanFlag(MARKER, true, version);
  const changed = nextEvent(client, 'changed', (event) => event.version === version);
  service.send('snapshot', snapshot, version);
  await changed;
}

beforeAll(async () => {
  service = await new FakeFlagService(snapshotOf(1)).start();
  client = createClient({ sdkKey: 'sdk_test', baseUrl: service.url, appName: 'conformance', sendEvents: false });
  await client.waitUntilReady({ timeoutMs: 5000 });
});

afterAll(async () => {
  await client.close();
  await service.stop();
});

describe('the conformance corpus through the SDK', () => {
  it('has engine and SDK cases', () => {
    expect(cases.filter((c) => c.scope === 'engine').length).toBeGreaterThanOrEqual(120);
    expect(cases.filter((c) => c.scope === 'sdk').length).toBeGreaterThan(0);
  });

  it.each(cases.filter((c) => c.ready !== false).map((c) => [`${c.file}: ${c.name}`, c] as const))(
    '%s',
    async (_name, c) => {
      await deliver(c);
      expect(observed(client.getDetails(c.flagKey, c.context, c.default, c.expectedType))).toEqual(c.expected);
    },
  );

  it.each(cases.filter((c) => c.ready === false).map((c) => [`${c.file}: ${c.name}`, c] as const))(
    '%s',
    async (_name, c) => {
      const cold = createClient({
        sdkKey: 'sdk_unknown',
        baseUrl: service.url,
        appName: 'conformance',
        sendEvents: false,
      });
      try {
        expect(observed(cold.getDetails(c.flagKey, c.context, c.default, c.expectedType))).toEqual(c.expected);
      } finally {
        await cold.close();
      }
    },
  );
});
