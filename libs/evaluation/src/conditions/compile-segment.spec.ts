import { evaluate, type EvaluationLookup } from '../evaluate.js';
import type { Condition, Flag } from '../model/flag.js';
import type { Segment } from '../model/segment.js';
import { flagWithConditions } from '../testing/flag-builder.js';

function lookupOf(segments: Segment[]): EvaluationLookup {
  const byKey = new Map(segments.map((s) => [s.key, s]));
  return { flag: () => undefined, segment: (key) => byKey.get(key) };
}

function inSegment(flag: Flag, segments: Segment[], key: string, attributes: Record<string, string> = {}): boolean {
  const result = evaluate(flag, { key, ...attributes }, lookupOf(segments));
  return result.reason === 'TARGETING_MATCH';
}

const inBeta = (negate?: boolean): Condition => ({ segment: 'beta', negate });
const euConditions: Condition[] = [{ attribute: 'region', operator: 'in', values: ['eu'] }];

describe('segments', () => {
  const beta: Segment = {
    key: 'beta',
    included: ['alice', 'carol'],
    excluded: ['carol', 'dave'],
    conditions: euConditions,
  };
  const flag = flagWithConditions([inBeta()]);

  it('puts included keys in, even without matching conditions', () => {
    expect(inSegment(flag, [beta], 'alice')).toBe(true);
  });

  it('lets excluded beat included and conditions', () => {
    expect(inSegment(flag, [beta], 'carol')).toBe(false);
    expect(inSegment(flag, [beta], 'dave', { region: 'eu' })).toBe(false);
  });

  it('puts in contexts matching all its conditions', () => {
    expect(inSegment(flag, [beta], 'erin', { region: 'eu' })).toBe(true);
    expect(inSegment(flag, [beta], 'erin', { region: 'us' })).toBe(false);
  });

  it('puts nobody in by conditions when it has none', () => {
    expect(inSegment(flag, [{ key: 'beta', included: ['alice'] }], 'bob')).toBe(false);
    expect(inSegment(flag, [{ key: 'beta', conditions: [] }], 'bob')).toBe(false);
  });

  it('flips membership when negated', () => {
    const notBeta = flagWithConditions([inBeta(true)]);
    expect(inSegment(notBeta, [beta], 'alice')).toBe(false);
    expect(inSegment(notBeta, [beta], 'bob', { region: 'us' })).toBe(true);
  });

  it('never matches an unknown segment, negated or not', () => {
    expect(inSegment(flag, [], 'alice')).toBe(false);
    expect(inSegment(flagWithConditions([inBeta(true)]), [], 'alice')).toBe(false);
  });

  it('follows segments named in segment conditions', () => {
    const staff: Segment = { key: 'staff', included: ['sam'] };
    const nested: Segment = { key: 'beta', conditions: [{ segment: 'staff' }] };
    expect(inSegment(flag, [nested, staff], 'sam')).toBe(true);
    expect(inSegment(flag, [nested, staff], 'tom')).toBe(false);
  });

  it('stops at the depth cap on a segment cycle instead of overflowing the stack', () => {
    const loop: Segment = { key: 'beta', conditions: [{ segment: 'beta', negate: true }] };
    const result = evaluate(flag, { key: 'x' }, lookupOf([loop]));
    expect(['TARGETING_MATCH', 'DEFAULT']).toContain(result.reason);
  });

  it('matches key lists only against a string key', () => {
    const numeric: Segment = { key: 'beta', included: ['42'] };
    const result = evaluate(flag, { key: 42 } as never, lookupOf([numeric]));
    expect(result.reason).toBe('DEFAULT');
  });
});
