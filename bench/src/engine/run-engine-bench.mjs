/**
 * The engine benchmark: Switchyard's evaluation engine against peer SDKs on one logical flag (see
 * scenario.mjs). Each implementation and mode is measured in its own child process, one after another
 * (see sequential-run.mjs).
 *
 *   node src/engine/run-engine-bench.mjs [implementation-id ...]
 */
import { describeEnvironment, installedVersion } from './environment.mjs';
import { IMPLEMENTATIONS, findImplementation } from './implementation.mjs';
import { runSequentially } from './sequential-run.mjs';
import { formatPerCallReport } from './per-call-report.mjs';
import { formatReport } from './report.mjs';
import { readSettings } from './settings.mjs';

const selected = process.argv.length > 2 ? process.argv.slice(2).map(findImplementation) : IMPLEMENTATIONS;
const settings = readSettings();
const environment = describeEnvironment();
const started = process.hrtime.bigint();

const slots = await runSequentially(
  selected.map((entry) => entry.id),
  settings.rounds,
  progress,
);
/** @type {import('./report.mjs').Row[]} */
const rows = selected.map((entry) => {
  const distinct = slots.find((slot) => slot.id === entry.id && slot.mode === 'distinct');
  const repeated = slots.find((slot) => slot.id === entry.id && slot.mode === 'repeated');
  const error = distinct?.error ?? repeated?.error;
  return error
    ? { entry, version: installedVersion(entry.packageName), error }
    : {
        entry,
        version: installedVersion(entry.packageName),
        distinct: distinct?.measurement,
        repeated: repeated?.measurement,
      };
});
/** @type {import('./per-call-report.mjs').PerCallRow[]} */
const perCallRows = selected.map((entry) => {
  const slot = slots.find((candidate) => candidate.id === entry.id && candidate.mode === 'per-call');
  return { entry, perCall: slot?.measurement, error: slot?.error };
});
for (const row of rows) if (row.error) progress(`${row.entry.label} FAILED: ${row.error}`);
for (const row of perCallRows) if (row.error) progress(`${row.entry.label} (per-call) FAILED: ${row.error}`);

const seconds = Number(process.hrtime.bigint() - started) / 1e9;
const lines = [
  'Switchyard engine benchmark: one flag, rule 1 plan in [internal] → on (never matches),',
  'rule 2 country in [US, CA, GB] → 25% rollout by key (always matches), otherwise off.',
  '',
  ...environment,
  `settings  ${settings.keys.toLocaleString('en-US')} distinct keys per round; ` +
    `${settings.repeatedKeyEvaluations.toLocaleString('en-US')} evaluations of one key per round; ` +
    `median of ${settings.rounds} rounds after ${settings.warmupEvaluations.toLocaleString('en-US')} warm-up evaluations;`,
  '          one child process per implementation and mode, run one after another',
  '',
  ...formatReport(rows, keysLabel(settings.keys)),
  '',
  `x ours = that row's ns/eval divided by switchyard compileSnapshot().evaluate (higher = slower than ours).`,
  'spread = (slowest - fastest round) / median. GC columns: collections per 1M evaluations and their share of',
  'the timed distinct-keys rounds (0 = nothing allocated per evaluation).',
  '',
  'Context per call: the same keys, each evaluation building its context object inside the timed loop, as',
  'callers write it (the object and its garbage are billed to every implementation alike).',
  '',
  ...formatPerCallReport(perCallRows, keysLabel(settings.keys)),
  '',
  `Run took ${seconds.toFixed(0)} s.`,
];
console.log(lines.join('\n'));
if (rows.some((row) => row.error) || perCallRows.some((row) => row.error)) process.exitCode = 1;

/** @param {number} keys */
function keysLabel(keys) {
  return keys % 1_000_000 === 0 ? `${keys / 1_000_000}M keys` : `${keys.toLocaleString('en-US')} keys`;
}

/** @param {string} message */
function progress(message) {
  process.stderr.write(`[bench] ${message}\n`);
}
