import { validateSegment } from './validate-segment.js';

function codes(segment: unknown, env?: Parameters<typeof validateSegment>[1]): string[] {
  return validateSegment(segment, env).map((issue) => `${issue.path}:${issue.code}`);
}

describe('validateSegment', () => {
  it('accepts a well-formed segment', () => {
    expect(
      codes({
        key: 'beta',
        included: ['a'],
        excluded: ['b'],
        conditions: [{ attribute: 'plan', operator: 'in', values: ['pro'] }],
      }),
    ).toEqual([]);
  });

  it('refuses non-objects, bad keys and key lists that are not strings', () => {
    expect(codes(null)).toEqual([':INVALID_TYPE']);
    expect(codes({ key: '' })).toEqual(['key:REQUIRED']);
    expect(codes({ key: 'beta', included: [1], excluded: 'b' })).toEqual([
      'included:INVALID_TYPE',
      'excluded:INVALID_TYPE',
    ]);
  });

  it('checks its conditions like a flag does', () => {
    expect(codes({ key: 'beta', conditions: [{ attribute: 'age', operator: 'gt', values: ['x'] }] })).toEqual([
      'conditions[0].values[0]:INVALID_VALUE',
    ]);
  });

  it('refuses unknown segments and cycles between segments', () => {
    const loop = { key: 'a', conditions: [{ segment: 'b' }] };
    expect(codes(loop, { segments: {} })).toEqual(['conditions[0].segment:UNKNOWN_SEGMENT']);
    const issues = validateSegment(loop, { segments: { b: { key: 'b', conditions: [{ segment: 'a' }] } } });
    expect(issues).toEqual([
      { path: 'conditions[0].segment', code: 'SEGMENT_CYCLE', message: 'segment cycle: a → b → a; remove one link' },
    ]);
    expect(codes({ key: 'a', conditions: [{ segment: 'a' }] }, { segments: {} })).toEqual([
      'conditions[0].segment:SEGMENT_CYCLE',
    ]);
    expect(codes({ key: 'a', conditions: [{ segment: 'a' }] }, { segments: { a: { key: 'a' } } })).toEqual([
      'conditions[0].segment:SEGMENT_CYCLE',
    ]);
  });

  it('refuses nesting deeper than the engine follows', () => {
    const segments: Record<string, { key: string; conditions?: { segment: string }[] }> = {};
    for (let i = 0; i < 10; i++)
      segments[`s${i}`] = { key: `s${i}`, conditions: i < 9 ? [{ segment: `s${i + 1}` }] : undefined };
    expect(codes({ key: 'top', conditions: [{ segment: 's0' }] }, { segments })).toEqual([
      'conditions[0].segment:SEGMENT_DEPTH',
    ]);
  });
});
