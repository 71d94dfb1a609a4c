/** One Server-Sent Event as framed on the wire. */
export interface SseEvent {
  /** The `event:` field; `message` when absent. */
  event: string;
  /** The `data:` lines joined with newlines. */
  data: string;
  /** The `id:` field, when the event carried one. */
  id?: string;
}

const LF = 10;
const CR = 13;
const COLON = 58;
const SPACE = 32;

/**
 * An incremental Server-Sent Events parser (the WHATWG framing rules): feed it decoded text in chunks of any
 * size and it calls `onEvent` for each complete event. Comments (`: heartbeat`) call `onComment`.
 *
 * The per-event path is the SDK's hottest after a change (a process hosting hundreds of clients parses the same
 * frame once per client): lines are read by index into the decoded text (no line string, no field string, no
 * array of data lines), each line end is found by one native scan, and only the values kept are sliced.
 */
export class SseParser {
  private buffer = '';
  private event = '';
  /** The data lines so far, joined with newlines; undefined before the first. */
  private data: string | undefined;
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
    const text = this.buffer.length === 0 ? chunk : this.buffer + chunk;
    let start = 0;
    if (this.skipLeadingLf) {
      this.skipLeadingLf = false;
      if (text.charCodeAt(0) === LF) start = 1;
    }
    // The next CR and LF at or after `start` (-1: none left), each found by one scan and rescanned only once
    // passed: a stream without CRs costs one fruitless scan per chunk, not one per line.
    let cr = text.indexOf('\r', start);
    let lf = text.indexOf('\n', start);
    while (cr >= 0 || lf >= 0) {
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
          next = text.charCodeAt(cr + 1) === LF ? cr + 2 : cr + 1;
        }
      }
      this.line(text, start, end);
      start = next;
      if (cr >= 0 && cr < start) cr = text.indexOf('\r', start);
      if (lf >= 0 && lf < start) lf = text.indexOf('\n', start);
    }
    this.buffer = start === 0 ? text : text.slice(start);
  }

  /**
   * Feeds the next chunk of raw UTF-8 bytes. Only whole lines are decoded: the bytes after the chunk's last
   * CR or LF (never part of a multi-byte character) wait for the next chunk, so a large event split over many
   * chunks is decoded once, and a chunk holding no line end costs no decoding at all.
   */
  pushBytes(chunk: Buffer): void {
    const last = chunk.length === 0 ? -1 : chunk[chunk.length - 1];
    // A frame ends with a line end: the common chunk needs no backwards scan.
    const end = last === LF || last === CR ? chunk.length : Math.max(chunk.lastIndexOf(LF), chunk.lastIndexOf(CR)) + 1;
    if (end === 0) {
      if (chunk.length > 0) this.pending.push(chunk);
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

  /** One line: `text` from `start` to `end` (exclusive, the line end not included). */
  private line(text: string, start: number, end: number): void {
    if (start === end) return this.dispatch();
    if (text.charCodeAt(start) === COLON) return this.onComment(text.slice(start + 1, end).trimStart());
    let colon = text.indexOf(':', start);
    if (colon < 0 || colon > end) colon = end;
    let from = colon + 1;
    if (from < end && text.charCodeAt(from) === SPACE) from += 1;
    const length = colon - start;
    if (length === 4 && text.startsWith('data', start)) {
      const value = from >= end ? '' : text.slice(from, end);
      this.data = this.data === undefined ? value : `${this.data}\n${value}`;
    } else if (length === 5 && text.startsWith('event', start)) {
      this.event = from >= end ? '' : text.slice(from, end);
    } else if (length === 2 && text.startsWith('id', start)) {
      const value = from >= end ? '' : text.slice(from, end);
      if (!value.includes('\0')) this.id = value;
    }
  }

  private dispatch(): void {
    if (this.data !== undefined) {
      const event: SseEvent = { event: this.event || 'message', data: this.data };
      if (this.id !== undefined) event.id = this.id;
      this.onEvent(event);
    }
    this.event = '';
    this.data = undefined;
  }
}
