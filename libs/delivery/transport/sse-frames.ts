import type { Patch, Snapshot } from '@switchyard/evaluation';
import type { StreamFrames } from '../application/delivery-ports.js';

/**
 * The bytes of Server-Sent Events (docs/protocol.md), built once per event and written as-is to every stream of
 * an environment (DESIGN.md "Delivery": per-subscriber serialisation measured 35x slower for large events).
 */

/** A comment line: keeps proxies from closing an idle stream. */
export const HEARTBEAT_FRAME = ': heartbeat\n\n';

/** `event: snapshot`, id = version, data = the snapshot JSON. */
export function snapshotFrame(snapshot: Snapshot): string {
  return `event: snapshot\nid: ${snapshot.version}\ndata: ${JSON.stringify(snapshot)}\n\n`;
}

/** `event: patch`, id = version, data = `{ version, flags, segments? }`. */
export function patchFrame(patch: Patch): string {
  return `event: patch\nid: ${patch.version}\ndata: ${JSON.stringify(patch)}\n\n`;
}

/** `event: resumed`: the client's Last-Event-ID is current; nothing was missed. */
export function resumedFrame(version: number): string {
  return `event: resumed\nid: ${version}\ndata: {"version":${version}}\n\n`;
}

/** The SDK stream's wire format, as the stream hub writes it. */
export const sseFrames: StreamFrames = {
  heartbeat: HEARTBEAT_FRAME,
  snapshot: snapshotFrame,
  patch: patchFrame,
  resumed: resumedFrame,
};
