import { applyVariantEdit, variantsNamedBy } from './variant-edit.js';

const BEFORE = { red: 'r', green: 'g', blue: 'b' };
const USES = [
  { variant: 'red', where: 'its config in production' },
  { variant: 'green', where: 'a prerequisite of checkout in staging' },
];
const codes = (result: ReturnType<typeof applyVariantEdit>) =>
  'problems' in result ? result.problems.map(({ path, code }) => [path, code]) : result;

describe('variant edits', () => {
  it('adds variants, and renames or removes ones nobody uses', () => {
    expect(applyVariantEdit(BEFORE, { add: { pink: 'p' } }, USES)).toEqual({ variants: { ...BEFORE, pink: 'p' } });
    expect(applyVariantEdit(BEFORE, { rename: { blue: 'teal' } }, USES)).toEqual({
      variants: { red: 'r', green: 'g', teal: 'b' },
    });
    expect(applyVariantEdit(BEFORE, { remove: ['blue'] }, USES)).toEqual({ variants: { red: 'r', green: 'g' } });
  });

  it('refuses to rename or remove a variant a config or a prerequisite uses, saying who uses it', () => {
    const result = applyVariantEdit(BEFORE, { rename: { red: 'crimson' }, remove: ['green'] }, USES);
    expect(codes(result)).toEqual([
      ['rename.red', 'IN_USE'],
      ['remove.0', 'IN_USE'],
    ]);
    expect('problems' in result && result.problems.map((problem) => problem.message)).toEqual([
      '"red" cannot be renamed: its config in production names it',
      '"green" cannot be removed: a prerequisite of checkout in staging names it',
    ]);
  });

  it('refuses edits that do not add up, and bodies of the wrong shape', () => {
    expect(codes(applyVariantEdit(BEFORE, { add: { red: 1, pink: 'p' }, rename: { nope: 'pink' } }, []))).toEqual([
      ['add.red', 'ALREADY_EXISTS'],
      ['rename.nope', 'NOT_FOUND'],
      ['rename.nope', 'ALREADY_EXISTS'],
    ]);
    expect(codes(applyVariantEdit(BEFORE, { rename: { blue: 'teal' }, remove: ['blue', 'nope'] }, []))).toEqual([
      ['remove.0', 'INVALID'],
      ['remove.1', 'NOT_FOUND'],
    ]);
    expect(codes(applyVariantEdit(BEFORE, { add: ['x'] as never }, []))).toEqual([['add', 'INVALID_TYPE']]);
    expect(codes(applyVariantEdit(BEFORE, { rename: { red: 1 } as never }, []))).toEqual([['rename', 'INVALID_TYPE']]);
    expect(codes(applyVariantEdit(BEFORE, { remove: 'red' as never }, []))).toEqual([['remove', 'INVALID_TYPE']]);
  });

  it('counts every variant a config names, zero-weight rollout parts included', () => {
    const config = {
      on: true,
      offVariant: 'off',
      rules: [{ id: 'r', conditions: [], serve: { variant: 'a' } }],
      fallthrough: { rollout: { bucketBy: 'key', weights: { b: 100_000, c: 0 } } },
      prerequisites: [],
      killed: null,
      salt: 's',
    };
    expect([...variantsNamedBy(config)].sort()).toEqual(['a', 'b', 'c', 'off']);
  });
});
