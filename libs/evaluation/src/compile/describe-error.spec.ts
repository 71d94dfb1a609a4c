import { describeError } from './describe-error.js';

const trap = () => {
  throw Object.create(null);
};

describe('describeError', () => {
  it("uses an Error's message, capped", () => {
    expect(describeError(new TypeError('bad'))).toBe('bad');
    expect(describeError(new Error('x'.repeat(10_000)))).toHaveLength(500);
  });

  it('describes primitives, Symbols and BigInts as text', () => {
    expect(describeError('text')).toBe('text');
    expect(describeError(Symbol('s'))).toBe('Symbol(s)');
    expect(describeError(10n)).toBe('10');
    expect(describeError(undefined)).toBe('undefined');
  });

  it('describes objects that cannot be turned into text by their tag, without calling them', () => {
    expect(describeError(Object.create(null))).toBe('[object Object]');
    expect(describeError({ toString: trap })).toBe('[object Object]');
    expect(describeError(null)).toBe('[object Null]');
  });

  it('survives a throwing message getter and a Proxy whose traps throw', () => {
    expect(describeError(Object.defineProperty(new Error('x'), 'message', { get: trap }))).toBe('[object Error]');
    expect(describeError(new Proxy({}, { getPrototypeOf: trap }))).toBe('[object Object]');
    expect(describeError(new Proxy({}, { get: trap, getPrototypeOf: trap }))).toBe('an unprintable value');
  });

  it('survives a revoked Proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeError(proxy)).toBe('an unprintable value');
  });
});
