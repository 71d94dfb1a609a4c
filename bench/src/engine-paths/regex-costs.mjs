/**
 * What linear-time regular expressions cost (issue 9): ns per `matches` evaluation through the engine for a
 * plain and a pathological pattern, the raw re2js and RegExp tests on the plain one, and the pathological
 * patterns over an 8 KB near miss (where RegExp would never finish: shown at 16-24 characters instead).
 *
 *   node src/engine-paths/regex-costs.mjs      (BENCH_ROUNDS, BENCH_EVALUATIONS to change)
 */
import { compileSnapshot, MAX_MATCH_INPUT_LENGTH } from '@switchyard/evaluation';
// The re2js the engine itself loads (the repository root's node_modules), not a peer SDK's copy in bench/.
const { RE2JS } = await import(new URL('../../../node_modules/re2js/build/index.js', import.meta.url).href);
import { describeEnvironment } from '../engine/environment.mjs';
import { median } from '../engine/statistics.mjs';

const rounds = Number(process.env.BENCH_ROUNDS ?? 5);
const evaluations = Number(process.env.BENCH_EVALUATIONS ?? 500_000);
const PLAIN = '^[a-z0-9.]+@example\\.com$';
const PATHOLOGICAL = ['((a+))+$', '(a|a)+$', '(a+?)+$', '(a|aa)+$', '^(\\w+\\s?)+$'];
const emails = Array.from({ length: 1000 }, (_, i) => `user.${i}@example.${i % 2 === 0 ? 'com' : 'org'}`);
let sink = 0;

/** Median ns per call of `once(i)` over `count` calls, `rounds` rounds after one warm-up round. */
function nsPer(count, once) {
  const times = [];
  for (let round = -1; round < rounds; round++) {
    const started = process.hrtime.bigint();
    for (let i = 0; i < count; i++) if (once(i)) sink++;
    if (round >= 0) times.push(Number(process.hrtime.bigint() - started) / count);
  }
  return median(times);
}

function engineFor(pattern) {
  const flag = {
    key: 'f',
    type: 'boolean',
    version: 1,
    variants: { on: true, off: false },
    offVariant: 'off',
    on: true,
    rules: [
      {
        id: 'r',
        conditions: [{ attribute: 'email', operator: 'matches', values: [pattern] }],
        serve: { variant: 'on' },
      },
    ],
    fallthrough: { variant: 'off' },
  };
  const compiled = compileSnapshot({ version: 1, flags: { f: flag }, segments: {} });
  if (compiled.evaluate('f', { key: 'k', email: 'x' }, false).reason === 'ERROR')
    throw new Error(`${pattern} did not compile`);
  return compiled;
}

const contexts = emails.map((email, i) => ({ key: `user-${i}`, email }));
const plainEngine = engineFor(PLAIN);
const re2 = RE2JS.compile(PLAIN);
const regExp = new RegExp(PLAIN);
const lines = [
  'Switchyard `matches` on re2js (RE2 in pure JavaScript) against JavaScript RegExp; inputs are 1,000 emails.',
  `median of ${rounds} rounds after a warm-up round; ${evaluations.toLocaleString('en-US')} calls per round.`,
  '',
  ...describeEnvironment(),
  '',
  '| what | ns per call |',
  '| --- | ---: |',
  `| engine evaluation, plain pattern ${PLAIN} (re2js) | ${nsPer(evaluations, (i) => plainEngine.evaluate('f', contexts[i % 1000], false).value).toFixed(0)} |`,
  `| engine evaluation, pathological pattern ((a+))+$ on the same emails (re2js) | ${(() => {
    const e = engineFor('((a+))+$');
    return nsPer(evaluations, (i) => e.evaluate('f', contexts[i % 1000], false).value).toFixed(0);
  })()} |`,
  `| re2js RE2JS.test, plain pattern | ${nsPer(evaluations, (i) => re2.test(emails[i % 1000])).toFixed(0)} |`,
  `| JavaScript RegExp.test, plain pattern | ${nsPer(evaluations, (i) => regExp.test(emails[i % 1000])).toFixed(0)} |`,
  '',
  `Pathological patterns through the engine, input ${MAX_MATCH_INPUT_LENGTH - 1} × "a" + "!" (the 8 KB cap; a near miss):`,
  '',
  '| pattern | µs per evaluation (re2js) |',
  '| --- | ---: |',
];
const nearMiss = { key: 'k', email: 'a'.repeat(MAX_MATCH_INPUT_LENGTH - 1) + '!' };
for (const pattern of PATHOLOGICAL) {
  const engine = engineFor(pattern);
  lines.push(
    `| \`${pattern}\` | ${(nsPer(20, () => engine.evaluate('f', nearMiss, false).value) / 1000).toFixed(0)} |`,
  );
}
lines.push(
  '',
  'JavaScript RegExp on ((a+))+$ with n × "a" + "!" (exponential; 28 characters blocked the service for 24 s):',
  '',
);
lines.push('| n | ms |', '| ---: | ---: |');
for (const n of [16, 18, 20, 22]) {
  const text = 'a'.repeat(n) + '!';
  const started = process.hrtime.bigint();
  if (/((a+))+$/.test(text)) sink++;
  lines.push(`| ${n} | ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(1)} |`);
}
console.log(lines.join('\n'));
if (sink < 0) console.log(sink);
