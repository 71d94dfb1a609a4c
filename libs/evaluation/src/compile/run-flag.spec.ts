import { evaluate, type EvaluationLookup } from '../evaluate.js';
import type { Flag } from '../model/flag.js';
import { booleanFlag } from '../testing/flag-builder.js';
import { MAX_PREREQUISITE_DEPTH, prerequisiteStackDepth } from './run-flag.js';

function lookupOf(flags: Flag[]): EvaluationLookup {
  const byKey = new Map(flags.map((f) => [f.key, f]));
  return { flag: (key) => byKey.get(key), segment: () => undefined };
}

const serving = (key: string, variant: 'on' | 'off', extra: Partial<Flag> = {}): Flag =>
  booleanFlag({ key, fallthrough: { variant }, ...extra });
const needs = (key: string, prerequisite: string, variants = ['on'], extra: Partial<Flag> = {}): Flag =>
  serving(key, 'on', { prerequisites: [{ flag: prerequisite, variants }], ...extra });

describe('prerequisites', () => {
  it('evaluates the rules once every prerequisite serves an accepted variant', () => {
    const flag = needs('child', 'parent');
    expect(evaluate(flag, { key: 'k' }, lookupOf([serving('parent', 'on')])).reason).toBe('DEFAULT');
  });

  it('serves the off variant with PREREQUISITE_FAILED when one is unmet, missing or erroring', () => {
    const flag = needs('child', 'parent');
    const failed = { value: false, variant: 'off', reason: 'PREREQUISITE_FAILED', flagVersion: 7 };
    expect(evaluate(flag, { key: 'k' }, lookupOf([serving('parent', 'off')]))).toEqual(failed);
    expect(evaluate(flag, { key: 'k' }, lookupOf([]))).toEqual(failed);
    expect(evaluate(flag, { key: 'k' })).toEqual(failed);
    const erroring = serving('parent', 'on', { fallthrough: { variant: 'ghost' } });
    expect(evaluate(flag, { key: 'k' }, lookupOf([erroring]))).toEqual(failed);
  });

  it('counts the variant a prerequisite serves, whatever the reason', () => {
    const flag = needs('child', 'parent', ['off']);
    expect(evaluate(flag, { key: 'k' }, lookupOf([serving('parent', 'on', { on: false })])).reason).toBe('DEFAULT');
    const killed = serving('parent', 'on', { killed: { at: 'now', by: 'ops' } });
    expect(evaluate(needs('child', 'parent'), { key: 'k' }, lookupOf([killed])).reason).toBe('PREREQUISITE_FAILED');
  });

  it('is beaten by the kill switch and by the flag being off', () => {
    const lookup = lookupOf([serving('parent', 'off')]);
    expect(
      evaluate(needs('child', 'parent', ['on'], { killed: { at: 'now', by: 'ops' } }), { key: 'k' }, lookup).reason,
    ).toBe('KILLED');
    expect(evaluate(needs('child', 'parent', ['on'], { on: false }), { key: 'k' }, lookup).reason).toBe('DISABLED');
  });

  it('follows chains of prerequisites', () => {
    const chain = [needs('a', 'b'), needs('b', 'c'), serving('c', 'on')];
    expect(evaluate(chain[0], { key: 'k' }, lookupOf(chain)).reason).toBe('DEFAULT');
    const broken = [needs('a', 'b'), needs('b', 'c'), serving('c', 'off')];
    expect(evaluate(broken[0], { key: 'k' }, lookupOf(broken)).reason).toBe('PREREQUISITE_FAILED');
  });

  it('reports a cycle as ERROR GENERAL naming it, without overflowing the stack', () => {
    const cycle = [needs('a', 'b'), needs('b', 'c'), needs('c', 'a')];
    const result = evaluate(cycle[0], { key: 'k' }, lookupOf(cycle), { defaultValue: true });
    expect(result).toMatchObject({ value: true, reason: 'ERROR', errorCode: 'GENERAL', flagVersion: 7 });
    expect(result.errorMessage).toContain('a → b → c → a');
    const self = needs('a', 'a');
    expect(evaluate(self, { key: 'k' }, lookupOf([self])).errorCode).toBe('GENERAL');
  });

  it('reports a chain deeper than the cap as ERROR GENERAL', () => {
    const flags = Array.from({ length: MAX_PREREQUISITE_DEPTH + 2 }, (_, i) => needs(`f${i}`, `f${i + 1}`));
    flags.push(serving(`f${MAX_PREREQUISITE_DEPTH + 2}`, 'on'));
    const result = evaluate(flags[0], { key: 'k' }, lookupOf(flags));
    expect(result.errorCode).toBe('GENERAL');
    expect(result.errorMessage).toContain('deeper');
    const short = flags.slice(-3);
    expect(evaluate(short[0], { key: 'k' }, lookupOf(short)).reason).toBe('DEFAULT');
  });

  it("keeps each evaluation's chain apart when a context getter evaluates a chain of its own mid-chain", () => {
    // The chain lives on one shared stack: the inner evaluation must see neither a cycle nor extra depth.
    const inner = Array.from({ length: MAX_PREREQUISITE_DEPTH - 1 }, (_, i) => needs(`i${i}`, `i${i + 1}`));
    inner.push(serving(`i${MAX_PREREQUISITE_DEPTH - 1}`, 'on'));
    const seen: string[] = [];
    const gate = serving('gate', 'off', {
      rules: [
        { id: 'r', conditions: [{ attribute: 'probe', operator: 'in', values: ['yes'] }], serve: { variant: 'on' } },
      ],
    });
    const outer = [needs('a', 'b'), needs('b', 'gate'), gate];
    const lookup = lookupOf([...outer, ...inner]);
    const context = {
      key: 'k',
      get probe(): string {
        seen.push(evaluate(inner[0], { key: 'k' }, lookup).reason);
        seen.push(evaluate(outer[1], { key: 'k', probe: 'yes' }, lookup).reason);
        return 'yes';
      },
    };
    expect(evaluate(outer[0], context, lookup).reason).toBe('DEFAULT');
    // 15 more links would pass the depth cap, and b is already on the outer chain: neither counts.
    expect(seen).toEqual(['DEFAULT', 'DEFAULT']);
  });

  it('leaves the shared stack empty after a getter throws mid-chain (it would grow with every throw)', () => {
    const throwing = serving('leaf', 'on', {
      rules: [
        { id: 'r', conditions: [{ attribute: 'boom', operator: 'in', values: ['x'] }], serve: { variant: 'on' } },
      ],
    });
    const chain = [needs('top', 'mid'), needs('mid', 'leaf'), throwing];
    const context = {
      key: 'k',
      get boom(): string {
        throw new Error('getter failed');
      },
    };
    expect(evaluate(chain[0], context, lookupOf(chain)).reason).toBe('ERROR');
    expect(prerequisiteStackDepth()).toBe(0);
    const flags = Array.from({ length: MAX_PREREQUISITE_DEPTH - 1 }, (_, i) => needs(`f${i}`, `f${i + 1}`));
    flags.push(serving(`f${MAX_PREREQUISITE_DEPTH - 1}`, 'on'));
    expect(evaluate(flags[0], { key: 'k' }, lookupOf(flags)).reason).toBe('DEFAULT');
  });
});
