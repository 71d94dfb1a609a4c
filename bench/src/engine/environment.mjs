import { readFileSync } from 'node:fs';
import { cpus, loadavg, platform, release } from 'node:os';

const benchRoot = new URL('../../', import.meta.url);

/**
 * The facts a reader needs to compare two runs: Node, CPU, date, OS and the load when the run started.
 * @returns {string[]} Lines to print.
 */
export function describeEnvironment() {
  const processors = cpus();
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' ');
  return [
    `date      ${new Date().toISOString()}`,
    `node      ${process.version} (V8 ${process.versions.v8})`,
    `cpu       ${processors[0]?.model ?? 'unknown'} × ${processors.length}`,
    `os        ${platform()} ${release()}, load average at start ${load}`,
  ];
}

/**
 * The installed version of a package in bench/node_modules (read from disk: not every package exports
 * its package.json).
 * @param {string} packageName
 * @returns {string}
 */
export function installedVersion(packageName) {
  try {
    const manifest = readFileSync(new URL(`node_modules/${packageName}/package.json`, benchRoot), 'utf8');
    return JSON.parse(manifest).version ?? '?';
  } catch {
    return 'missing';
  }
}
