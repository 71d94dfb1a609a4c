import fc from 'fast-check';

/** JSON text placed verbatim in a generated body (nesting too deep to build as an object first). */
export class RawJson {
  constructor(readonly text: string) {}
}

/** `depth` levels of nested arrays or objects around one value, as JSON text. */
export function nested(depth: number, kind: 'array' | 'object'): RawJson {
  return kind === 'array'
    ? new RawJson('['.repeat(depth) + '1' + ']'.repeat(depth))
    : new RawJson('{"a":'.repeat(depth) + '1' + '}'.repeat(depth));
}

/** Serialises a generated value; RawJson parts go in as they are. */
export function toJsonText(value: unknown): string {
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value))
    return `[${value.map((item) => (item === undefined ? 'null' : toJsonText(item))).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const members = Object.entries(value).filter(([, item]) => item !== undefined);
    return `{${members.map(([key, item]) => `${JSON.stringify(key)}:${toJsonText(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((code) => String.fromCharCode(code));

/** Strings a careful service must survive: NUL, lone surrogates, control and odd characters, huge ones. */
export const oddString: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '\u0000',
      'a\u0000b',
      '\ud800',
      'x\udfff',
      '\udc00\ud800',
      'ok\ud83d',
      '',
      ' ',
      '  padded  ',
    ),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'UPPER',
      '..',
      '.',
      '-lead',
      'a/b',
      'a%2Fb',
      '%',
      '\\',
      "'; DROP TABLE flags; --",
      '💥',
      '__proto__',
      'constructor',
    ),
  },
  { weight: 3, arbitrary: fc.string({ unit: anyUnit, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.constantFrom(65, 201, 1001, 20_000, 100_000).map((n) => 'x'.repeat(n)) },
);

/** Numbers around every boundary a column or a parser has. */
export const oddNumber: fc.Arbitrary<number> = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 2 ** 31 - 1, 2 ** 31, 2 ** 53, 1e20, -1e20, Number.MAX_VALUE, -Number.MIN_VALUE),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);

/** Integers as text, for path and query parameters. */
export const oddIntegerText: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '0',
      '-1',
      '1.5',
      '1e3',
      '0x10',
      ' 1',
      '2147483648',
      '9007199254740993',
      '9223372036854775808',
      '9999999999999999999',
      '99999999999999999999',
      '1'.repeat(400),
    ),
  },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** Any value a field might be sent instead of the one it expects. */
export const oddValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: oddString },
  { weight: 2, arbitrary: oddNumber },
  { weight: 2, arbitrary: fc.constantFrom(null, true, false, [], {}, [null], { '': null }) },
  { weight: 1, arbitrary: fc.array(oddString, { maxLength: 3 }) },
  { weight: 1, arbitrary: fc.dictionary(oddString, oddString, { maxKeys: 3 }) },
  {
    weight: 1,
    arbitrary: fc
      .constantFrom(31, 32, 33, 10_000)
      .chain((depth) => fc.constantFrom(nested(depth, 'array'), nested(depth, 'object'))),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Whole bodies that are not the object a route expects. */
export const oddBody: fc.Arbitrary<RawJson> = fc.oneof(
  fc
    .constantFrom(
      'null',
      '[]',
      '{}',
      '"text"',
      '42',
      'true',
      '{',
      '{"a":',
      '',
      '[[]]',
      '{"__proto__":{"x":1}}',
      '{"constructor":{"prototype":{}}}',
    )
    .map((text) => new RawJson(text)),
  fc
    .constantFrom(33, 1_000, 10_000, 10_000, 100_000)
    .chain((depth) => fc.constantFrom(nested(depth, 'array'), nested(depth, 'object'))),
);

/** Percent-encodes a path or query value; lone surrogates (which encodeURIComponent refuses) as WTF-8 bytes. */
export function encodeValue(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return [...value]
      .map((char) => {
        const code = char.charCodeAt(0);
        if (char.length === 1 && code >= 0xd800 && code <= 0xdfff) {
          return [0xe0 | (code >> 12), 0x80 | ((code >> 6) & 0x3f), 0x80 | (code & 0x3f)]
            .map((b) => `%${b.toString(16).toUpperCase()}`)
            .join('');
        }
        return encodeURIComponent(char);
      })
      .join('');
  }
}
