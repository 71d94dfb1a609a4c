import { evaluate, type EvaluationContext, type EvaluationResult } from '@switchyard/evaluation';
import { FlagsErrors } from '../domain/flags.errors.js';
import { LIMITS } from '../domain/limits.js';
import type { FieldError } from '@switchyard/kernel';
import { FlagsUnitOfWork } from './flags-unit-of-work.js';
import { loadWireState, requireEnvironment, requireFlag, requireProject } from './resolve.js';

/** The explainer's answer: the engine's result for the context, and the versions it was computed at. */
export interface PreviewResult {
  flagKey: string;
  environmentKey: string;
  environmentVersion: number;
  flagVersion: number;
  result: EvaluationResult;
}

function contextIssues(context: Record<string, unknown>): FieldError[] {
  const issues: FieldError[] = [];
  const entries = Object.entries(context);
  if (entries.length > LIMITS.contextAttributes)
    issues.push({ path: 'context', code: 'TOO_MANY', message: `at most ${LIMITS.contextAttributes} attributes` });
  for (const [name, value] of entries) {
    const scalar = ['string', 'number', 'boolean'].includes(typeof value);
    const list =
      Array.isArray(value) && value.length <= LIMITS.values && value.every((item) => typeof item === 'string');
    if (!scalar && !list)
      issues.push({
        path: `context.${name}`,
        code: 'INVALID_TYPE',
        message: 'must be a string, number, boolean or array of strings',
      });
  }
  return issues;
}

/** "Why did user X get variant Y": evaluates a flag for a context with the one engine, as SDKs would. */
export class PreviewEvaluation {
  constructor(private readonly unitOfWork: FlagsUnitOfWork) {}

  async execute(
    keys: { projectKey: string; environmentKey: string; flagKey: string },
    context: EvaluationContext,
  ): Promise<PreviewResult> {
    const issues = contextIssues(context);
    if (issues.length > 0) throw FlagsErrors.invalid('Invalid evaluation context', issues);
    return this.unitOfWork.run(async (tx) => {
      const project = await requireProject(tx, keys.projectKey);
      const environment = await requireEnvironment(tx, project, keys.environmentKey);
      await requireFlag(tx, project, keys.flagKey);
      const state = await loadWireState(tx, project.id, environment.id);
      const flag = state.flags[keys.flagKey];
      const result = evaluate(flag, context, {
        flag: (key) => state.flags[key],
        segment: (key) => state.segments[key],
      });
      return {
        flagKey: keys.flagKey,
        environmentKey: environment.key,
        environmentVersion: environment.version,
        flagVersion: flag?.version ?? 0,
        result,
      };
    });
  }
}
