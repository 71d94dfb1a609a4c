/** A parsed semantic version (2.0.0); numeric parts are kept as digit strings so any size compares right. */
export interface SemanticVersion {
  readonly major: string;
  readonly minor: string;
  readonly patch: string;
  /** Pre-release identifiers; empty for a release. Build metadata is dropped (it has no precedence). */
  readonly prerelease: readonly string[];
}

const NUMERIC = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:${NUMERIC}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const SEMVER = new RegExp(
  `^(${NUMERIC})\\.(${NUMERIC})\\.(${NUMERIC})` +
    `(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?` +
    '(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$',
);
const MAX_VERSION_LENGTH = 256;
const DIGITS = /^\d+$/;

/** Parses a strict semver 2.0.0 string (no leading `v`, no leading zeros); undefined when invalid. */
export function parseSemver(value: unknown): SemanticVersion | undefined {
  if (typeof value !== 'string' || value.length > MAX_VERSION_LENGTH) return undefined;
  const match = SEMVER.exec(value);
  if (match === null) return undefined;
  return {
    major: match[1],
    minor: match[2],
    patch: match[3],
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
  };
}

function compareNumeric(a: string, b: string): number {
  if (a.length !== b.length) return a.length < b.length ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

function compareIdentifier(a: string, b: string): number {
  const aNumeric = DIGITS.test(a);
  const bNumeric = DIGITS.test(b);
  if (aNumeric && bNumeric) return compareNumeric(a, b);
  if (aNumeric !== bNumeric) return aNumeric ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

/** Semver 2.0.0 precedence: negative when `a` < `b`, 0 when equal (build metadata ignored), positive else. */
export function compareSemver(a: SemanticVersion, b: SemanticVersion): number {
  const core = compareNumeric(a.major, b.major) || compareNumeric(a.minor, b.minor) || compareNumeric(a.patch, b.patch);
  if (core !== 0) return core;
  const aPre = a.prerelease;
  const bPre = b.prerelease;
  if (aPre.length === 0 || bPre.length === 0) return bPre.length - aPre.length === 0 ? 0 : aPre.length === 0 ? 1 : -1;
  const shared = Math.min(aPre.length, bPre.length);
  for (let i = 0; i < shared; i++) {
    const order = compareIdentifier(aPre[i], bPre[i]);
    if (order !== 0) return order;
  }
  return aPre.length === bPre.length ? 0 : aPre.length < bPre.length ? -1 : 1;
}
