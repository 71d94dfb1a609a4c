import { booleanFlag } from '../testing/flag-builder.js';
import { parseSnapshot } from './parse-snapshot.js';

describe('parseSnapshot', () => {
  it('accepts a snapshot and returns it', () => {
    const flag = booleanFlag({ key: 'a' });
    const result = parseSnapshot({ version: 2, flags: { a: flag }, segments: { s: { key: 's' } } });
    expect(result).toEqual({ ok: true, snapshot: { version: 2, flags: { a: flag }, segments: { s: { key: 's' } } } });
  });

  it('fills in missing segments', () => {
    const result = parseSnapshot({ version: 0, flags: {} });
    expect(result.ok && result.snapshot.segments).toEqual({});
  });

  it('refuses a bad envelope with paths', () => {
    expect(parseSnapshot('x')).toMatchObject({ ok: false, issues: [{ path: '', code: 'INVALID_TYPE' }] });
    const result = parseSnapshot({ version: -1, flags: { a: 3, b: { key: 'c' } }, segments: [] });
    expect(result.ok ? [] : result.issues.map((i) => `${i.path}:${i.code}`)).toEqual([
      'version:INVALID_TYPE',
      'flags.a:INVALID_TYPE',
      'flags.b.key:KEY_MISMATCH',
      'segments:INVALID_TYPE',
    ]);
  });

  it('does not refuse a snapshot for one flag whose content is malformed', () => {
    expect(parseSnapshot({ version: 1, flags: { a: { key: 'a', rules: 'nope' } }, segments: {} }).ok).toBe(true);
  });
});
