import { createClient, type EvaluationResult, type SwitchyardClient } from '@switchyard/sdk';
import type { Flag } from '@switchyard/evaluation';
import { admin } from '../libs/delivery/testing/delivery-e2e-fixture.js';
import {
  flagsForCase, loadConformanceCases, type ConformanceCase, type ConformanceExpectation,
} from './support/conformance.js';
import { startApp, type StartedApp } from './support/start-app.js';

// The engine's conformance corpus, written through the admin API of a real service and evaluated by a real SDK
// that received it over the stream. Cases the admin API refuses to store (a flag no service could hold, e.g.
// one naming an unknown segment) cannot be delivered and are counted, not run.
const cases = loadConformanceCases({ scope: 'engine' });

let node: StartedApp;
const prepared = new Map<ConformanceCase, { client: SwitchyardClient } | { refused: string }>();

function observed(result: EvaluationResult): ConformanceExpectation {
  const seen: ConformanceExpectation = { value: result.value, reason: result.reason };
  if (result.variant !== undefined) seen.variant = result.variant;
  if (result.errorCode !== undefined) seen.errorCode = result.errorCode;
  return seen;
}

async function store(project: string, c: ConformanceCase): Promise<string> {
  await admin(node, 'POST', '/projects', { key: project, name: project });
  await admin(node, 'POST', `/projects/${project}/environments`, { key: 'prod', name: 'prod' });
  for (const [key, segment] of Object.entries(c.segments)) {
    await admin(node, 'POST', `/projects/${project}/segments`, {
      key, name: key, included: segment.included ?? [], excluded: segment.excluded ?? [], conditions: segment.conditions ?? [],
    });
  }
  const flags = Object.values(flagsForCase(c));
  for (const flag of flags) {
    await admin(node, 'POST', `/projects/${project}/flags`, { key: flag.key, name: flag.key, type: flag.type, variants: flag.variants, offVariant: flag.offVariant });
  }
  for (const flag of flags) await configure(project, flag);
  return (await admin(node, 'POST', `/projects/${project}/environments/prod/sdk-keys`, { name: 'conformance' })).key;
}

async function configure(project: string, flag: Flag): Promise<void> {
  const path = `/projects/${project}/environments/prod/flags/${flag.key}`;
  const current = await admin(node, 'GET', path);
  await admin(node, 'PUT', path, {
    on: flag.on, offVariant: flag.offVariant, rules: flag.rules, fallthrough: flag.fallthrough,
    prerequisites: flag.prerequisites ?? [], ...(flag.salt === undefined ? {} : { salt: flag.salt }), baseVersion: current.version,
  });
  if (flag.killed) await admin(node, 'POST', `${path}/kill`, { reason: flag.killed.reason ?? 'conformance' });
}

async function prepare(c: ConformanceCase, index: number): Promise<void> {
  let sdkKey: string;
  try {
    sdkKey = await store(`c${index}`, c);
  } catch (error) {
    prepared.set(c, { refused: String(error) });
    return;
  }
  const client = createClient({ sdkKey, baseUrl: node.baseUrl, appName: 'conformance', sendEvents: false });
  await client.waitUntilReady({ timeoutMs: 10_000 });
  prepared.set(c, { client });
}

beforeAll(async () => {
  node = await startApp();
  for (let start = 0; start < cases.length; start += 8) {
    await Promise.all(cases.slice(start, start + 8).map((c, offset) => prepare(c, start + offset)));
  }
}, 240_000);

afterAll(async () => {
  await Promise.all([...prepared.values()].map((entry) => ('client' in entry ? entry.client.close() : undefined)));
  await node?.close();
});

describe('the conformance corpus through a real service and SDK', () => {
  it('delivers at least nine in ten engine cases (the rest cannot be stored by any service)', () => {
    const refused = [...prepared.values()].filter((entry) => 'refused' in entry).length;
    expect(prepared.size).toBe(cases.length);
    expect(refused / cases.length).toBeLessThan(0.1);
  });

  it.each(cases.map((c) => [`${c.file}: ${c.name}`, c] as const))('%s', (_name, c) => {
    const entry = prepared.get(c)!;
    if ('refused' in entry) return;
    const result = observed(entry.client.getDetails(c.flagKey, c.context, c.default, c.expectedType));
    expect(result).toEqual(c.expected);
  });
});
