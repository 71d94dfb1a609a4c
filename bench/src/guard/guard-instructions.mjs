// guard instructions per call (issue 11): the modes of guard-overhead.mjs counted by callgrind instead of timed,
// so the figure does not move with the box's load. Each mode runs twice under `valgrind --tool=callgrind`, one
// round of a few calls and one round of many (same warm-up), and the difference of the two instruction totals
// divided by the difference of the calls is what one call costs (start-up, warm-up and JIT work cancel out).
// Needs valgrind. Run after a build (`npm --prefix bench run build:delivery`):
//   node src/guard/guard-instructions.mjs [mode …]
// Knobs: BENCH_FEW / BENCH_MANY (sync calls, 200,000 / 1,200,000), BENCH_ASYNC_FEW / BENCH_ASYNC_MANY (async,
// 100,000 / 400,000), BENCH_WARMUP (calls before both, 1,000,000 sync, 300,000 async): a long warm-up so that
// both runs count optimised code only (the optimising compiler's threads are counted too).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const FEW = Number(process.env.BENCH_FEW ?? 200_000);
const MANY = Number(process.env.BENCH_MANY ?? 1_200_000);
const ASYNC_FEW = Number(process.env.BENCH_ASYNC_FEW ?? 100_000);
const ASYNC_MANY = Number(process.env.BENCH_ASYNC_MANY ?? 400_000);
const MODES = [
  'sync-direct',
  'sync-getboolean',
  'sync-guard',
  'sync-guard-timeout',
  'async-direct',
  'async-guard',
  'async-guard-timeout',
];
const overhead = fileURLToPath(new URL('./guard-overhead.mjs', import.meta.url));

/** The instructions callgrind counted for one run of `mode` with `calls` calls in its one timed round. */
function instructions(mode, calls, dir) {
  const out = join(dir, `${mode}-${calls}.out`);
  const sync = mode.startsWith('sync');
  const child = spawnSync(
    'valgrind',
    [
      '--tool=callgrind',
      '--smc-check=all-non-file',
      `--callgrind-out-file=${out}`,
      process.execPath,
      '--single-threaded',
      overhead,
      mode,
    ],
    {
      encoding: 'utf8',
      env: {
        ...process.env,
        BENCH_ROUNDS: '1',
        BENCH_WARMUP: process.env.BENCH_WARMUP ?? (sync ? '1000000' : '300000'),
        [sync ? 'BENCH_SYNC_CALLS' : 'BENCH_ASYNC_CALLS']: String(calls),
      },
    },
  );
  if (child.status !== 0) throw new Error(`${mode} under callgrind failed: ${child.stderr.slice(-2000)}`);
  const totals = /^(?:summary|totals): (\d+)/m.exec(readFileSync(out, 'utf8'));
  if (!totals) throw new Error(`no instruction total in ${out}`);
  return Number(totals[1]);
}

const chosen = process.argv.slice(2).length > 0 ? process.argv.slice(2) : MODES;
const dir = mkdtempSync(join(tmpdir(), 'guard-callgrind-'));
try {
  console.log('| mode | instructions per call |');
  console.log('| --- | ---: |');
  for (const mode of chosen) {
    const [few, many] = mode.startsWith('sync') ? [FEW, MANY] : [ASYNC_FEW, ASYNC_MANY];
    const perCall = (instructions(mode, many, dir) - instructions(mode, few, dir)) / (many - few);
    console.log(`| ${mode} | ${perCall.toFixed(0)} |`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
