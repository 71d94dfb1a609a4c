import type { EvaluationResult, FlagType } from '@switchyard/evaluation';

/** The flag type a default value asks for, as the typed getters do: boolean, string, number, else json. */
export function typeOfDefault(defaultValue: unknown): FlagType {
  switch (typeof defaultValue) {
    case 'boolean':
      return 'boolean';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    default:
      return 'json';
  }
}

/** The result before any snapshot arrived: the caller's default with PROVIDER_NOT_READY. */
export function notReady<T>(defaultValue: T): EvaluationResult<T> {
  return {
    value: defaultValue,
    reason: 'ERROR',
    errorCode: 'PROVIDER_NOT_READY',
    errorMessage: 'no snapshot yet',
    flagVersion: 0,
  };
}

/**
 * The result when the engine itself threw (it promises never to: this is the SDK's own guard against an engine
 * bug). The thrown value is not described: describing a hostile value could throw again.
 */
export function engineFailure<T>(defaultValue: T): EvaluationResult<T> {
  return {
    value: defaultValue,
    reason: 'ERROR',
    errorCode: 'GENERAL',
    errorMessage: 'the evaluation engine failed unexpectedly',
    flagVersion: 0,
  };
}
