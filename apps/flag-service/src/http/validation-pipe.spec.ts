import { codeOf } from './validation-pipe.js';

describe('codeOf', () => {
  it('maps class-validator constraints to the one vocabulary of field codes', () => {
    expect(codeOf('whitelistValidation', 'x')).toBe('UNKNOWN_FIELD');
    expect(codeOf('isInt', 'x')).toBe('INVALID_TYPE');
    expect(codeOf('maxLength', 'x')).toBe('TOO_LONG');
    expect(codeOf('arrayMaxSize', [])).toBe('TOO_MANY');
    expect(codeOf('length', '')).toBe('REQUIRED');
    expect(codeOf('length', 'x'.repeat(300))).toBe('TOO_LONG');
  });

  it('writes any other constraint in UPPER_SNAKE_CASE', () => {
    expect(codeOf('isUuid', 'x')).toBe('IS_UUID');
    expect(codeOf('arrayNotEmpty', [])).toBe('ARRAY_NOT_EMPTY');
  });
});
