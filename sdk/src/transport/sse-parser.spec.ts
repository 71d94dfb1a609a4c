import { SseParser, type SseEvent } from './sse-parser.js';

function parse(chunks: string[]): { events: SseEvent[]; comments: string[] } {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const parser = new SseParser(
    (event) => events.push(event),
    (comment) => comments.push(comment),
  );
  for (const chunk of chunks) parser.push(chunk);
  return { events, comments };
}

describe('SseParser', () => {
  it('frames events with their name, id and data', () => {
    const { events } = parse(['event: patch\nid: 7\ndata: {"version":7}\n\n']);
    expect(events).toEqual([{ event: 'patch', id: '7', data: '{"version":7}' }]);
  });

  it('reassembles events split at every possible byte, keeping the last id as the spec says', () => {
    const text = 'event: snapshot\r\nid: 3\r\ndata: {"a":1}\r\n\r\nevent: patch\rdata: x\r\r';
    for (let cut = 1; cut < text.length; cut += 1) {
      const { events } = parse([text.slice(0, cut), text.slice(cut)]);
      expect(events).toEqual([
        { event: 'snapshot', id: '3', data: '{"a":1}' },
        { event: 'patch', id: '3', data: 'x' },
      ]);
    }
  });

  it('joins multi-line data with newlines and defaults the name to message', () => {
    const { events } = parse(['data: one\ndata:two\n\n']);
    expect(events).toEqual([{ event: 'message', data: 'one\ntwo' }]);
  });

  it('reports comments such as heartbeats and dispatches nothing for them', () => {
    const { events, comments } = parse([': heartbeat\n\n']);
    expect(events).toEqual([]);
    expect(comments).toEqual(['heartbeat']);
  });

  it('holds back an event until its blank line arrives', () => {
    const { events } = parse(['event: patch\ndata: {}\n']);
    expect(events).toEqual([]);
  });
});

describe('SseParser fields', () => {
  it('reads a field without a colon as an empty value, even when a later line has a colon', () => {
    const { events } = parse(['data\ndata: a: b\nevent\n\n']);
    expect(events).toEqual([{ event: 'message', data: '\na: b' }]);
  });

  it('strips one space after the colon only, keeps empty values, and ignores unknown fields and ids with NUL', () => {
    const { events } = parse(['id: 1\ndata:  two spaces\ndata:\nretry: 5\ndatum: x\nid: 2\0\n\n']);
    expect(events).toEqual([{ event: 'message', id: '1', data: ' two spaces\n' }]);
  });

  it('frames many events and lines of one chunk, with LF, CR and CRLF mixed, as it frames them one by one', () => {
    const frames = Array.from({ length: 40 }, (_, i) => {
      const end = ['\n', '\r', '\r\n'][i % 3]!;
      return `event: e${i}${end}id: ${i}${end}data: {"n":${i}}${end}data: more${end}: note ${i}${end}${end}`;
    });
    const whole = parse([frames.join('')]);
    const apart = parse(frames);
    expect(whole.events).toHaveLength(40);
    expect(whole.events[39]).toEqual({ event: 'e39', id: '39', data: '{"n":39}\nmore' });
    expect(apart).toEqual(whole);
    expect(whole.comments).toHaveLength(40);
  });
});

describe('SseParser.pushBytes', () => {
  const text =
    '\ufeffevent: patch\r\nid: 9\r\ndata: {"reason":"café ☕ 🚀"}\r\n\r\n: heartbeat\n\nevent: x\rdata: é\r\r';
  const bytes = Buffer.from(text, 'utf8');

  function parseBytes(chunks: Buffer[]): { events: SseEvent[]; comments: string[] } {
    const events: SseEvent[] = [];
    const comments: string[] = [];
    const parser = new SseParser(
      (event) => events.push(event),
      (comment) => comments.push(comment),
    );
    for (const chunk of chunks) parser.pushBytes(chunk);
    return { events, comments };
  }

  it('decodes the same events wherever the bytes are split, even inside a multi-byte character', () => {
    for (let cut = 1; cut < bytes.length; cut += 1) {
      const { events, comments } = parseBytes([bytes.subarray(0, cut), bytes.subarray(cut)]);
      expect(events).toEqual([
        { event: 'patch', id: '9', data: '{"reason":"café ☕ 🚀"}' },
        { event: 'x', id: '9', data: 'é' },
      ]);
      expect(comments).toEqual(['heartbeat']);
    }
  });

  it('decodes an event delivered one byte at a time', () => {
    const chunks = [...bytes].map((byte) => Buffer.from([byte]));
    expect(parseBytes(chunks).events).toHaveLength(2);
  });

  it('strips a byte order mark only at the start of the stream', () => {
    const { events } = parseBytes([Buffer.from('\ufeffdata: a\n\n'), Buffer.from('data: \ufeffb\n\n')]);
    expect(events.map((event) => event.data)).toEqual(['a', '\ufeffb']);
  });
});
