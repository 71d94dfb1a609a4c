import { Emitter } from './emitter.js';

type Events = { changed: number; error: Error };

describe('Emitter', () => {
  it('calls every listener once per emit, in the order they were added, and ignores a listener added twice', () => {
    const emitter = new Emitter<Events>();
    const calls: string[] = [];
    const first = (n: number) => calls.push(`first ${n}`);
    emitter.on('changed', first);
    emitter.on('changed', (n) => calls.push(`second ${n}`));
    emitter.on('changed', first);
    emitter.emit('changed', 1);
    expect(calls).toEqual(['first 1', 'second 1']);
  });

  it('lets a listener remove itself or another one, or add one, during an emit: effective from the next emit', () => {
    const emitter = new Emitter<Events>();
    const calls: string[] = [];
    const late = (n: number) => calls.push(`late ${n}`);
    const removed = (n: number) => calls.push(`removed ${n}`);
    const once = (n: number) => {
      calls.push(`once ${n}`);
      emitter.off('changed', once);
      emitter.off('changed', removed);
      emitter.on('changed', late);
    };
    emitter.on('changed', once);
    emitter.on('changed', removed);
    emitter.emit('changed', 1);
    emitter.emit('changed', 2);
    expect(calls).toEqual(['once 1', 'removed 1', 'late 2']);
    const adding = new Emitter<Events>();
    const added: number[] = [];
    const adder = () => adding.on('changed', (n) => added.push(n));
    adding.on('changed', adder);
    adding.emit('changed', 1);
    expect(added).toEqual([]);
    adding.off('changed', adder);
    adding.emit('changed', 2);
    expect(added).toEqual([2]);
  });

  it('swallows a listener exception and still calls the others', () => {
    const emitter = new Emitter<Events>();
    const seen: number[] = [];
    emitter.on('changed', () => {
      throw new Error('host bug');
    });
    emitter.on('changed', (n) => seen.push(n));
    emitter.emit('changed', 3);
    expect(seen).toEqual([3]);
  });

  it('holds the events of held types until a listener comes, and drops others', async () => {
    const emitter = new Emitter<Events>(['error']);
    emitter.emit('error', new Error('early'));
    emitter.emit('changed', 1);
    const errors: string[] = [];
    const changes: number[] = [];
    emitter.on('changed', (n) => changes.push(n));
    emitter.on('error', (error) => errors.push(error.message));
    await Promise.resolve();
    expect(errors).toEqual(['early']);
    expect(changes).toEqual([]);
    emitter.off('changed', () => undefined); // an unknown listener: nothing happens
    emitter.emit('changed', 2);
    expect(changes).toEqual([2]);
  });
});
