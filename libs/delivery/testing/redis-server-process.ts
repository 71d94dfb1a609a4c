import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A throw-away `redis-server` for tests that stop and restart Redis (never the machine's 6379). Redis listens on
 * a unix socket of its own; clients reach it through a TCP front on a port the OS assigns when `listen()` runs,
 * held until `close()`: the URL is known before Redis first starts, stays the same across restarts, and no two
 * tests can pick the same port. While Redis is down the front drops every connection at once, as a dead server
 * would. Fails with a clear message when redis-server is not installed.
 */
export class RedisServerProcess {
  private readonly directory = mkdtempSync(join(tmpdir(), 'switchyard-redis-'));
  private readonly socketPath = join(this.directory, 'redis.sock');
  private readonly connections = new Set<Socket>();
  private child: ChildProcess | undefined;
  private front: Server | undefined;

  /** Opens the TCP front on an OS-assigned port; Redis itself starts with `start()`. */
  async listen(): Promise<this> {
    const front = createServer((client) => this.forward(client));
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    this.front = front;
    return this;
  }

  get url(): string {
    if (!this.front) throw new Error('RedisServerProcess: call listen() first');
    return `redis://127.0.0.1:${(this.front.address() as AddressInfo).port}`;
  }

  /** Starts redis-server (again, after `kill`) and resolves once it accepts connections. */
  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', '0', '--unixsocket', this.socketPath, '--unixsocketperm', '700', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.child = child;
    const failed = new Promise<never>((_, reject) => {
      child.once('error', (error) =>
        reject(
          new Error(
            `cannot start redis-server (${error.message}); install it (apt-get install redis-server) to run this test`,
          ),
        ),
      );
      child.once('exit', (code) => reject(new Error(`redis-server exited at start (code ${code})`)));
    });
    failed.catch(() => undefined); // an exit after the start is the test's kill(), not a failure
    await Promise.race([failed, this.waitForSocket()]);
  }

  /** SIGKILLs the server (its clients' connections drop) and resolves once it has exited. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    for (const socket of this.connections) socket.destroy();
    this.connections.clear();
  }

  /** Kills the server, closes the front and removes the socket's folder. */
  async close(): Promise<void> {
    await this.kill();
    await new Promise<void>((resolve) => (this.front ? this.front.close(() => resolve()) : resolve()));
    rmSync(this.directory, { recursive: true, force: true });
  }

  private forward(client: Socket): void {
    if (!this.child) return void client.destroy();
    const upstream = createConnection(this.socketPath);
    this.connections.add(client).add(upstream);
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.connections.delete(client);
      this.connections.delete(upstream);
    };
    client.on('error', close).on('close', close);
    upstream.on('error', close).on('close', close);
  }

  private async waitForSocket(): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const open = await new Promise<boolean>((resolve) => {
        const socket = createConnection(this.socketPath);
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (open) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error('redis-server did not open its socket within 5 s');
  }
}
