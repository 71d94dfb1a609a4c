/** One open SDK stream, as the hub sees it (the controller adapts a raw HTTP response to it). */
export interface SseStream {
  /** The environment the stream's SDK key is bound to. */
  readonly environmentId: string;
  /** The SDK key's secret, kept to re-check revocation (never logged). */
  readonly secret: string;
  /** Writes pre-serialised bytes; a stream too slow to drain is closed rather than buffered without bound. */
  send(frame: string): void;
  /** Ends the stream. */
  end(): void;
}
