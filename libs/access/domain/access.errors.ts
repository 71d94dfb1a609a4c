import { DomainError } from '@switchyard/kernel';

/** Errors of the access context. Messages never echo the presented secret. */
export const AccessErrors = {
  missingCredential: () => new DomainError('UNAUTHENTICATED', 'This route needs an Authorization: Bearer credential'),
  invalidCredential: () => new DomainError('UNAUTHENTICATED', 'The credential is unknown or revoked'),
  sdkKeyOnAdminRoute: () => new DomainError('FORBIDDEN', 'SDK keys may only call the SDK API'),
  adminTokenOnSdkRoute: () => new DomainError('FORBIDDEN', 'This route takes an SDK key, not an admin token'),
  insufficientRole: (required: string) => new DomainError('FORBIDDEN', `This route needs the ${required} role`),
  tooManyFailures: (retryAfterSeconds: number) =>
    new DomainError('RATE_LIMITED', 'Too many failed authentication attempts; try again later', {
      extra: { retryAfterSeconds },
    }),
  tokenNotFound: (id: string) => new DomainError('NOT_FOUND', `No admin token with id ${id}`),
  sdkKeyNotFound: (id: string) => new DomainError('NOT_FOUND', `No SDK key with id ${id}`),
  projectNotFound: (project: string) =>
    new DomainError('NOT_FOUND', `No project "${project}"`, { fields: [{ path: 'project', message: 'not found' }] }),
  environmentNotFound: (project: string, environment: string) =>
    new DomainError('NOT_FOUND', `No environment "${environment}" in project "${project}"`, {
      fields: [{ path: 'environment', message: 'not found' }],
    }),
  /** The 404 of a failed <project>/<environment> lookup, naming the key that names nothing. */
  noSuch: (missing: 'project' | 'environment', project: string, environment: string) =>
    missing === 'project'
      ? AccessErrors.projectNotFound(project)
      : AccessErrors.environmentNotFound(project, environment),
};
