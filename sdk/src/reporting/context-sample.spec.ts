import { ContextSample } from './context-sample.js';

describe('ContextSample', () => {
  it('keeps at most its size of contexts per window, the first distinct keys', () => {
    const sample = new ContextSample(3, []);
    for (const key of ['a', 'b', 'a', 'c', 'd', 'e']) sample.offer({ key });
    expect(sample.take().map((context) => context.key)).toEqual(['a', 'b', 'c']);
  });

  it('starts a new window after take', () => {
    const sample = new ContextSample(2, []);
    sample.offer({ key: 'a' });
    sample.take();
    sample.offer({ key: 'a' });
    sample.offer({ key: 'b' });
    expect(sample.take().map((context) => context.key)).toEqual(['a', 'b']);
    expect(sample.take()).toEqual([]);
  });

  it('keeps the first sighting of a key and never copies private attributes', () => {
    const sample = new ContextSample(10, ['email', 'ip']);
    sample.offer({ key: 'u1', email: 'a@example.com', ip: '10.0.0.1', country: 'FR', groups: ['beta'] });
    sample.offer({ key: 'u1', country: 'DE' });
    expect(sample.take()).toEqual([{ key: 'u1', country: 'FR', groups: ['beta'] }]);
  });

  it('copies the context, so a later change by the host does not leak into the sample', () => {
    const sample = new ContextSample(10, []);
    const context = { key: 'u1', plan: 'free', groups: ['a'] };
    sample.offer(context);
    context.plan = 'pro';
    context.groups.push('b');
    expect(sample.take()).toEqual([{ key: 'u1', plan: 'free', groups: ['a'] }]);
  });

  it('keeps nothing at size 0', () => {
    const sample = new ContextSample(0, []);
    sample.offer({ key: 'a' });
    expect(sample.length).toBe(0);
    expect(sample.take()).toEqual([]);
  });

  it('ignores contexts without a usable key instead of throwing', () => {
    const sample = new ContextSample(10, []);
    sample.offer({ key: '' });
    sample.offer({ key: 42 } as never);
    sample.offer(null as never);
    expect(sample.take()).toEqual([]);
  });

  it('copies only what the service accepts, so one odd context never gets a batch refused', () => {
    const sample = new ContextSample(10, []);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const context = JSON.parse('{"key":"u1","__proto__":{"x":1},"constructor":"c","plan":"pro"}') as Record<
      string,
      unknown
    >;
    Object.assign(context, {
      big: 10n,
      nan: Number.NaN,
      date: new Date(0),
      cyclic,
      long: 'x'.repeat(257),
      nul: 'a\u0000b',
      lone: '\uD800',
      list: ['a', 'b'],
      mixed: ['a', 1],
      longList: Array.from({ length: 101 }, () => 'a'),
      [Symbol('s')]: 'hidden',
    });
    sample.offer(context as never);
    sample.offer({ key: 'k'.repeat(257) });
    sample.offer({ key: 'many', ...Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`a${i}`, i])) });
    const [first, many, ...rest] = sample.take();
    expect(first).toEqual({ key: 'u1', plan: 'pro', list: ['a', 'b'] });
    expect(JSON.stringify(first)).toBe('{"key":"u1","plan":"pro","list":["a","b"]}');
    expect(Object.keys(many!)).toHaveLength(100);
    expect(rest).toEqual([]);
  });

  it('puts back a failed batch within its bound, after what arrived meanwhile', () => {
    const sample = new ContextSample(2, []);
    sample.offer({ key: 'new' });
    sample.restore([{ key: 'old1' }, { key: 'new' }, { key: 'old2' }]);
    expect(sample.take().map((context) => context.key)).toEqual(['new', 'old1']);
  });
});
