import type { FastifyReply } from 'fastify';
import type { SseStream, StreamHub } from '@switchyard/delivery';

/** A stream whose unsent bytes pass this is too slow to keep up, and is closed (its SDK reconnects). */
const MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** The last frame written and its UTF-8 bytes: a broadcast writes one string to every stream, encoded once here. */
let lastFrame: string | undefined;
let lastBytes: Buffer | undefined;

function bytesOf(frame: string): Buffer {
  if (frame !== lastFrame || lastBytes === undefined) {
    lastBytes = Buffer.from(frame, 'utf8');
    lastFrame = frame;
  }
  return lastBytes;
}

/**
 * Takes the response over from Fastify (`hijack`) and registers it with the hub, which writes pre-serialised
 * frames straight to the socket: one serialisation and one UTF-8 encoding per event, whatever the number of
 * streams (the bytes are shared by every write, never copied per stream).
 */
export async function openSseStream(
  hub: StreamHub,
  environmentId: string,
  secret: string,
  reply: FastifyReply,
  lastEventId: number | undefined,
): Promise<void> {
  const raw = reply.raw;
  const stream: SseStream = {
    environmentId,
    secret,
    send(frame) {
      if (raw.writableEnded || raw.destroyed) return;
      raw.write(bytesOf(frame));
      if (raw.writableLength > MAX_BUFFERED_BYTES) raw.destroy();
    },
    end() {
      if (!raw.writableEnded) raw.end();
    },
  };
  // Over the key's cap: refused (429, an ordinary error answer) before the response is taken over.
  hub.admit(stream);
  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    connection: 'keep-alive',
    'x-accel-buffering': 'no',
  });
  raw.socket?.setNoDelay(true);
  raw.on('close', () => hub.close(stream));
  // A client gone before the listener was attached never emits 'close': release its slot now.
  if (!raw.socket || raw.socket.destroyed) return hub.close(stream);
  try {
    await hub.open(stream, lastEventId);
  } catch {
    hub.close(stream);
    stream.end();
  }
}
