import type { ClientEvents, SwitchyardClient } from '../src/index.js';

/** Resolves with the next `event` the client emits that satisfies `test`. */
export function nextEvent<K extends keyof ClientEvents>(
  client: SwitchyardClient,
  event: K,
  test: (payload: ClientEvents[K]) => boolean = () => true,
): Promise<ClientEvents[K]> {
  return new Promise((resolve) => {
    const listener = (payload: ClientEvents[K]) => {
      if (!test(payload)) return;
      client.off(event, listener);
      resolve(payload);
    };
    client.on(event, listener);
  });
}
