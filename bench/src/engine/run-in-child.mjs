import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerPath = fileURLToPath(new URL('./measure-worker.mjs', import.meta.url));

/**
 * Runs one measurement in a fresh Node process and resolves with what it sent back, or rejects with the
 * tail of its stderr when it fails. The child's stdout is dropped (some SDKs print banners); `--expose-gc`
 * lets it collect the garbage of setup before timing starts.
 * @param {string} id  Implementation id.
 * @param {'distinct' | 'repeated'} mode
 * @returns {Promise<import('./measure-worker.mjs').Measurement>}
 */
export function runInChild(id, mode) {
  return new Promise((resolve, reject) => {
    const child = fork(workerPath, [id, mode], {
      execArgv: ['--expose-gc'],
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let stderr = '';
    let measurement;
    child.stderr?.on('data', (chunk) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    child.on('message', (message) => {
      measurement = message;
    });
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (measurement) resolve(measurement);
      else reject(new Error(`${errorLine(stderr)} [${id} ${mode}: exit ${signal ?? code}]\n${lastLines(stderr)}`));
    });
  });
}

/**
 * The thrown error's own line from a Node stack trace, or a placeholder.
 * @param {string} text
 * @returns {string}
 */
function errorLine(text) {
  return text.split('\n').find((line) => /^\w*Error\b/.test(line.trim()))?.trim() ?? 'worker failed';
}

/**
 * @param {string} text
 * @returns {string}
 */
function lastLines(text) {
  const lines = text.trim().split('\n');
  return lines.slice(-6).join('\n') || '(no output)';
}
