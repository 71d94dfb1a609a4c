import fc from 'fast-check';
import { changedTables, fingerprintQuery, type Query } from './db-fingerprint.js';
import { requestsFor, type FuzzRequest, type FuzzSeeds } from './fuzz-requests.js';
import { readRoutes, resolver, type OpenApiDocument } from './open-api-routes.js';
import { seedFuzzData } from './seed-fuzz-data.js';

/** A running service to fuzz, and a way to look into its database. */
export interface FuzzTarget {
  baseUrl: string;
  adminToken: string;
  query: Query;
  /** Resolves once the writes the service defers (SDK report buffers) are done, so a fingerprint sees them. */
  settle(): Promise<void>;
  /** The error-level lines the service has logged so far (JSON lines), oldest first. */
  errorLogs(): string[];
}

/** Something the service must never do, with the request that made it happen. */
export interface FuzzFailure {
  kind: '5xx' | 'write on refusal' | 'no answer' | 'refusal without an error body' | 'error logged';
  route: string;
  status: number;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  detail: string;
}

/** What a run did: requests per status, refusals, and every failure. */
export interface FuzzReport {
  seed: number;
  requests: number;
  routes: string[];
  histogram: Record<string, number>;
  refusals: number;
  writesOnRefusal: number;
  failures: FuzzFailure[];
}

/** Options of runFuzz. */
export interface FuzzOptions {
  requests: number;
  seed: number;
  onProgress?: (done: number, report: FuzzReport) => void;
}

const CHUNK = 250;

/**
 * Seeds a project, then sends `requests` generated requests to every credentialed route of the app's own
 * OpenAPI document (SDK streams included: their answer is the status and headers), one at a time, and checks each: never a 5xx, an answer within 10 s, an error body on
 * every refusal, nothing logged as an error, and on every refusal (4xx) an unchanged database.
 */
export async function runFuzz(target: FuzzTarget, options: FuzzOptions): Promise<FuzzReport> {
  const { seeds, sdkKey } = await seedFuzzData(target);
  const document = (await (await fetch(`${target.baseUrl}/api/docs-json`)).json()) as OpenApiDocument;
  const routes = readRoutes(document);
  const resolve = resolver(document);
  // Writes weigh twice as much as reads: they are where a refusal could still write something.
  const arbitrary = fc.oneof(
    ...routes.map((route) => ({
      weight: route.method === 'GET' ? 1 : 2,
      arbitrary: requestsFor(route, seeds as FuzzSeeds, resolve),
    })),
  );
  const fingerprint = await fingerprintQuery(target.query);
  const report: FuzzReport = {
    seed: options.seed,
    requests: 0,
    routes: routes.map((r) => `${r.method} ${r.template}`),
    histogram: {},
    refusals: 0,
    writesOnRefusal: 0,
    failures: [],
  };

  await target.settle();
  let before = await fingerprint();
  for (let chunk = 0; report.requests < options.requests; chunk += 1) {
    const count = Math.min(CHUNK, options.requests - report.requests);
    for (const request of fc.sample(arbitrary, { numRuns: count, seed: options.seed + chunk })) {
      const errorsBefore = target.errorLogs().length;
      const answer = await send(target, request, request.credential === 'sdk' ? sdkKey : target.adminToken);
      await target.settle();
      const after = await fingerprint();
      record(report, request, answer, before, after, target.errorLogs().slice(errorsBefore));
      before = after;
    }
    options.onProgress?.(report.requests, report);
  }
  return report;
}

interface Answer {
  status: number;
  text: string;
}

async function send(target: FuzzTarget, request: FuzzRequest, secret: string): Promise<Answer> {
  try {
    const response = await fetch(target.baseUrl + request.url, {
      method: request.method,
      headers: { ...request.headers, authorization: `Bearer ${secret}` },
      body: request.body,
      signal: AbortSignal.timeout(10_000),
    });
    // An SDK stream never ends by itself: its status and headers are the answer.
    if ((response.headers.get('content-type') ?? '').includes('text/event-stream')) {
      await response.body?.cancel();
      return { status: response.status, text: '' };
    }
    return { status: response.status, text: await response.text() };
  } catch (error) {
    return { status: 0, text: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
  }
}

function record(
  report: FuzzReport,
  request: FuzzRequest,
  answer: Answer,
  before: string,
  after: string,
  errorLines: string[],
): void {
  report.requests += 1;
  const key = answer.status === 0 ? 'no answer' : String(answer.status);
  report.histogram[key] = (report.histogram[key] ?? 0) + 1;
  const fail = (kind: FuzzFailure['kind'], detail: string) =>
    report.failures.push({
      kind,
      route: request.route,
      status: answer.status,
      detail,
      request: {
        method: request.method,
        url: excerpt(request.url),
        headers: request.headers,
        body: request.body === undefined ? undefined : excerpt(request.body),
      },
    });
  if (answer.status === 0) fail('no answer', answer.text);
  // The cause, as the service logged it ("Maximum call stack size exceeded", "invalid byte sequence..."), groups failures.
  const cause = errorLines.map(loggedError).find((message) => message !== undefined);
  if (answer.status >= 500) fail('5xx', cause ?? excerpt(answer.text));
  else if (errorLines.length > 0) fail('error logged', cause ?? excerpt(errorLines[0]!));
  if (answer.status >= 400 && answer.status < 500) {
    report.refusals += 1;
    if (before !== after) {
      report.writesOnRefusal += 1;
      fail('write on refusal', `changed: ${changedTables(before, after).join(', ')}`);
    }
    if (!hasErrorBody(answer.text)) fail('refusal without an error body', shapeOf(answer.text));
  }
}

function loggedError(line: string): string | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: string; error?: unknown };
    return typeof entry.error === 'string'
      ? excerpt(entry.error, 120)
      : entry.msg === 'request'
        ? undefined
        : entry.msg;
  } catch {
    return undefined;
  }
}

// What a refusal without the error shape said instead (its own code, if it has one), short enough to group by.
function shapeOf(text: string): string {
  try {
    const body = JSON.parse(text) as { code?: unknown; error?: unknown };
    return `not the error shape: ${JSON.stringify(body.code ?? body.error ?? Object.keys(body))}`;
  } catch {
    return `not JSON: ${excerpt(text, 60)}`;
  }
}

function hasErrorBody(text: string): boolean {
  try {
    const body = JSON.parse(text) as { error?: { code?: unknown; message?: unknown } };
    return typeof body.error?.code === 'string' && typeof body.error.message === 'string';
  } catch {
    return false;
  }
}

function excerpt(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max)}… (${text.length} characters)`;
}

/** Failures grouped by kind, route and status, with a count and the first example of each. */
export function summariseFailures(report: FuzzReport): string {
  const groups = new Map<string, { count: number; first: FuzzFailure }>();
  for (const failure of report.failures) {
    const key = `${failure.kind} · ${failure.status} · ${failure.route} · ${failure.detail}`;
    const group = groups.get(key);
    if (group) group.count += 1;
    else groups.set(key, { count: 1, first: failure });
  }
  return [...groups.entries()]
    .map(
      ([key, { count, first }]) =>
        `${count} × ${key}\n    e.g. ${first.request.method} ${first.request.url} ${JSON.stringify(first.request.headers)} ${first.request.body ?? ''}`,
    )
    .join('\n');
}
