import { median, spread } from './statistics.mjs';

/** The targets from issue 9 §4, for the context-per-call run. */
const TARGET_NS = 150;
const TARGET_SPEEDUP = 4;

/**
 * @typedef {object} PerCallRow
 * @property {import('./implementation.mjs').ImplementationEntry} entry
 * @property {import('./sequential-run.mjs').Measurement} [perCall]
 * @property {string} [error]
 */

/**
 * The second table: every implementation with the context object built inside the timed loop (as callers
 * do), over the same distinct keys, and the verdict of each of our rows against the targets.
 * @param {PerCallRow[]} rows
 * @param {string} keysLabel
 * @returns {string[]} Lines to print.
 */
export function formatPerCallReport(rows, keysLabel) {
  const measured = rows.filter((row) => row.perCall && !row.error);
  const ns = (row) => median(row.perCall.nsPerEvaluation);
  const baseline = measured.find((row) => row.entry.ours);
  const header = [
    'implementation',
    `ns/eval ${keysLabel}, context per call`,
    'spread',
    'x ours',
    'GC/1M evals',
    'GC time',
  ];
  const body = rows.map((row) => {
    if (!row.perCall || row.error) return [row.entry.label, 'FAILED', '', '', '', ''];
    const m = row.perCall;
    const evaluations = m.evaluationsPerRound * m.nsPerEvaluation.length;
    return [
      row.entry.label,
      ns(row).toFixed(1),
      `${(spread(m.nsPerEvaluation) * 100).toFixed(1)}%`,
      baseline ? `${(ns(row) / ns(baseline)).toFixed(2)}x` : '-',
      ((m.gcCount * 1e6) / evaluations).toFixed(1),
      `${((m.gcMs / m.timedMs) * 100).toFixed(1)}%`,
    ];
  });
  return [...align([header, ...body]), '', ...verdicts(measured, ns)];
}

/**
 * @param {PerCallRow[]} measured
 * @param {(row: PerCallRow) => number} ns
 */
function verdicts(measured, ns) {
  const ours = measured.filter((row) => row.entry.ours);
  const peers = measured.filter((row) => !row.entry.ours);
  if (ours.length === 0) return ['per-call verdict: our engine did not run'];
  const fastest = peers.length === 0 ? undefined : peers.reduce((a, b) => (ns(a) <= ns(b) ? a : b));
  return ours.map((row) => {
    const own = ns(row);
    const time = `${own.toFixed(1)} ns ≤ ${TARGET_NS} → ${own <= TARGET_NS ? 'MET' : 'MISSED'}`;
    if (!fastest) return `per-call target, ${row.entry.label}: ${time}; no peer ran`;
    const speedup = ns(fastest) / own;
    return (
      `per-call target, ${row.entry.label}: ${time}; ${speedup.toFixed(2)}x the fastest peer ` +
      `(${fastest.entry.label}) ≥ ${TARGET_SPEEDUP}x → ${speedup >= TARGET_SPEEDUP ? 'MET' : 'MISSED'}`
    );
  });
}

/** @param {string[][]} table  First column left-aligned, the rest right-aligned. */
function align(table) {
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => String(row[column]).length)));
  const format = (row) =>
    row
      .map((cell, column) =>
        column === 0 ? String(cell).padEnd(widths[column]) : String(cell).padStart(widths[column]),
      )
      .join('  ')
      .trimEnd();
  return [format(table[0]), widths.map((width) => '-'.repeat(width)).join('  '), ...table.slice(1).map(format)];
}
