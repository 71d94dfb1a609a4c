import { validateSegment } from '@switchyard/evaluation';
import type { Actor } from '@switchyard/kernel';
import type { ChangeCommitted } from '../domain/change-committed.js';
import { FlagsErrors } from '../domain/flags.errors.js';
import { LIMITS } from '../domain/limits.js';
import type { Project } from '../domain/project.js';
import type { SegmentDefinition, SegmentInput } from '../domain/segment-definition.js';
import { toWireSegment } from '../domain/wire-flag.js';
import type { FlagsTransaction } from './flags-unit-of-work.js';

/**
 * The engine's strict checks of a segment input that need no other segment (key, lists, conditions, sizes),
 * before any transaction, so that no query runs with a malformed key.
 */
export function assertSegmentInput(input: SegmentInput, key: unknown): void {
  const { included, excluded, conditions } = input;
  const issues = validateSegment({ key, included, excluded, conditions }, undefined, { strict: true });
  if (typeof input.name !== 'string' || input.name.length === 0 || input.name.length > LIMITS.name) {
    issues.unshift({ path: 'name', code: 'INVALID_TYPE', message: `must be 1–${LIMITS.name} characters` });
  }
  if (issues.length > 0) throw FlagsErrors.invalid('Segment is malformed', issues);
}

/**
 * Checks a segment against the project's others, writes it, and publishes it to every environment of the
 * project (a version bump and a change-log row each), with one audit entry. Inside the caller's transaction.
 */
export async function saveSegment(
  tx: FlagsTransaction,
  project: Project,
  segment: SegmentDefinition,
  created: boolean,
  actor: Actor,
): Promise<ChangeCommitted[]> {
  const others = Object.fromEntries(
    (await tx.segments.listByProject(project.id))
      .filter((other) => other.key !== segment.key)
      .map((other) => [other.key, toWireSegment(other)]),
  );
  const issues = validateSegment(toWireSegment(segment), { segments: others }, { strict: true });
  if (issues.length > 0) throw FlagsErrors.invalid(`Segment "${segment.key}" is invalid`, issues);
  await (created ? tx.segments.insert(segment) : tx.segments.update(segment));
  const events: ChangeCommitted[] = [];
  for (const environment of await tx.environments.listByProject(project.id)) {
    const version = await tx.environments.bumpVersion(environment.id);
    const patch = { version, flags: {}, segments: { [segment.key]: toWireSegment(segment) } };
    await tx.changeLog.append(environment.id, patch);
    events.push({ environmentId: environment.id, version, patch });
  }
  await tx.audit.append({
    at: segment.updatedAt,
    actor: { type: actor.type, id: actor.id, name: actor.name },
    action: created ? 'segment.created' : 'segment.updated',
    projectKey: project.key,
    environmentKey: null,
    flagKey: null,
    segmentKey: segment.key,
    reason: null,
    details: { version: segment.version },
  });
  return events;
}
