import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { DarkLaunchReport, DarkLaunchWindow } from '../api/types.js';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { WindowPicker } from '../ui/window-picker.js';
import { utcTime } from '../ui/utc-time.js';
import { useWorkspace } from '../workspace.js';
import { clock, count, percent, quantile, ratio, stepText } from './dark-launch-text.js';
import { UplotChart, type ChartLine } from './uplot-chart.js';

const WINDOWS: Array<{ window: DarkLaunchWindow; label: string }> = [
  { window: '5m', label: 'Last 5 minutes' },
  { window: '1h', label: 'Last hour' },
  { window: '1d', label: 'Last day' },
];
/** How often the page asks for the report again (SDKs send dark-launch reports every 2 s). */
const REFRESH_MS = 3000;

const percentAxis = (value: number): string => `${(value * 100).toFixed(value < 0.1 && value > 0 ? 1 : 0)}%`;
const msAxis = (value: number): string => `${value} ms`;

/**
 * A dark-launch flag's reports in the current environment: figures over the window (runs, match and mismatch
 * rates, candidate errors and timeouts, live failures, control vs candidate p50/p99 and their ratio), uPlot
 * charts over time (rates; p99 of both sides), the differing paths ranked, noise paths, recent samples. Times
 * are UTC with the zone said. Refreshes every few seconds.
 */
export function DarkLaunchPanel({ flagKey }: { flagKey: string }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [window, setWindow] = useState<DarkLaunchWindow>('1h');
  const report = useLoad(() => api.darkLaunch(project, env, flagKey, window), [api, project, env, flagKey, window]);
  const { reload } = report;

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  return (
    <section aria-labelledby="dark-launch-title" className="dark-launch">
      <h2 id="dark-launch-title">Dark launch</h2>
      <WindowPicker options={WINDOWS} value={window} onChange={setWindow} />
      <ErrorBanner error={report.error}>
        <button onClick={reload}>Retry</button>
      </ErrorBanner>
      {report.data ? <Report data={report.data} /> : !report.error && <p role="status">Loading…</p>}
    </section>
  );
}

