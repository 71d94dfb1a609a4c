/** One Server-Sent Event as framed on the wire. */
export interface SseEvent {
  /** The `event:` field; `message` when absent. */
  event: string;
  /** The `data:` lines joined with newlines. */
  data: string;
  /** The `id:` field, when the event carried one. */
  id?: string;
}

/**
 * An incremental Server-Sent Events parser (the WHATWG framing rules): feed it decoded text in chunks of any
 * size and it calls `onEvent` for each complete event. Comments (`: heartbeat`) call `onComment`.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  private data: string[] = [];
  private id: string | undefined;
  private skipLeadingLf = false;
  private pending: Buffer[] = [];
  private started = false;

  /**
   * @param onEvent called once per complete event
   * @param onComment called for each comment line (used as a liveness signal)
   */
  constructor(
    private readonly onEvent: (event: SseEvent) => void,
    private readonly onComment: (text: string) => void = () => undefined,
  ) {}

  /** Feeds the next chunk of decoded text. */
  push(chunk: string): void {
    let text = this.buffer + chunk;
    if (this.skipLeadingLf && text.startsWith('\n')) text = text.slice(1);
    this.skipLeadingLf = false;
    let start = 0;
    for (;;) {
      const cr = text.indexOf('\r', start);
      const lf = text.indexOf('\n', start);
      if (cr < 0 && lf < 0) break;
      let end: number;
      let next: number;
      if (lf >= 0 && (cr < 0 || lf < cr)) {
        end = lf;
        next = lf + 1;
      } else {
        end = cr;
        if (cr + 1 === text.length) {
          next = cr + 1;
          this.skipLeadingLf = true;
        } else {
          next = text[cr + 1] === '\n' ? cr + 2 : cr + 1;
        }
      }
      this.line(text.slice(start, end));
      start = next;
    }
    this.buffer = text.slice(start);
  }

  /**
   * Feeds the next chunk of raw UTF-8 bytes. Only whole lines are decoded: the bytes after the chunk's last
   * CR or LF (never part of a multi-byte character) wait for the next chunk, so a large event split over many
   * chunks is decoded once, and a chunk holding no line end costs no decoding at all.
   */
  pushBytes(chunk: Buffer): void {
    const end = Math.max(chunk.lastIndexOf(10), chunk.lastIndexOf(13)) + 1;
    if (end === 0) {
      this.pending.push(chunk);
      return;
    }
    const head =
      this.pending.length === 0 ? chunk.subarray(0, end) : Buffer.concat([...this.pending, chunk.subarray(0, end)]);
    this.pending = end < chunk.length ? [chunk.subarray(end)] : [];
    let text = head.toString('utf8');
    if (!this.started) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    this.push(text);
  }

  private line(line: string): void {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return this.onComment(line.slice(1).trimStart());
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'event') this.event = value;
    else if (field === 'data') this.data.push(value);
    else if (field === 'id' && !value.includes('\0')) this.id = value;
  }

  private dispatch(): void {
    if (this.data.length > 0) {
      const event: SseEvent = { event: this.event || 'message', data: this.data.join('\n') };
      if (this.id !== undefined) event.id = this.id;
      this.onEvent(event);
    }
    this.event = '';
    this.data = [];
  }
}
