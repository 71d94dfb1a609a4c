import type { SemanticVersion } from './semver.js';

/**
 * Semver for the context's side of a condition, without allocating: `scanSemver` checks a string in place and
 * keeps the offsets of its parts; `compareScanned` orders the scanned string against a version parsed at
 * compile time. Same grammar and precedence as `parseSemver` / `compareSemver` (a property test holds them
 * equal). The offsets are shared module state, safe because scanning and comparing call no host code.
 */

const MAX_VERSION_LENGTH = 256;
let text = '';
let valid = false;
/** [majorStart, majorEnd, minorStart, minorEnd, patchStart, patchEnd, preStart, preEnd]; preStart -1: none. */
const at = new Int32Array(8);

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

function isIdentifierChar(code: number): boolean {
  return isDigit(code) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 45;
}

/** A numeric part `0|[1-9][0-9]*` from `start`; its end, or -1. */
function numeric(start: number): number {
  let end = start;
  while (end < text.length && isDigit(text.charCodeAt(end))) end++;
  if (end === start || (end - start > 1 && text.charCodeAt(start) === 48)) return -1;
  return end;
}

/** Dot-separated identifiers from `start`; their end, or -1. Pre-release ones refuse numeric leading zeros. */
function identifiers(start: number, prerelease: boolean): number {
  let end = start;
  for (;;) {
    const from = end;
    let allDigits = true;
    while (end < text.length && isIdentifierChar(text.charCodeAt(end))) {
      if (!isDigit(text.charCodeAt(end))) allDigits = false;
      end++;
    }
    if (end === from) return -1;
    if (prerelease && allDigits && end - from > 1 && text.charCodeAt(from) === 48) return -1;
    if (end === text.length || text.charCodeAt(end) !== 46) return end;
    end++;
  }
}

function scan(): boolean {
  if (text.length > MAX_VERSION_LENGTH) return false;
  let end = 0;
  for (let part = 0; part < 3; part++) {
    const start = end;
    end = numeric(start);
    if (end < 0) return false;
    at[part * 2] = start;
    at[part * 2 + 1] = end;
    if (part < 2) {
      if (text.charCodeAt(end) !== 46) return false;
      end++;
    }
  }
  at[6] = -1;
  if (end < text.length && text.charCodeAt(end) === 45) {
    at[6] = end + 1;
    end = identifiers(end + 1, true);
    if (end < 0) return false;
    at[7] = end;
  }
  if (end < text.length && text.charCodeAt(end) === 43) end = identifiers(end + 1, false);
  return end === text.length;
}

/** Whether `value` is a strict semver 2.0.0 string; when it is, `compareScanned` compares it. */
export function scanSemver(value: string): boolean {
  if (value !== text) {
    text = value;
    valid = scan();
  }
  return valid;
}

/** Orders digits text[start, end) against the digit string `other` (any size). */
function compareDigits(start: number, end: number, other: string): number {
  if (end - start !== other.length) return end - start < other.length ? -1 : 1;
  for (let i = 0; i < other.length; i++) {
    const difference = text.charCodeAt(start + i) - other.charCodeAt(i);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}

function allDigits(start: number, end: number): boolean {
  for (let i = start; i < end; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
}

/** Orders the pre-release identifier text[start, end) against `other`, by semver rule 11. */
function compareIdentifier(start: number, end: number, other: string): number {
  const numeric = allDigits(start, end);
  let otherNumeric = true;
  for (let i = 0; i < other.length && otherNumeric; i++) otherNumeric = isDigit(other.charCodeAt(i));
  if (numeric && otherNumeric) return compareDigits(start, end, other);
  if (numeric !== otherNumeric) return numeric ? -1 : 1;
  const shared = Math.min(end - start, other.length);
  for (let i = 0; i < shared; i++) {
    const difference = text.charCodeAt(start + i) - other.charCodeAt(i);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return end - start === other.length ? 0 : end - start < other.length ? -1 : 1;
}

function comparePrerelease(version: SemanticVersion): number {
  const other = version.prerelease;
  if (at[6] < 0 || other.length === 0) return at[6] < 0 && other.length === 0 ? 0 : at[6] < 0 ? 1 : -1;
  let start = at[6];
  for (let i = 0; ; i++) {
    if (i === other.length) return 1;
    let end = start;
    while (end < at[7] && text.charCodeAt(end) !== 46) end++;
    const order = compareIdentifier(start, end, other[i]);
    if (order !== 0) return order;
    if (end === at[7]) return i + 1 === other.length ? 0 : -1;
    start = end + 1;
  }
}

/** Semver precedence of the last string `scanSemver` accepted against `version`: negative, 0 or positive. */
export function compareScanned(version: SemanticVersion): number {
  return (
    compareDigits(at[0], at[1], version.major) ||
    compareDigits(at[2], at[3], version.minor) ||
    compareDigits(at[4], at[5], version.patch) ||
    comparePrerelease(version)
  );
}
