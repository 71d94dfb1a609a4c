import { DomainError } from '@switchyard/kernel';

/**
 * The version a write is based on: the `If-Match: "<n>"` header (weak tags and bare numbers accepted) or
 * `baseVersion` in the body. When both are given they must agree.
 */
export function baseVersionOf(ifMatch: string | undefined, bodyVersion: number | undefined): number | undefined {
  let headerVersion: number | undefined;
  if (ifMatch !== undefined && ifMatch.trim() !== '') {
    const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(ifMatch);
    if (!match) {
      throw DomainError.validation('If-Match must be a config version, e.g. If-Match: "3"', [
        { path: 'If-Match', message: 'must be a quoted version number such as "3"', code: 'INVALID_IF_MATCH' },
      ]);
    }
    headerVersion = Number(match[1]);
  }
  if (headerVersion !== undefined && bodyVersion !== undefined && headerVersion !== bodyVersion) {
    throw DomainError.validation('If-Match and baseVersion disagree', [
      { path: 'baseVersion', message: `differs from If-Match (${headerVersion})`, code: 'BASE_VERSION_MISMATCH' },
    ]);
  }
  return headerVersion ?? bodyVersion;
}

/** The ETag of a config version. */
export function etagOf(version: number): string {
  return `"${version}"`;
}
