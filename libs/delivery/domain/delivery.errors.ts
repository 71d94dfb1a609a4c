import { DomainError } from '@switchyard/kernel';

/** The delivery context's coded errors. */
export const DeliveryErrors = {
  environmentNotFound: (project: string, environment: string) =>
    new DomainError('NOT_FOUND', `Environment ${project}/${environment} not found`),
  keyEnvironmentGone: () => new DomainError('NOT_FOUND', "The SDK key's environment no longer exists"),
  tooManyStreams: (max: number) =>
    new DomainError(
      'RATE_LIMITED',
      `This SDK key already has ${max} streams open on this node (SSE_MAX_STREAMS_PER_KEY); close one, or raise the limit`,
      { extra: { maxStreamsPerKey: max } },
    ),
};
