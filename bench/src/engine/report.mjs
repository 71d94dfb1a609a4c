import { median, spread } from './statistics.mjs';

/** Shares outside this band are flagged: every implementation should serve ≈25% of 1M keys. */
const SHARE_LOW = 0.24;
const SHARE_HIGH = 0.26;
/** The targets from issue 2. */
const TARGET_NS = 200;
const TARGET_SPEEDUP = 4;

/**
 * @typedef {object} Row
 * @property {import('./implementation.mjs').ImplementationEntry} entry
 * @property {string} version
 * @property {import('./sequential-run.mjs').Measurement} [distinct]
 * @property {import('./sequential-run.mjs').Measurement} [repeated]
 * @property {string} [error]
 */

/**
 * Formats the results table and the verdict against the targets. The first row that measured is the
 * baseline ("ours") for the ratio columns.
 * @param {Row[]} rows
 * @param {string} keysLabel  How the distinct-keys columns are titled, e.g. "1M keys".
 * @returns {string[]} Lines to print.
 */
export function formatReport(rows, keysLabel) {
  const baseline = rows.find((row) => row.entry.ours && row.distinct);
  const baseDistinct = baseline?.distinct ? median(baseline.distinct.nsPerEvaluation) : undefined;
  const baseRepeated = baseline?.repeated ? median(baseline.repeated.nsPerEvaluation) : undefined;
  const header = [
    'implementation',
    'version',
    `ns/eval ${keysLabel}`,
    'spread',
    'evals/s',
    'ns/eval 1 key',
    `x ours ${keysLabel}`,
    'x ours 1 key',
    'GC/1M evals',
    'GC time',
    'in rollout',
    'check',
  ];
  const body = rows.map((row) => {
    if (row.error)
      return [row.entry.label, row.version, 'FAILED', '', '', '', '', '', '', '', '', firstLine(row.error)];
    const ns = row.distinct ? median(row.distinct.nsPerEvaluation) : undefined;
    const nsOne = row.repeated ? median(row.repeated.nsPerEvaluation) : undefined;
    return [
      row.entry.label,
      row.version,
      fixed(ns, 1),
      row.distinct ? `${(spread(row.distinct.nsPerEvaluation) * 100).toFixed(1)}%` : '-',
      ns === undefined ? '-' : Math.round(1e9 / ns).toLocaleString('en-US'),
      fixed(nsOne, 1),
      ratio(ns, baseDistinct),
      ratio(nsOne, baseRepeated),
      row.distinct ? gcPerMillion(row.distinct).toFixed(1) : '-',
      row.distinct ? `${((row.distinct.gcMs / row.distinct.timedMs) * 100).toFixed(1)}%` : '-',
      row.distinct ? `${(row.distinct.onShare[0] * 100).toFixed(2)}%` : '-',
      row.distinct ? shareCheck(row.distinct.onShare) : '-',
    ];
  });
  return [...alignTable([header, ...body]), '', ...verdict(rows, baseline, baseDistinct, keysLabel)];
}

/**
 * @param {Row[]} rows
 * @param {Row | undefined} baseline
 * @param {number | undefined} ours
 * @param {string} keysLabel
 */
function verdict(rows, baseline, ours, keysLabel) {
  if (!baseline || ours === undefined) return ['verdict: our engine did not run, so no comparison (see FAILED rows)'];
  const peers = rows.filter((row) => !row.entry.ours && row.distinct);
  const lines = [
    `target ≤ ${TARGET_NS} ns/eval (${keysLabel}): ${ours.toFixed(1)} ns → ${ours <= TARGET_NS ? 'MET' : 'MISSED'}`,
  ];
  if (peers.length === 0) return [...lines, 'no peer ran, so no speed-up to report'];
  const fastest = peers.reduce((a, b) =>
    median(a.distinct.nsPerEvaluation) <= median(b.distinct.nsPerEvaluation) ? a : b,
  );
  const speedup = median(fastest.distinct.nsPerEvaluation) / ours;
  lines.push(
    `target ≥ ${TARGET_SPEEDUP}x faster than the fastest peer (${fastest.entry.label}): ` +
      `${speedup.toFixed(2)}x → ${speedup >= TARGET_SPEEDUP ? 'MET' : 'MISSED'}`,
  );
  return lines;
}

/**
 * Garbage collections per million evaluations in the distinct-keys rounds (0 = allocation-free).
 * @param {import('./sequential-run.mjs').Measurement} measurement
 */
function gcPerMillion(measurement) {
  const evaluations = measurement.evaluationsPerRound * measurement.nsPerEvaluation.length;
  return (measurement.gcCount * 1e6) / evaluations;
}

/** @param {number[]} shares */
function shareCheck(shares) {
  if (shares.some((share) => share !== shares[0])) return 'VARIES between rounds';
  return shares[0] < SHARE_LOW || shares[0] > SHARE_HIGH ? 'OUTSIDE 24-26%' : 'ok';
}

/** @param {number | undefined} value @param {number} digits */
function fixed(value, digits) {
  return value === undefined ? '-' : value.toFixed(digits);
}

/** @param {number | undefined} value @param {number | undefined} base */
function ratio(value, base) {
  return value === undefined || base === undefined ? '-' : `${(value / base).toFixed(2)}x`;
}

/** @param {string} text */
function firstLine(text) {
  return (
    text
      .split('\n')
      .find((line) => line.trim() !== '')
      ?.slice(0, 100) ?? ''
  );
}

/**
 * Pads columns: text left-aligned in the first column, everything else right-aligned.
 * @param {string[][]} table
 */
function alignTable(table) {
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => String(row[column]).length)));
  const format = (row) =>
    row
      .map((cell, column) =>
        column <= 1 || column === row.length - 1
          ? String(cell).padEnd(widths[column])
          : String(cell).padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [format(table[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...table.slice(1).map(format)];
}
