import { DomainError, type FieldError } from '@switchyard/kernel';

/** The rollouts context's coded errors (the HTTP layer maps codes to statuses). */
export const RolloutsErrors = {
  invalid: (message: string, fields: FieldError[]) => DomainError.validation(message, fields),
  noPlan: (flagKey: string) =>
    new DomainError('NOT_FOUND', `Flag ${flagKey} has no ramp plan in this environment`, {
      fields: [{ path: 'flag', message: 'has no ramp plan here', code: 'NO_RAMP_PLAN' }],
    }),
  unknownEnvironment: (environmentKey: string) =>
    new DomainError('NOT_FOUND', `Environment ${environmentKey} not found`, {
      fields: [{ path: 'environment', message: 'not found', code: 'NOT_FOUND' }],
    }),
  notDarkLaunch: (flagKey: string) =>
    DomainError.validation(`Flag ${flagKey} is not a dark-launch flag`, [
      {
        path: 'flag',
        message: 'a ramp plan needs a dark-launch flag: a string flag whose variants are exactly off, shadow, live',
        code: 'NOT_DARK_LAUNCH',
      },
    ]),
  stale: (currentVersion: number) =>
    DomainError.versionConflict('The ramp plan changed since the version this edit is based on', currentVersion),
  baseVersionRequired: () =>
    DomainError.validation('Editing a ramp plan needs the version it is based on', [
      { path: 'If-Match', message: 'send the plan version, e.g. If-Match: "3"', code: 'BASE_VERSION_REQUIRED' },
    ]),
  notIn: (action: string, state: string, allowed: string) =>
    DomainError.validation(`A ${state} plan cannot be ${action}`, [
      { path: 'state', message: `is ${state}; only a ${allowed} plan can be ${action}`, code: 'INVALID_STATE' },
    ]),
};
