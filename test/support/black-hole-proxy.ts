import { connect, createServer, type AddressInfo, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy that can become a black hole: `cut()` keeps every connection open but drops the bytes both ways,
 * as a network partition does (no reset, no close: the client is not told). `heal()` resets the connections it
 * cut, so clients reconnect, and forwards again.
 */
export class BlackHoleProxy {
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private isCut = false;

  /** Listens on 127.0.0.1 and forwards to `targetPort` there; returns the port to connect to. */
  async start(targetPort: number): Promise<number> {
    this.server = createServer((client) => this.forward(client, targetPort));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return (this.server.address() as AddressInfo).port;
  }

  cut(): void {
    this.isCut = true;
  }

  heal(): void {
    this.isCut = false;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  async stop(): Promise<void> {
    this.heal();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private forward(client: Socket, targetPort: number): void {
    if (this.isCut) return void client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    for (const socket of [client, upstream]) this.sockets.add(socket);
    client.on('data', (chunk) => void (this.isCut || upstream.write(chunk)));
    upstream.on('data', (chunk) => void (this.isCut || client.write(chunk)));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  }
}
