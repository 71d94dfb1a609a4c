import { createClient, type EvaluationResult, type SwitchyardClient } from '@switchyard/sdk';
import { validateFlag, validateSegment, type Flag } from '@switchyard/evaluation';
import { admin } from '@switchyard/delivery/testing';
import {
  flagsForCase,
  loadConformanceCases,
  type ConformanceCase,
  type ConformanceExpectation,
} from './support/conformance.js';
import { startApp, type StartedApp } from './support/start-app.js';

// The engine's conformance corpus, written through the admin API of a real service and evaluated by a real SDK
// that received it over the stream. Cases the engine's strict validator refuses (a flag no service may hold,
// e.g. one naming an unknown segment) are exactly the ones the service refuses to store (one validator,
// docs/adr/0005-one-validator.md); the corpus lists them as `notApplicableToService` with the reason, and each
// of them asserts that the service refuses it (400). Every other case is delivered and run. No case passes
// without an assertion; the two kinds are counted and printed apart.
const cases = loadConformanceCases({ scope: 'engine' });
const nameOf = (c: ConformanceCase): string => `${c.file}: ${c.name}`;
const notApplicable = cases.filter((c) => c.notApplicableToService !== undefined);

function refusedByEngine(c: ConformanceCase): boolean {
  const flags = flagsForCase(c);
  const strict = { strict: true };
  return (
    Object.values(c.segments).some(
      (segment) => validateSegment(segment, { segments: c.segments }, strict).length > 0,
    ) || Object.values(flags).some((flag) => validateFlag(flag, { flags, segments: c.segments }, strict).length > 0)
  );
}
const deliverable = cases.filter((c) => !refusedByEngine(c));

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
  await admin(node, 'POST', `/projects/${project}/environments`, { key: 'prod', name: 'prod', protected: false });
  for (const [key, segment] of Object.entries(c.segments)) {
    await admin(node, 'POST', `/projects/${project}/segments`, {
      key,
      name: key,
      included: segment.included ?? [],
      excluded: segment.excluded ?? [],
      conditions: segment.conditions ?? [],
    });
  }
  const flags = Object.values(flagsForCase(c));
  for (const flag of flags) {
    await admin(node, 'POST', `/projects/${project}/flags`, {
      key: flag.key,
      name: flag.key,
      type: flag.type,
      variants: flag.variants,
      offVariant: flag.offVariant,
    });
  }
  for (const flag of flags) await configure(project, flag);
  return (await admin(node, 'POST', `/projects/${project}/environments/prod/sdk-keys`, { name: 'conformance' })).key;
}

async function configure(project: string, flag: Flag): Promise<void> {
  const path = `/projects/${project}/environments/prod/flags/${flag.key}`;
  const current = await admin(node, 'GET', path);
  await admin(node, 'PUT', path, {
    on: flag.on,
    offVariant: flag.offVariant,
    rules: flag.rules,
    fallthrough: flag.fallthrough,
    prerequisites: flag.prerequisites ?? [],
    ...(flag.salt === undefined ? {} : { salt: flag.salt }),
    baseVersion: current.version,
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
}, 600_000); // hundreds of admin writes: minutes on a loaded CI box

afterAll(async () => {
  const clients = [...prepared.values()].flatMap((entry) => ('client' in entry ? [entry.client] : []));
  await Promise.all(clients.map((client) => client.close()));
  await node?.close();
  console.log(
    `conformance through the service: ${deliverable.length} cases delivered and evaluated by a real SDK, ` +
      `${notApplicable.length} not applicable to the service (refused when written, listed in the corpus), ${cases.length} in all`,
  );
});

describe('the conformance corpus through a real service and SDK', () => {
  it("refuses to store exactly the cases the engine's strict validator refuses, fewer than one in ten", () => {
    expect(prepared.size).toBe(cases.length);
    const refused = cases.filter((c) => 'refused' in prepared.get(c)!);
    expect(refused.map(nameOf)).toEqual(cases.filter(refusedByEngine).map(nameOf));
    expect(refused.length / cases.length).toBeLessThan(0.1);
  });

  it('lists in the corpus, with a reason, exactly the cases no service may store', () => {
    expect(notApplicable.map(nameOf)).toEqual(cases.filter(refusedByEngine).map(nameOf));
  });

  it.each(deliverable.map((c) => [nameOf(c), c] as const))('%s', (_name, c) => {
    const entry = prepared.get(c)!;
    if ('refused' in entry) throw new Error(`the service refused a case the engine accepts: ${entry.refused}`);
    const result = observed(entry.client.getDetails(c.flagKey, c.context, c.default, c.expectedType));
    expect(result).toEqual(c.expected);
  });

  it.each(notApplicable.map((c) => [`not applicable to the service, ${nameOf(c)}`, c] as const))('%s', (_name, c) => {
    const entry = prepared.get(c)!;
    expect('refused' in entry ? entry.refused : `stored, though the corpus says: ${c.notApplicableToService}`).toMatch(
      /answered 400: .*"code":"VALIDATION_FAILED"/,
    );
  });
});
