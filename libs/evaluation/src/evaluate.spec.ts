import { evaluate } from './evaluate.js';
import type { EvaluationContext } from './model/context.js';
import type { Flag } from './model/flag.js';
import { booleanFlag, flagWithConditions } from './testing/flag-builder.js';

const alice: EvaluationContext = { key: 'alice', country: 'FR' };
const inFrance = flagWithConditions([{ attribute: 'country', operator: 'in', values: ['FR'] }]);

describe('evaluate', () => {
  it('serves the first matching rule with its id and TARGETING_MATCH', () => {
    const flag = booleanFlag({
      rules: [
        {
          id: 'not-me',
          conditions: [{ attribute: 'country', operator: 'in', values: ['DE'] }],
          serve: { variant: 'off' },
        },
        {
          id: 'france',
          conditions: [{ attribute: 'country', operator: 'in', values: ['FR'] }],
          serve: { variant: 'on' },
        },
        { id: 'later', conditions: [], serve: { variant: 'off' } },
      ],
    });
    expect(evaluate(flag, alice)).toEqual({
      value: true,
      variant: 'on',
      reason: 'TARGETING_MATCH',
      ruleId: 'france',
      flagVersion: 7,
    });
  });

  it('serves the fallthrough with DEFAULT when no rule matches', () => {
    expect(evaluate(inFrance, { key: 'bob', country: 'US' })).toEqual({
      value: false,
      variant: 'off',
      reason: 'DEFAULT',
      flagVersion: 7,
    });
  });

  it('serves the off variant with DISABLED while the flag is off', () => {
    expect(evaluate({ ...inFrance, on: false }, alice)).toEqual({
      value: false,
      variant: 'off',
      reason: 'DISABLED',
      flagVersion: 7,
    });
  });

  it('serves the off variant while the flag is killed, even when it is also off', () => {
    const killed = { at: '2026-01-01T00:00:00Z', by: 'ops' };
    expect(evaluate({ ...inFrance, killed }, alice).reason).toBe('KILLED');
    expect(evaluate({ ...inFrance, killed, on: false }, alice)).toEqual({
      value: false,
      variant: 'off',
      reason: 'KILLED',
      flagVersion: 7,
    });
    expect(evaluate({ ...inFrance, killed: null }, alice).reason).toBe('TARGETING_MATCH');
  });

  it('returns FLAG_NOT_FOUND with the default and version 0 when there is no flag', () => {
    expect(evaluate(undefined, alice, undefined, { defaultValue: 'dflt' })).toMatchObject({
      value: 'dflt',
      reason: 'ERROR',
      errorCode: 'FLAG_NOT_FOUND',
      flagVersion: 0,
    });
    expect(evaluate(null, alice).value).toBeNull();
  });

  it('returns PARSE_ERROR for a flag that cannot be compiled', () => {
    const broken = { ...inFrance, rules: 'nope' } as unknown as Flag;
    const result = evaluate(broken, alice, undefined, { defaultValue: true });
    expect(result).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'PARSE_ERROR', flagVersion: 7 });
    expect(result.errorMessage).toContain('rules');
    expect(result.variant).toBeUndefined();
  });

  it('checks the expected type after parsing and before everything else', () => {
    const result = evaluate({ ...inFrance, killed: { at: 'x', by: 'y' } }, alice, undefined, {
      defaultValue: 'x',
      expectedType: 'string',
    });
    expect(result).toMatchObject({ value: 'x', reason: 'ERROR', errorCode: 'TYPE_MISMATCH', flagVersion: 7 });
    expect(evaluate(inFrance, alice, undefined, { expectedType: 'boolean' }).reason).toBe('TARGETING_MATCH');
  });

  it('returns TARGETING_KEY_MISSING for a context that is not an object, before the kill switch', () => {
    for (const context of [null, undefined, 'alice', 42, ['alice']]) {
      const result = evaluate({ ...inFrance, killed: { at: 'x', by: 'y' } }, context as never, undefined, {
        defaultValue: false,
      });
      expect(result).toMatchObject({ value: false, reason: 'ERROR', errorCode: 'TARGETING_KEY_MISSING' });
    }
  });

  it('needs no key when nothing buckets by it', () => {
    expect(evaluate(inFrance, { country: 'FR' } as never).reason).toBe('TARGETING_MATCH');
    expect(evaluate(inFrance, { key: '' }).reason).toBe('DEFAULT');
  });

  it('returns TYPE_MISMATCH when the served variant does not fit the flag type', () => {
    const flag = booleanFlag({ variants: { on: 'yes', off: false }, fallthrough: { variant: 'on' } });
    expect(evaluate(flag, alice, undefined, { defaultValue: false })).toMatchObject({
      value: false,
      reason: 'ERROR',
      errorCode: 'TYPE_MISMATCH',
      flagVersion: 7,
    });
    expect(evaluate({ ...flag, on: false }, alice).reason).toBe('DISABLED');
  });

  it('returns GENERAL when a serve or the off variant names an unknown variant', () => {
    const unknownServe = booleanFlag({ fallthrough: { variant: 'ghost' } });
    expect(evaluate(unknownServe, alice, undefined, { defaultValue: true })).toMatchObject({
      value: true,
      reason: 'ERROR',
      errorCode: 'GENERAL',
    });
    const unknownOff = booleanFlag({ offVariant: 'ghost', on: false });
    expect(evaluate(unknownOff, alice).errorCode).toBe('GENERAL');
  });

  it('serves number, string and json values, json ones frozen', () => {
    const json = booleanFlag({
      type: 'json',
      variants: { a: { layout: ['grid'] } },
      offVariant: 'a',
      fallthrough: { variant: 'a' },
    });
    const value = evaluate(json, alice).value as { layout: string[] };
    expect(value).toEqual({ layout: ['grid'] });
    expect(Object.isFrozen(value) && Object.isFrozen(value.layout)).toBe(true);
    const number = booleanFlag({
      type: 'number',
      variants: { a: 1.5 },
      offVariant: 'a',
      fallthrough: { variant: 'a' },
    });
    expect(evaluate(number, alice).value).toBe(1.5);
    const infinite = booleanFlag({
      type: 'number',
      variants: { a: Infinity },
      offVariant: 'a',
      fallthrough: { variant: 'a' },
    });
    expect(evaluate(infinite, alice).errorCode).toBe('TYPE_MISMATCH');
  });

  it('returns the same frozen result object for repeated evaluations (no allocation per call)', () => {
    const first = evaluate(inFrance, alice);
    expect(evaluate(inFrance, { key: 'other', country: 'FR' })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it('survives a lookup that throws, treating it as finding nothing', () => {
    const flag = flagWithConditions([{ segment: 'beta' }], { prerequisites: [{ flag: 'base', variants: ['on'] }] });
    const throwing = {
      flag: () => {
        throw new Error('store down');
      },
      segment: () => {
        throw new Error('store down');
      },
    };
    expect(evaluate(flag, alice, throwing).reason).toBe('PREREQUISITE_FAILED');
    expect(evaluate(flagWithConditions([{ segment: 'beta' }]), alice, throwing).reason).toBe('DEFAULT');
  });

  it('returns GENERAL instead of throwing when a context attribute getter throws', () => {
    const context = {
      key: 'k',
      get country(): string {
        throw new Error('boom');
      },
    };
    expect(evaluate(inFrance, context, undefined, { defaultValue: false })).toMatchObject({
      value: false,
      reason: 'ERROR',
      errorCode: 'GENERAL',
    });
  });
});
