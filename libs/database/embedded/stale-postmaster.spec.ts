import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeRecovery, inspectPostmaster, procFs, stopOrphan, type ProcReader } from './stale-postmaster.js';

/** A fake /proc: each pid's arguments, parent and working directory. */
function fakeProc(
  processes: Record<number, { args: string[]; parent: number; cwd?: string; zombie?: boolean }>,
): ProcReader {
  return {
    cmdline: async (pid) => processes[pid]?.args,
    stat: async (pid) => {
      const found = processes[pid];
      return found ? `${pid} (${found.args[0]}) ${found.zombie ? 'Z' : 'S'} ${found.parent} 1 1 0` : undefined;
    },
    cwd: async (pid) => processes[pid]?.cwd,
    exists: (pid) => processes[pid] !== undefined,
  };
}

const POSTGRES = '/opt/embedded-postgres/bin/postgres';

describe('inspectPostmaster', () => {
  let dir: string;
  const pidFile = () => join(dir, 'postmaster.pid');

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-pid-'));
    await writeFile(pidFile(), `4242\n${dir}\n`);
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a folder without postmaster.pid free', async () => {
    await rm(pidFile());
    expect(await inspectPostmaster(dir, fakeProc({}))).toEqual({ kind: 'free' });
  });

  it('removes a postmaster.pid whose process is gone (after a kill -9), and says so', async () => {
    const state = await inspectPostmaster(dir, fakeProc({}));
    expect(state).toEqual({ kind: 'stale', pid: 4242, reason: 'gone' });
    expect(existsSync(pidFile())).toBe(false);
    expect(describeRecovery(state, dir)).toBe(
      `removed a stale postmaster.pid from ${dir} (pid 4242 no longer exists): the last stop was unclean`,
    );
  });

  it('counts a zombie as gone', async () => {
    const proc = fakeProc({ 4242: { args: [POSTGRES, '-D', dir], parent: 1, zombie: true } });
    expect(await inspectPostmaster(dir, proc)).toMatchObject({ kind: 'stale', reason: 'gone' });
  });

  it('removes a postmaster.pid whose pid now belongs to something other than postgres', async () => {
    const proc = fakeProc({ 4242: { args: ['/usr/bin/vim'], parent: 1 } });
    expect(await inspectPostmaster(dir, proc)).toMatchObject({ kind: 'stale', reason: 'not-postgres' });
    expect(existsSync(pidFile())).toBe(false);
  });

  it('never takes a postgres of another data directory (a reused pid) for an orphan', async () => {
    const proc = fakeProc({ 4242: { args: [POSTGRES, '-D', '/var/lib/postgresql/16/main'], parent: 1 } });
    const state = await inspectPostmaster(dir, proc);
    expect(state).toEqual({
      kind: 'stale',
      pid: 4242,
      reason: 'other-data-dir',
      otherDataDir: '/var/lib/postgresql/16/main',
    });
    expect(describeRecovery(state, dir)).toContain(
      'a postgres of another data directory (/var/lib/postgresql/16/main), left alone',
    );
  });

  it('never signals a postgres whose data directory cannot be told', async () => {
    const proc = fakeProc({ 4242: { args: [POSTGRES], parent: 1 } });
    expect(await inspectPostmaster(dir, proc)).toMatchObject({ kind: 'stale', reason: 'other-data-dir' });
  });

  it('finds an orphan: a postgres of this data directory (by -D, or by its working directory) whose parent is gone', async () => {
    expect(
      await inspectPostmaster(dir, fakeProc({ 4242: { args: [POSTGRES, '-D', dir, '-p', '54329'], parent: 1 } })),
    ).toEqual({ kind: 'orphan', pid: 4242 });
    expect(await inspectPostmaster(dir, fakeProc({ 4242: { args: [POSTGRES, `-D${dir}/`], parent: 1 } }))).toEqual({
      kind: 'orphan',
      pid: 4242,
    });
    expect(await inspectPostmaster(dir, fakeProc({ 4242: { args: [POSTGRES], parent: 1, cwd: dir } }))).toEqual({
      kind: 'orphan',
      pid: 4242,
    });
    expect(existsSync(pidFile())).toBe(true);
  });

  it('leaves alone a postgres of this data directory that a running service (node) owns', async () => {
    const proc = fakeProc({
      4242: { args: [POSTGRES, '-D', dir], parent: 77 },
      77: { args: ['/usr/bin/node', 'main.js'], parent: 1 },
    });
    expect(await inspectPostmaster(dir, proc)).toEqual({ kind: 'in-use', pid: 4242 });
  });
});

// Real processes: stand-ins whose /proc/<pid>/cmdline reads "… postgres -D <dir>".
describe('inspectPostmaster on real processes', () => {
  let dir: string;
  const children: ChildProcess[] = [];

  const standIn = (dataDir: string) =>
    spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)', 'postgres', '-D', dataDir], { stdio: 'ignore' });

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-pid-'));
  });

  afterEach(async () => {
    for (const child of children.splice(0))
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
  });

  it('never signals a live postgres-named process of another data directory that reuses the pid', async () => {
    const other = join(dir, 'other');
    await mkdir(other);
    const child = standIn(other);
    children.push(child);
    await new Promise((resolve) => child.once('spawn', resolve));
    await writeFile(join(dir, 'postmaster.pid'), `${child.pid}\n`);
    expect(await inspectPostmaster(dir)).toMatchObject({
      kind: 'stale',
      reason: 'other-data-dir',
      otherDataDir: other,
    });
    expect(procFs.exists(child.pid!)).toBe(true);
    expect(child.exitCode).toBeNull();
  });

  it('stops a real orphan of this data directory', async () => {
    // A stand-in started by a shell that exits at once: its parent is gone, as after a kill -9 of the service.
    // It says "ready" once Node runs (and has reset the SIGINT that sh ignores for background jobs): a SIGINT sent
    // between the fork and that point would be lost.
    const shell = spawn(
      'sh',
      [
        '-c',
        `"${process.execPath}" -e 'console.log("ready"); setInterval(() => {}, 1000)' postgres -D "${dir}" & echo $!`,
      ],
      { stdio: ['ignore', 'pipe', 'ignore'] },
    );
    let out = '';
    const ready = new Promise<void>((resolve) =>
      shell.stdout!.on('data', (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes('ready')) resolve();
      }),
    );
    await Promise.all([new Promise((resolve) => shell.once('exit', resolve)), ready]);
    const pid = Number.parseInt(out, 10);
    try {
      await writeFile(join(dir, 'postmaster.pid'), `${pid}\n`);
      expect(await inspectPostmaster(dir)).toEqual({ kind: 'orphan', pid });
      await stopOrphan(pid, 10_000);
      // Gone, or a zombie that this container's pid 1 has not reaped yet.
      const stat = await procFs.stat(pid);
      expect(stat === undefined || / Z /.test(stat.slice(stat.lastIndexOf(')')))).toBe(true);
    } finally {
      if (procFs.exists(pid)) process.kill(pid, 'SIGKILL');
    }
  });
});
