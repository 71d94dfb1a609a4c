import { useState, type ReactNode } from 'react';
import type { FlagConfig } from '../api/types.js';
import { ErrorBanner, Notice } from '../ui/messages.js';
import { ReasonDialog } from '../ui/reason-dialog.js';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { describeBreakerState, describeNextAction, percent, utc } from './breaker-text.js';
import { BreakerSettingsForm } from './breaker-settings-form.js';
import { FailureSparkline } from './failure-sparkline.js';

/**
 * The flag's SDK circuit breaker in the current environment: its state, the last hour's failure rate, the last
 * trip's figures and instances, what happens next, the pin "killed, no auto-recovery" and the breaker settings.
 * Restoring is the header's Restore (it also takes a flag out of a pin).
 */
export function BreakerPanel({
  flagKey,
  config,
  onChanged,
}: {
  flagKey: string;
  config: FlagConfig;
  onChanged: () => void;
}): ReactNode {
  const { api, project, env, canWrite, refreshVersion } = useWorkspace();
  const status = useLoad(() => api.breaker(project, env, flagKey), [api, project, env, flagKey, config.version]);
  const [pinning, setPinning] = useState(false);
  const [done, setDone] = useState<string>();
  const breaker = status.data;
  const trip = breaker?.lastTrip;
  const next = breaker && describeNextAction(breaker);

  const pin = async (reason: string): Promise<void> => {
    await api.pinBreaker(project, env, flagKey, reason);
    setDone(`${flagKey} is pinned killed in ${env}: it is never probed again until someone restores it.`);
    refreshVersion();
    onChanged();
    status.reload();
  };

  return (
    <section className="card breaker" aria-labelledby="breaker-title">
      <h2 id="breaker-title">Circuit breaker</h2>
      <ErrorBanner error={status.error}>
        <button type="button" onClick={status.reload}>
          Retry
        </button>
      </ErrorBanner>
      <Notice>{done}</Notice>
      {breaker && (
        <>
          <p>
            State:{' '}
            <strong className={`breaker-state breaker-${breaker.state}`} data-testid="breaker-state">
              {describeBreakerState(breaker)}
            </strong>
            {breaker.coolDownMs !== null && breaker.state !== 'closed' && (
              <span className="muted small"> · cool-down {Math.round(breaker.coolDownMs / 1000)} s</span>
            )}
          </p>
          {next && <p data-testid="breaker-next">{next}</p>}
          {breaker.probe && (
            <p className="small">
              Probe since {utc(breaker.probe.since)}: {breaker.probe.failures} of {breaker.probe.calls} probed calls
              failed.
            </p>
          )}
          <FailureSparkline series={breaker.series} />
          {trip && (
            <div className="breaker-trip" data-testid="breaker-trip">
              <h3>Last trip</h3>
              <p>
                {trip.reason} <span className="muted small">at {utc(trip.at)}</span>
              </p>
              <p className="small">
                {percent(trip.failureRatio)} failed: {trip.failures} failures ({trip.timeouts} timeouts) of {trip.calls}{' '}
                calls in {Math.round(trip.windowMs / 1000)} s{trip.probe ? ', during a probe' : ''}.
              </p>
              <h4>Instances that tripped</h4>
              <ul className="breaker-instances">
                {trip.instances.map((sighting, index) => (
                  <li key={`${sighting.instance.id}-${index}`}>
                    <code>
                      {sighting.instance.appName}@{sighting.instance.hostname ?? sighting.instance.id}
                    </code>{' '}
                    at {utc(sighting.at)}: {percent(sighting.failureRatio)} of {sighting.calls} calls
                  </li>
                ))}
              </ul>
            </div>
          )}
          {canWrite && (breaker.state === 'open' || breaker.state === 'probing') && (
            <div className="actions">
              <button type="button" className="button-danger" onClick={() => setPinning(true)}>
                Pin: no auto-recovery
              </button>
            </div>
          )}
        </>
      )}
      <BreakerSettingsForm flagKey={flagKey} config={config} onSaved={onChanged} />
      {pinning && (
        <ReasonDialog
          title={`Pin ${flagKey} killed in ${env}?`}
          confirmLabel="Pin killed"
          required
          danger
          onConfirm={pin}
          onClose={() => setPinning(false)}
        >
          <p>
            Every SDK serves the off variant, a probe in progress ends, and the breaker never probes it again. Only a
            restore brings it back.
          </p>
        </ReasonDialog>
      )}
    </section>
  );
}
