import type { SseStream } from '../application/sse-stream.js';

// Taken when this module loads, before a test installs fake timers: the bound of a wait stays real time.
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

/** One SSE event as a stream received it. */
export interface RecordedEvent {
  event: string;
  id?: string;
  data: unknown;
}

/** An SseStream that records every frame written to it, and lets a test await the frame it expects. */
export class RecordingSseStream implements SseStream {
  readonly frames: string[] = [];
  ended = false;
  private readonly waiters = new Set<() => void>();

  constructor(
    readonly environmentId: string,
    readonly secret = 'sdk_good',
  ) {}

  send(frame: string): void {
    this.frames.push(frame);
    this.notify();
  }

  end(): void {
    this.ended = true;
    this.notify();
  }

  /** The events written so far (comments such as heartbeats left out), parsed. */
  events(): RecordedEvent[] {
    return this.frames
      .filter((frame) => !frame.startsWith(':'))
      .map((frame) => {
        const fields = Object.fromEntries(
          frame
            .trim()
            .split('\n')
            .map((line) => [line.slice(0, line.indexOf(':')), line.slice(line.indexOf(':') + 2)]),
        );
        return { event: fields['event']!, id: fields['id'], data: JSON.parse(fields['data']!) };
      });
  }

  /**
   * Resolves as soon as `test` holds (checked now, after every frame and at the end of the stream); rejects
   * naming `what` and the frames received when it still does not hold after `timeoutMs` of real time.
   */
  until(test: (stream: this) => boolean, what: string, timeoutMs = 2_000): Promise<void> {
    if (test(this)) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!test(this)) return;
        this.waiters.delete(check);
        realClearTimeout(timer);
        resolve();
      };
      const timer = realSetTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`no ${what} within ${timeoutMs} ms; frames: ${JSON.stringify(this.frames)}`));
      }, timeoutMs);
      this.waiters.add(check);
    });
  }

  private notify(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
