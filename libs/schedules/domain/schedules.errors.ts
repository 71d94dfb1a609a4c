import { DomainError } from '@switchyard/kernel';
import type { ScheduledChangeState } from './scheduled-change.js';

/** The schedules context's coded errors. */
export const SchedulesErrors = {
  notFound(id: string): DomainError {
    return new DomainError('NOT_FOUND', `No scheduled change "${id}" in this environment`, {
      fields: [{ path: 'id', message: 'not found' }],
    });
  },
  invalid(path: string, message: string, code: string): DomainError {
    return DomainError.validation(`Scheduled change: ${path} ${message}`, [{ path, message, code }]);
  },
  notPending(id: string, state: ScheduledChangeState): DomainError {
    return new DomainError(
      'VERSION_CONFLICT',
      `Scheduled change "${id}" is ${state}; only a pending one can be cancelled`,
      {
        extra: { state },
      },
    );
  },
  tooMany(limit: number): DomainError {
    return DomainError.validation(`This environment already has ${limit} pending scheduled changes`, [
      { path: 'at', message: `at most ${limit} pending changes per environment`, code: 'TOO_MANY_PENDING' },
    ]);
  },
};
