import { SseParser, type SseEvent } from './sse-parser.js';

function parse(chunks: string[]): { events: SseEvent[]; comments: string[] } {
  const events: SseEvent[] = [];
  const comments: string[] = [];
  const parser = new SseParser((event) => events.push(event), (comment) => comments.push(comment));
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
