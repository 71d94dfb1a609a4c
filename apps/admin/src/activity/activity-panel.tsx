import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { ActivityWindow, FlagActivity } from '../api/types.js';
import { UplotChart, type ChartLine } from '../dark-launch/uplot-chart.js';
import { ErrorBanner } from '../ui/messages.js';
import { useLoad } from '../ui/use-load.js';
import { WindowPicker } from '../ui/window-picker.js';
import { utcTime } from '../ui/utc-time.js';
import { useWorkspace } from '../workspace.js';
import { ACTIVITY_WINDOWS, lastEvaluatedText, totalsText, variantColor } from './activity-text.js';

/** How often the panel asks again (SDKs send their counts every 10 s by default). */
const REFRESH_MS = 5000;

const countAxis = (value: number): string => value.toLocaleString('en-US');

/**
 * A flag's activity in the current environment: evaluations per variant over the last hour, day or week (a uPlot
 * chart, and the totals in text), when an SDK last evaluated it (UTC), and the SDK instances that did.
 */
export function ActivityPanel({ flagKey }: { flagKey: string }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [window, setWindow] = useState<ActivityWindow>('1h');
  const activity = useLoad(() => api.activity(project, env, flagKey, window), [api, project, env, flagKey, window]);
  const { reload } = activity;
  const words = ACTIVITY_WINDOWS.find((option) => option.window === window)!.words;

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  return (
    <section aria-labelledby="activity-title" className="activity">
      <h2 id="activity-title">Activity in {env}</h2>
      <WindowPicker options={ACTIVITY_WINDOWS} value={window} onChange={setWindow} />
      <ErrorBanner error={activity.error}>
        <button onClick={reload}>Retry</button>
      </ErrorBanner>
      {activity.data ? (
        <Activity data={activity.data} flagKey={flagKey} env={env} words={words} />
      ) : (
        !activity.error && <p role="status">Loading…</p>
      )}
    </section>
  );
}

function Activity({
  data,
  flagKey,
  env,
  words,
}: {
  data: FlagActivity;
  flagKey: string;
  env: string;
  words: string;
}): ReactNode {
  const times = useMemo(() => data.steps.map((start) => Date.parse(start) / 1000), [data.steps]);
  const lines = useMemo<ChartLine[]>(
    () =>
      data.series.map((series, index) => ({
        label: series.variant,
        stroke: variantColor(index),
        values: series.counts,
      })),
    [data.series],
  );
  const step = data.stepMs === 60_000 ? 'minute' : 'hour';

  return (
    <>
      <p className="small" data-testid="last-evaluated">
        {lastEvaluatedText(data.lastEvaluatedAt, env)}
      </p>
      {data.total === 0 ? (
        <p className="banner" role="status" data-testid="activity-empty">
          No SDK has evaluated this flag in {words}. Counts appear here a few seconds after an SDK connected with an SDK
          key of {env} evaluates <code>{flagKey}</code> (SDKs send them every 10 s by default).
        </p>
      ) : (
        <>
          <dl className="figures" aria-label="Evaluations per variant">
            {data.totals.map((total, index) => (
              <div key={total.variant}>
                <dt>
                  <span className="swatch" style={{ background: variantColor(index) }} aria-hidden="true" />
                  {total.variant}
                </dt>
                <dd>
                  <strong>{total.count.toLocaleString('en-US')}</strong>
                  <span className="muted small"> {Math.round((total.count / data.total) * 100)}%</span>
                </dd>
              </div>
            ))}
          </dl>
          <div className="charts">
            <UplotChart
              title={`Evaluations per variant, per ${step}`}
              summary={totalsText(data, words)}
              times={times}
              lines={lines}
              yLabel="Evaluations"
              yValue={countAxis}
            />
          </div>
        </>
      )}
      <h3 id="instances-title">SDK instances that evaluated it</h3>
      {data.instances.length ? (
        <table aria-labelledby="instances-title">
          <thead>
            <tr>
              <th scope="col">Instance</th>
              <th scope="col">App</th>
              <th scope="col">SDK version</th>
              <th scope="col">Last seen (UTC)</th>
            </tr>
          </thead>
          <tbody>
            {data.instances.map((instance) => (
              <tr key={instance.id}>
                <td>
                  <code>{instance.id}</code>
                </td>
                <td>{instance.appName}</td>
                <td>{instance.sdkVersion}</td>
                <td>{utcTime(instance.lastSeen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No SDK instance has evaluated this flag here in the last 8 days.</p>
      )}
    </>
  );
}
