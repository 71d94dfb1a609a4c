import { clipText } from './clip-text.js';

describe('clipText', () => {
  it('keeps safe text within the limit as it is', () => {
    expect(clipText('$.items[2].price', 200)).toBe('$.items[2].price');
    expect(clipText('😀', 2)).toBe('😀');
  });

  it('replaces NUL and lone surrogates, keeping pairs', () => {
    expect(clipText('a\u0000b', 10)).toBe('a\ufffdb');
    expect(clipText('"\ud800"', 10)).toBe('"\ufffd"');
    expect(clipText('\udc00😀', 10)).toBe('\ufffd😀');
  });

  it('cuts long text to the limit with an ellipsis, never inside a pair', () => {
    expect(clipText('x'.repeat(300), 200)).toBe(`${'x'.repeat(199)}…`);
    const cut = clipText(`${'x'.repeat(198)}😀😀`, 200);
    expect(cut).toBe(`${'x'.repeat(198)}…`);
    expect(cut.length).toBeLessThanOrEqual(200);
  });
});
