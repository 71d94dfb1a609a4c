/**
 * The per-path engine benchmark (issue 9): ns/eval and garbage collections per 1M evaluations for each
 * evaluation path of `compileSnapshot().evaluate`, each path in its own child process, one after another.
 *
 *   node src/engine-paths/run-paths-bench.mjs [path ...]     (BENCH_EVALUATIONS, BENCH_ROUNDS to shrink)
 */
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describeEnvironment } from '../engine/environment.mjs';
import { PATHS } from './paths.mjs';

const selected = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(PATHS);
const worker = fileURLToPath(new URL('./measure-path.mjs', import.meta.url));
const rows = [];
for (const name of selected) {
  process.stderr.write(`[bench] path ${name}\n`);
  const output = execFileSync(process.execPath, ['--expose-gc', worker, name], { encoding: 'utf8' });
  rows.push(JSON.parse(output.trim().split('\n').at(-1)));
}

const evaluations = Number(process.env.BENCH_EVALUATIONS ?? 1_000_000).toLocaleString('en-US');
const lines = [
  `Switchyard engine, per path: compileSnapshot(snapshot).evaluate(flagKey, context, default[, type]);`,
  `median of ${process.env.BENCH_ROUNDS ?? 5} rounds of ${evaluations} evaluations over 100,000 prebuilt contexts (distinct keys),`,
  'after 200,000 warm-up evaluations; the heap is collected before each round; one child process per path.',
  '',
  ...describeEnvironment(),
  '',
  '| path | ns/eval | GCs per 1M evals | bytes/eval | result |',
  '| --- | ---: | ---: | ---: | --- |',
  ...rows.map(
    (row) =>
      `| ${PATHS[row.path].label} | ${row.nsPerEval.toFixed(1)} | ${row.gcPer1M.toFixed(1)} | ` +
      `${row.bytesPerEval.toFixed(2)} | ${row.reason}${row.errorCode ? ` ${row.errorCode}` : ''} |`,
  ),
  '',
  'GCs per 1M: young-generation scavenges in the timed rounds (0 = nothing allocated per evaluation). bytes/eval:',
  'heap growth over one more untimed run of the same size, collections included (V8 GCProfiler), divided by it.',
];
console.log(lines.join('\n'));
