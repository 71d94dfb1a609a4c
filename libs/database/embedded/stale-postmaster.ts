import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';

/** What was found holding a Postgres data directory. */
export type PostmasterState = { kind: 'free' } | { kind: 'orphan'; pid: number } | { kind: 'in-use'; pid: number };

/**
 * Reads `postmaster.pid` after an unclean stop. A dead pid (or a live process that is not postgres)
 * leaves a stale file, which is removed. A live postgres whose parent is gone (the service was
 * kill -9'd) is an orphan the caller may stop; one with a live parent belongs to another process.
 */
export async function inspectPostmaster(dataDir: string): Promise<PostmasterState> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const pid = Number.parseInt((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'free' };
  const command = await readProc(pid, 'cmdline');
  if (!(await isRunning(pid)) || !command?.includes('postgres')) {
    await rm(pidFile, { force: true });
    return { kind: 'free' };
  }
  const parent = await parentOf(pid);
  const parentCommand = parent && parent > 1 ? await readProc(parent, 'cmdline') : undefined;
  return parentCommand?.includes('node') ? { kind: 'in-use', pid } : { kind: 'orphan', pid };
}

/** Asks an orphaned postmaster for a fast shutdown and waits until it is gone. */
export async function stopOrphan(pid: number, timeoutMs = 20_000): Promise<void> {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (await isRunning(pid)) {
    if (Date.now() > deadline) throw new Error(`The orphaned Postgres (pid ${pid}) did not stop within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

// A zombie (dead, not yet reaped by a container's pid 1) counts as gone.
async function isRunning(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  const stat = await readProc(pid, 'stat');
  return stat === undefined ? true : stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

async function readProc(pid: number, file: string): Promise<string | undefined> {
  return readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => undefined);
}

async function parentOf(pid: number): Promise<number | undefined> {
  const stat = await readProc(pid, 'stat');
  // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const parent = Number.parseInt(fields?.[1] ?? '', 10);
  return Number.isInteger(parent) ? parent : undefined;
}
