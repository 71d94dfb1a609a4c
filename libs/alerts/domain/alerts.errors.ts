import { DomainError, type FieldError } from '@switchyard/kernel';

/** Errors of the alerts context. Messages never carry a webhook's secret. */
export const AlertsErrors = {
  projectNotFound: (project: string) =>
    new DomainError('NOT_FOUND', `No project "${project}"`, { fields: [{ path: 'project', message: 'not found' }] }),
  webhookNotFound: (project: string, id: string) =>
    new DomainError('NOT_FOUND', `No webhook ${id} in project "${project}"`, {
      fields: [{ path: 'id', message: 'not found' }],
    }),
  invalid: (fields: FieldError[]) => DomainError.validation('The webhook is invalid', fields),
  tooMany: (max: number) =>
    DomainError.validation(`A project has at most ${max} webhooks`, [
      { path: 'project', code: 'TOO_MANY', message: `at most ${max} webhooks` },
    ]),
};
