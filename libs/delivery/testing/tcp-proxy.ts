import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy for e2e tests: SDKs keep one URL while the service behind it is killed and restarted on another
 * port. `down()` cuts every connection and refuses new ones, like a dead service; `up(port)` forwards again.
 * It records the head of every HTTP request it forwards (to check `Last-Event-ID`).
 */
export class TcpProxy {
  /** The first bytes of each forwarded connection (its HTTP request line and headers). */
  readonly requestHeads: string[] = [];
  private server: Server | undefined;
  private readonly sockets = new Set<Socket>();
  private target: number | undefined;

  async start(target: number): Promise<string> {
    this.target = target;
    this.server = createServer((client) => this.forward(client));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  /** Cuts every connection and refuses new ones (connections are accepted and reset at once). */
  down(): void {
    this.target = undefined;
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
  }

  /** Forwards new connections to `target`. */
  up(target: number): void {
    this.target = target;
  }

  async stop(): Promise<void> {
    this.down();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private forward(client: Socket): void {
    if (this.target === undefined) return void client.destroy();
    const upstream = connect(this.target, '127.0.0.1');
    this.sockets.add(client);
    this.sockets.add(upstream);
    client.once('data', (chunk: Buffer) => this.requestHeads.push(chunk.toString('latin1').split('\r\n\r\n')[0]!));
    client.pipe(upstream).pipe(client);
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