function Report({ data }: { data: DarkLaunchReport }): ReactNode {
  const f = data.figures;
  const times = useMemo(() => data.series.map((point) => Date.parse(point.start) / 1000), [data.series]);
  const rateLines = useMemo<ChartLine[]>(
    () => [
      { label: 'Mismatch rate', stroke: '#c2410c', values: data.series.map((p) => p.mismatchRate) },
      { label: 'Candidate error rate', stroke: '#7c3aed', values: data.series.map((p) => p.candidateErrorRate) },
      { label: 'Timeout rate', stroke: '#0369a1', values: data.series.map((p) => p.timeoutRate), dash: [4, 4] },
      {
        label: 'Live failure rate',
        stroke: '#be123c',
        values: data.series.map((p) => p.liveFailureRate),
        dash: [2, 2],
      },
    ],
    [data.series],
  );
  const latencyLines = useMemo<ChartLine[]>(
    () => [
      { label: 'Control p99', stroke: '#15803d', values: data.series.map((p) => p.controlP99Ms) },
      { label: 'Candidate p99', stroke: '#b45309', values: data.series.map((p) => p.candidateP99Ms) },
    ],
    [data.series],
  );
  const worst = data.series.reduce<(typeof data.series)[number] | undefined>(
    (max, p) => (p.mismatchRate !== null && (!max || p.mismatchRate > (max.mismatchRate ?? 0)) ? p : max),
    undefined,
  );
  const range = `${utcTime(data.from)} to ${utcTime(data.to)}, one point every ${stepText(data.stepMs)}`;

  return (
    <>
      {!data.darkLaunch && (
        <p className="banner" role="status">
          This flag is not a dark launch (its variants are not exactly off, shadow and live): SDKs report nothing for
          it.
        </p>
      )}
      <p className="muted small">{range}</p>
      <dl className="figures" aria-label="Dark-launch figures">
        <Figure term="Runs" value={count(f.runs)} note="candidate executions (shadow runs not skipped, live calls)" />
        <Figure
          term="Calls by mode"
          value={`off ${count(f.calls.off)} · shadow ${count(f.calls.shadow)} · live ${count(f.calls.live)}`}
        />
        <Figure
          term="Match rate"
          value={percent(f.matchRate)}
          note={`${count(f.matches)} of ${count(f.compared)} compared`}
        />
        <Figure
          term="Mismatch rate"
          value={percent(f.mismatchRate)}
          note={`${count(f.mismatches)} mismatches, ${count(f.ignored)} ignored`}
        />
        <Figure
          term="Candidate error rate"
          value={percent(f.candidateErrorRate)}
          note={`${count(f.candidateErrors)} errors`}
        />
        <Figure
          term="Timeout rate"
          value={percent(f.timeoutRate)}
          note={`${count(f.timeouts)} timeouts, ${count(f.skipped)} skipped`}
        />
        <Figure
          term="Live failure rate"
          value={percent(f.liveFailureRate)}
          note={`${count(f.liveFailures)} of ${count(f.liveCalls)} live calls served control`}
        />
        <Figure term="Control p50 / p99" value={`${quantile(f.control.p50)} / ${quantile(f.control.p99)}`} />
        <Figure term="Candidate p50 / p99" value={`${quantile(f.candidate.p50)} / ${quantile(f.candidate.p99)}`} />
        <Figure term="Candidate ÷ control" value={`p50 ${ratio(f.p50Ratio)} · p99 ${ratio(f.p99Ratio)}`} />
      </dl>
      <div className="charts">
        <UplotChart
          title="Mismatch and error rates over time"
          summary={
            worst
              ? `Highest mismatch rate ${percent(worst.mismatchRate)} at ${clock(worst.start)}; over the window ${percent(f.mismatchRate)} mismatches, ${percent(f.candidateErrorRate)} candidate errors.`
              : 'No comparisons in this window.'
          }
          times={times}
          lines={rateLines}
          yLabel="Rate"
          yValue={percentAxis}
        />
        <UplotChart
          title="p99 latency: control vs candidate"
          summary={
            f.control.p99.ms === null && f.candidate.p99.ms === null
              ? 'No durations in this window.'
              : `Over the window: control p99 ${quantile(f.control.p99)}, candidate p99 ${quantile(f.candidate.p99)} (${ratio(f.p99Ratio)}).`
          }
          times={times}
          lines={latencyLines}
          yLabel="ms"
          yValue={msAxis}
        />
      </div>
      <h3 id="paths-title">Differing paths</h3>
      {data.paths.length ? (
        <table aria-labelledby="paths-title">
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Mismatches</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {data.paths.map((path) => (
              <tr key={path.path}>
                <td>
                  <code>{path.path}</code>
                </td>
                <td>{count(path.count)}</td>
                <td>{percent(path.share)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No differing paths in this window.</p>
      )}
      <h3 id="noise-title">Noise paths</h3>
      <p className="muted small">Paths that also differ between two runs of control: not the candidate’s doing.</p>
      {data.noisePaths.length ? (
        <table aria-labelledby="noise-title">
          <thead>
            <tr>
              <th scope="col">Path</th>
              <th scope="col">Seen</th>
            </tr>
          </thead>
          <tbody>
            {data.noisePaths.map((path) => (
              <tr key={path.path}>
                <td>
                  <code>{path.path}</code>
                </td>
                <td>{count(path.count)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No noise paths in this window.</p>
      )}
      <h3 id="samples-title">Recent samples</h3>
      {data.samples.length ? (
        <table aria-labelledby="samples-title">
          <thead>
            <tr>
              <th scope="col">Seen (UTC)</th>
              <th scope="col">Context key</th>
              <th scope="col">Path</th>
              <th scope="col">Control</th>
              <th scope="col">Candidate</th>
            </tr>
          </thead>
          <tbody>
            {data.samples.map((sample, index) => (
              <tr key={`${sample.at}-${index}`}>
                <td>{utcTime(sample.at)}</td>
                <td>
                  <code>{sample.contextKey}</code>
                </td>
                <td>
                  <code>{sample.path}</code>
                </td>
                <td>
                  <code>{sample.control}</code>
                </td>
                <td>
                  <code>{sample.candidate}</code>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No samples in this window.</p>
      )}
    </>
  );
}

function Figure({ term, value, note }: { term: string; value: string; note?: string }): ReactNode {
  return (
    <div>
      <dt>{term}</dt>
      <dd>
        <strong>{value}</strong>
        {note && <span className="muted small"> {note}</span>}
      </dd>
    </div>
  );
}
