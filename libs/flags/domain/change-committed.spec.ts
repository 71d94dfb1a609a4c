import { ChangeNotifier, type ChangeCommitted } from './change-committed.js';

const event: ChangeCommitted = { environmentId: 'e1', version: 3, patch: { version: 3, flags: {} } };

describe('ChangeNotifier', () => {
  it('delivers committed changes to every listener until it unsubscribes', () => {
    const notifier = new ChangeNotifier();
    const seen: number[] = [];
    const unsubscribe = notifier.subscribe((change) => void seen.push(change.version));
    notifier.emit(event);
    unsubscribe();
    notifier.emit({ ...event, version: 4 });
    expect(seen).toEqual([3]);
  });

  it('contains a listener that throws or rejects, so the other listeners and the writer carry on', async () => {
    const notifier = new ChangeNotifier();
    const seen: string[] = [];
    notifier.subscribe(() => {
      throw new Error('bus down');
    });
    notifier.subscribe(() => Promise.reject(new Error('bus down')));
    notifier.subscribe((change) => void seen.push(change.environmentId));
    expect(() => notifier.emitAll([event, { ...event, environmentId: 'e2' }])).not.toThrow();
    await Promise.resolve();
    expect(seen).toEqual(['e1', 'e2']);
  });
});
