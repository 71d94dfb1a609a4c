import { spawn, type ChildProcess } from 'node:child_process';
import { createConnection } from 'node:net';

/**
 * A throw-away `redis-server` on a spare port (never the machine's 6379), for tests that stop and restart
 * Redis. Fails with a clear message when redis-server is not installed.
 */
export class RedisServerProcess {
  private child: ChildProcess | undefined;

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    const child = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    this.child = child;
    const failed = new Promise<never>((_, reject) =>
      child.once('error', (error) =>
        reject(
          new Error(
            `cannot start redis-server (${error.message}); install it (apt-get install redis-server) to run this test`,
          ),
        ),
      ),
    );
    await Promise.race([failed, this.waitForPort(true)]);
  }

  /** SIGKILLs the server and waits until its port is closed. */
  async kill(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
    await this.waitForPort(false);
  }

  private async waitForPort(open: boolean): Promise<void> {
    for (let attempt = 0; attempt < 200; attempt += 1) {
      const isOpen = await new Promise<boolean>((resolve) => {
        const socket = createConnection(this.port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve(true);
        });
        socket.once('error', () => resolve(false));
      });
      if (isOpen === open) return;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(`redis-server on port ${this.port} did not ${open ? 'start' : 'stop'}`);
  }
}
