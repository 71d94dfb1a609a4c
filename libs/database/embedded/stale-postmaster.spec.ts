import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspectPostmaster } from './stale-postmaster.js';

describe('inspectPostmaster', () => {
  let dir: string;

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'switchyard-pid-'));
  });

  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('finds a folder without postmaster.pid free', async () => {
    expect(await inspectPostmaster(dir)).toEqual({ kind: 'free' });
  });

  it('removes a postmaster.pid whose process is gone (after a kill -9)', async () => {
    await writeFile(join(dir, 'postmaster.pid'), '999999999\n/some/dir\n');
    expect(await inspectPostmaster(dir)).toEqual({ kind: 'free' });
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
  });

  it('removes a postmaster.pid whose pid now belongs to something other than postgres', async () => {
    await writeFile(join(dir, 'postmaster.pid'), `${process.pid}\n`);
    expect(await inspectPostmaster(dir)).toEqual({ kind: 'free' });
    expect(existsSync(join(dir, 'postmaster.pid'))).toBe(false);
  });
});
