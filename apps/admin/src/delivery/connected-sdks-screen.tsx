import { useEffect, useState, type ReactNode } from 'react';
import type { ListedSdkInstance } from '../api/types.js';
import { ErrorBanner } from '../ui/messages.js';
import { relativeTime } from '../ui/relative-time.js';
import { useLoad } from '../ui/use-load.js';
import { utcTime } from '../ui/utc-time.js';
import { useWorkspace } from '../workspace.js';

const REFRESH_MS = 5_000;

/** The app filter lives in the URL (`?app=checkout-api`), so a view can be shared and survives reload. */
function appFromUrl(): string {
  return new URLSearchParams(window.location.search).get('app') ?? '';
}

/**
 * The SDK instances of the environment seen in the last hour, from the delivery registry: app, SDK version,
 * node, applied version against the environment's, last seen; lagging ones first and said in words. Refreshed
 * every few seconds and whenever the environment's version moves.
 */
export function ConnectedSdksScreen(): ReactNode {
  const { api, project, env, envVersion } = useWorkspace();
  const [app, setApp] = useState(appFromUrl);
  const [tick, setTick] = useState(0);
  const list = useLoad(() => api.sdkInstances(project, env, app), [api, project, env, envVersion, app, tick]);

  useEffect(() => {
    const timer = window.setInterval(() => setTick((value) => value + 1), REFRESH_MS);
    return () => window.clearInterval(timer);
  }, []);

  useEffect(() => {
    const next = `${window.location.pathname}${app ? `?app=${encodeURIComponent(app)}` : ''}`;
    if (next !== `${window.location.pathname}${window.location.search}`) window.history.replaceState(null, '', next);
  }, [app]);

  const data = list.data;
  const now = Date.now();
  return (
    <section aria-labelledby="sdks-title">
      <h1 id="sdks-title">Connected SDKs in {env}</h1>
      <ErrorBanner error={list.error}>
        <button onClick={list.reload}>Retry</button>
      </ErrorBanner>
      {data && (data.apps.length > 0 || app) && (
        <div className="filters" role="search">
          <label>
            App{' '}
            <select value={app} onChange={(event) => setApp(event.target.value)}>
              <option value="">All apps</option>
              {[...new Set([...data.apps, ...(app ? [app] : [])])].map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {data && (
        <p role="status" className={data.lagging > 0 ? 'sdk-summary lagging' : 'sdk-summary'}>
          {data.summary}
          {data.total > data.instances.length && ` (showing the first ${data.instances.length})`}.
        </p>
      )}
      {data && data.total === 0 && !app && <NoSdkYet />}
      {data && data.instances.length > 0 && (
        <div className="table-wrap">
          <table className="sdks">
            <caption className="visually-hidden">SDK instances, lagging first</caption>
            <thead>
              <tr>
                <th scope="col">Status</th>
                <th scope="col">App</th>
                <th scope="col">SDK version</th>
                <th scope="col">Instance</th>
                <th scope="col">Node</th>
                <th scope="col">Applied version</th>
                <th scope="col">Last seen</th>
              </tr>
            </thead>
            <tbody>
              {data.instances.map((instance) => (
                <InstanceRow
                  key={instance.id}
                  instance={instance}
                  version={data.version}
                  now={now}
                  liveWindowS={data.liveWindowMs / 1000}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {data && (
        <p className="muted small">
          Instances seen in the last hour, at most 200 listed. An instance lags when its applied version has been behind
          the environment's for more than {data.lagGraceMs / 1000} s, or when it has not reported for{' '}
          {data.liveWindowMs / 1000} s.
        </p>
      )}
    </section>
  );
}

const versionsBehind = (count: number): string => `${count} version${count === 1 ? '' : 's'} behind`;

function InstanceRow(props: {
  instance: ListedSdkInstance;
  version: number;
  now: number;
  liveWindowS: number;
}): ReactNode {
  const { instance, version, now, liveWindowS } = props;
  const status =
    instance.lag === 'silent'
      ? `Lagging: not seen for over ${liveWindowS} s`
      : instance.lag === 'behind'
        ? `Lagging: ${instance.appliedVersion === null ? 'no version applied' : versionsBehind(version - instance.appliedVersion)}`
        : instance.appliedVersion !== null && instance.appliedVersion >= version
          ? 'Up to date'
          : 'Applying';
  return (
    <tr className={instance.lag ? 'lagging' : undefined} data-testid="sdk-instance">
      <td>
        <span className={instance.lag ? 'badge badge-lagging' : 'badge badge-current'}>{status}</span>
      </td>
      <td>{instance.appName}</td>
      <td>
        <code>{instance.sdkVersion}</code>
      </td>
      <td>
        <code className="small">{instance.id}</code>
      </td>
      <td>{instance.node}</td>
      <td>
        {instance.appliedVersion === null ? 'none' : `version ${instance.appliedVersion}`}{' '}
        <span className="muted small">(environment: version {version})</span>
      </td>
      <td>
        <time dateTime={instance.lastSeen} title={utcTime(instance.lastSeen)}>
          {relativeTime(instance.lastSeen, now)}
        </time>{' '}
        <span className="muted small">{utcTime(instance.lastSeen)}</span>
      </td>
    </tr>
  );
}

/** The empty state: how an SDK connects, and where the README explains it. */
function NoSdkYet(): ReactNode {
  const { project, env, isAdmin } = useWorkspace();
  const keys = `/projects/${encodeURIComponent(project)}/environments/${encodeURIComponent(env)}/access`;
  return (
    <div className="empty-state">
      <p>
        No SDK instance has connected to {env} in the last hour. An app connects with an SDK key of this environment
        {isAdmin ? (
          <>
            {' '}
            (create one under <a href={keys}>Keys &amp; tokens</a>)
          </>
        ) : (
          ' (an admin creates one under Keys & tokens)'
        )}{' '}
        and <code>@switchyard/sdk</code>:
      </p>
      <pre>
        <code>{`import { createClient } from '@switchyard/sdk';

const flags = createClient({ sdkKey: process.env.SWITCHYARD_SDK_KEY!, baseUrl: '${window.location.origin}', appName: 'checkout' });
await flags.waitUntilReady({ timeoutMs: 2000 });`}</code>
      </pre>
      <p>
        The complete example is in the repository's <code>README.md</code>, section <cite>Embedding the SDK</cite>. Once
        the app runs, its instance shows up here within seconds.
      </p>
    </div>
  );
}
