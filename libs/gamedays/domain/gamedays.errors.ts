import { DomainError, type FieldError } from '@switchyard/kernel';

/** One thing a run's pre-checks found missing. */
export interface MissingCheck {
  code:
    | 'NO_WEBHOOKS'
    | 'NO_CONNECTED_SDKS'
    | 'TARGET_NOT_CONNECTED'
    | 'FLAG_NOT_FAULT'
    | 'FLAG_KILLED'
    | 'FAULT_ALREADY_ON';
  message: string;
}

/** The game-days context's coded errors (the HTTP layer maps codes to statuses). */
export const GameDaysErrors = {
  invalid: (fields: FieldError[]) => DomainError.validation('The game-day plan is invalid', fields),
  notFound: (id: string) =>
    new DomainError('NOT_FOUND', `Game day ${id} not found in this environment`, {
      fields: [{ path: 'id', message: 'no such game day here', code: 'NOT_FOUND' }],
    }),
  state: (action: string, status: string, version: number) =>
    new DomainError('VERSION_CONFLICT', `The game day is ${status}: it cannot be ${action}`, {
      extra: { currentVersion: version, status },
    }),
  precheck: (missing: MissingCheck[]) =>
    new DomainError('PRECHECK_FAILED', `Pre-checks failed: ${missing.map((m) => m.message).join('; ')}`, {
      extra: { missing },
    }),
  field: (path: string, code: string, message: string) => DomainError.validation(message, [{ path, code, message }]),
};
