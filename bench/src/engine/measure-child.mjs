import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerPath = fileURLToPath(new URL('./measure-worker.mjs', import.meta.url));

/**
 * The parent's handle on one measure-worker process (one implementation, one mode). The child's stdout is
 * dropped (some SDKs print banners); its stderr is kept to explain a failure. `--expose-gc` lets it collect
 * the heap before the first round.
 */
export class MeasureChild {
  /**
   * @param {string} id  Implementation id.
   * @param {'distinct' | 'repeated' | 'per-call'} mode
   */
  constructor(id, mode) {
    this.label = `${id} ${mode}`;
    this.stderr = '';
    /** @type {((message: any) => void) | undefined} */
    this.pending = undefined;
    /** @type {((error: Error) => void) | undefined} */
    this.failPending = undefined;
    this.child = fork(workerPath, [id, mode], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    this.child.stderr?.on('data', (chunk) => {
      this.stderr = (this.stderr + chunk).slice(-4000);
    });
    this.child.on('message', (message) => this.pending?.(message));
    this.child.on('exit', (code, signal) => this.failPending?.(this.failure(`exit ${signal ?? code}`)));
    this.child.on('error', (error) => this.failPending?.(error));
  }

  /** Resolves once the child is set up, checked and warm. */
  ready() {
    return this.next('ready');
  }

  /** @returns {Promise<import('./measure-worker.mjs').RoundResult>} One timed round. */
  async round() {
    this.child.send({ type: 'round' });
    return (await this.next('round')).result;
  }

  /** Asks the child to exit, and kills it if it does not within a few seconds. */
  close() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.failPending = undefined;
    this.child.send({ type: 'close' });
    setTimeout(() => this.child.kill(), 5000).unref();
  }

  /** @param {string} type */
  next(type) {
    return new Promise((resolve, reject) => {
      this.pending = (message) =>
        message?.type === type ? resolve(message) : reject(this.failure(`unexpected ${message?.type}`));
      this.failPending = reject;
    });
  }

  /** @param {string} how */
  failure(how) {
    const lines = this.stderr.trim().split('\n');
    const thrown = lines.find((line) => /^\w*Error\b/.test(line.trim()))?.trim() ?? 'worker failed';
    return new Error(`${thrown} [${this.label}: ${how}]\n${lines.slice(-6).join('\n')}`);
  }
}
