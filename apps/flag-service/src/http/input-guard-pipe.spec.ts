import type { ArgumentMetadata } from '@nestjs/common';
import { InputGuardPipe, MAX_BODY_DEPTH } from './input-guard-pipe.js';

describe('InputGuardPipe', () => {
  const pipe = new InputGuardPipe();
  const body: ArgumentMetadata = { type: 'body' };
  const refusal = (value: unknown, metadata: ArgumentMetadata) => {
    try {
      pipe.transform(value, metadata);
    } catch (error) {
      return error as { code: string; message: string; fields: Array<{ path: string; code: string }> };
    }
    throw new Error('accepted');
  };
  const nested = (depth: number): unknown => {
    let value: unknown = 1;
    for (let i = 0; i < depth; i += 1) value = i % 2 ? [value] : { a: value };
    return value;
  };

  it(`accepts a body nested ${MAX_BODY_DEPTH} levels deep and refuses one level more, naming where`, () => {
    expect(pipe.transform(nested(MAX_BODY_DEPTH), body)).toEqual(nested(MAX_BODY_DEPTH));
    const error = refusal(nested(MAX_BODY_DEPTH + 1), body);
    expect(error).toMatchObject({
      code: 'VALIDATION_FAILED',
      message: `The request body is nested deeper than ${MAX_BODY_DEPTH} levels`,
    });
    expect(error.fields).toEqual([
      expect.objectContaining({ code: 'TOO_DEEP', path: expect.stringMatching(/^a\.0\.a\./) }),
    ]);
  });

  it('refuses 10,000 levels of nesting without overflowing the stack', () => {
    expect(refusal(nested(10_000), body).fields[0]!.code).toBe('TOO_DEEP');
  });

  it('refuses NUL and lone surrogates anywhere in a body, in values and in member names, naming each field', () => {
    const error = refusal(
      { name: 'a\u0000b', rules: [{ values: ['ok', '\ud800'] }], ['k\udc00']: 1, fine: '😀' },
      body,
    );
    expect(error.fields.map((field) => [field.path, field.code])).toEqual([
      ['name', 'INVALID_TEXT'],
      ['rules.0.values.1', 'INVALID_TEXT'],
      ['k\udc00', 'INVALID_TEXT'],
    ]);
  });

  it('refuses NUL in a query parameter, naming it', () => {
    expect(refusal({ actor: '\u0000' }, { type: 'query' }).fields).toEqual([
      expect.objectContaining({ path: 'actor', code: 'INVALID_TEXT' }),
    ]);
  });

  it('checks path keys against the slug grammar, one by one or as a whole @Param()', () => {
    expect(pipe.transform('new-checkout', { type: 'param', data: 'flag' })).toBe('new-checkout');
    expect(refusal('Not A Slug', { type: 'param', data: 'project' }).fields).toEqual([
      expect.objectContaining({ path: 'project', code: 'INVALID_KEY' }),
    ]);
    const error = refusal({ project: 'shop', env: '\u0000', flag: 'x'.repeat(65) }, { type: 'param' });
    expect(error.fields.map((field) => [field.path, field.code])).toEqual([
      ['env', 'INVALID_TEXT'],
      ['flag', 'INVALID_KEY'],
    ]);
  });

  it('accepts version numbers from 1 to 2^31-1 in the path and refuses the rest', () => {
    for (const n of ['1', '2147483647']) expect(pipe.transform(n, { type: 'param', data: 'n' })).toBe(n);
    for (const n of ['0', '-1', '1.5', '1e3', '2147483648', '99999999999999999999', ' 1']) {
      expect(refusal(n, { type: 'param', data: 'n' }).fields).toEqual([
        expect.objectContaining({ path: 'n', code: 'OUT_OF_RANGE' }),
      ]);
    }
  });

  it('leaves ids free text (an unknown id is not found, not malformed) and custom arguments alone', () => {
    expect(pipe.transform('not-a-uuid', { type: 'param', data: 'id' })).toBe('not-a-uuid');
    expect(pipe.transform({ deep: nested(100) }, { type: 'custom' })).toEqual({ deep: nested(100) });
  });
});
