import type { Actor } from '@switchyard/kernel';
import { killKindOf, newKill } from './kill-record.js';

const at = new Date('2026-12-01T21:00:00.000Z');
const token = (holder?: Actor['holder']): Actor => ({ type: 'token', id: 't1', name: 'ana', role: 'editor', holder });

describe('kill record', () => {
  it("records a person's token as a person and an automation token (or one whose holder is unknown) as a token", () => {
    expect(killKindOf(token('person'))).toBe('person');
    expect(killKindOf(token('automation'))).toBe('token');
    expect(killKindOf(token())).toBe('token');
  });

  it('records the circuit breaker and the scheduler by their kinds, whatever they are named', () => {
    expect(killKindOf({ type: 'breaker', id: 'b', name: 'checkout@host-3' })).toBe('breaker');
    expect(killKindOf({ type: 'scheduler', id: 's', name: 'game day 4' })).toBe('schedule');
  });

  it('writes when, who, the kind and the reason', () => {
    expect(newKill(token('person'), 'incident 42', at)).toEqual({
      at: '2026-12-01T21:00:00.000Z',
      by: 'ana',
      kind: 'person',
      reason: 'incident 42',
    });
    expect(newKill({ type: 'system', id: 'system', name: 'system' }, undefined, at)).toEqual({
      at: '2026-12-01T21:00:00.000Z',
      by: 'system',
    });
  });
});
