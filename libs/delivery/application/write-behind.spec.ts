import { WriteBehind } from './write-behind.js';

describe('WriteBehind', () => {
  it('merges rows by key and writes them in one batch', async () => {
    const batches: string[][] = [];
    const buffer = new WriteBehind<string>(
      async (batch) => void batches.push(batch),
      60_000,
      () => undefined,
    );
    buffer.set('a', 'a1');
    buffer.set('b', 'b1');
    buffer.set('a', 'a2');
    await buffer.flush();
    expect(batches).toEqual([['a2', 'b1']]);
    expect(buffer.size).toBe(0);
  });

  it('never writes an empty batch', async () => {
    let writes = 0;
    await new WriteBehind<string>(
      async () => void writes++,
      60_000,
      () => undefined,
    ).flush();
    expect(writes).toBe(0);
  });

  it('writes one batch at a time, in order, and reports a failed write without rejecting', async () => {
    const order: string[] = [];
    const errors: unknown[] = [];
    let release!: () => void;
    const first = new Promise<void>((resolve) => (release = resolve));
    const buffer = new WriteBehind<string>(
      async (batch) => {
        order.push(`start ${batch.join()}`);
        if (batch[0] === 'x') await first;
        if (batch[0] === 'y') throw new Error('database away');
        order.push(`end ${batch.join()}`);
      },
      60_000,
      (error) => errors.push(error),
    );
    buffer.set('k', 'x');
    const one = buffer.flush();
    buffer.set('k', 'y');
    const two = buffer.flush();
    release();
    await Promise.all([one, two]);
    expect(order).toEqual(['start x', 'end x', 'start y']);
    expect(errors).toEqual([new Error('database away')]);
  });

  it('writes by itself after flushMs', async () => {
    const written = new Promise<string[]>((resolve) => {
      const buffer = new WriteBehind<string>(
        async (batch) => resolve(batch),
        5,
        () => undefined,
      );
      buffer.set('a', 'a1');
    });
    await expect(written).resolves.toEqual(['a1']);
  });
});
