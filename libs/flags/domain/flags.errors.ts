import { DomainError, type FieldError } from '@switchyard/kernel';
import type { ValidationIssue } from '@switchyard/evaluation';

/** The flags context's coded errors; use cases throw these, the HTTP layer maps their codes. */
export const FlagsErrors = {
  notFound(what: 'project' | 'environment' | 'flag' | 'segment' | 'version', key: string | number): DomainError {
    return new DomainError('NOT_FOUND', `No ${what} "${key}"`, { fields: [{ path: what, message: 'not found' }] });
  },
  alreadyExists(what: 'project' | 'environment' | 'flag' | 'segment', key: string): DomainError {
    return new DomainError('ALREADY_EXISTS', `A ${what} with key "${key}" already exists`, {
      fields: [{ path: 'key', message: 'already exists', code: 'ALREADY_EXISTS' }],
    });
  },
  invalid(message: string, issues: ReadonlyArray<ValidationIssue | FieldError>): DomainError {
    return DomainError.validation(
      message,
      issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code })),
    );
  },
  staleVersion(baseVersion: number, currentVersion: number, what: 'config' | 'segment' = 'config'): DomainError {
    return DomainError.versionConflict(
      `The ${what} changed since version ${baseVersion}; it is now at version ${currentVersion}. Reload and retry.`,
      currentVersion,
    );
  },
  baseVersionRequired(): DomainError {
    return DomainError.validation(
      'This write needs the version it is based on: an If-Match: "<n>" header or baseVersion',
      [{ path: 'baseVersion', message: 'required (or If-Match header)', code: 'BASE_VERSION_REQUIRED' }],
    );
  },
  archived(flagKey: string): DomainError {
    return DomainError.validation(`Flag "${flagKey}" is archived; its configs cannot change`, [
      { path: 'flag', message: 'is archived', code: 'ARCHIVED' },
    ]);
  },
};
