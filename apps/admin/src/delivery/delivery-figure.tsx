import { useEffect, useState, type ReactNode } from 'react';
import type { DeliveryStatus } from '../api/types.js';
import { describeError } from '../ui/describe-error.js';
import { useWorkspace } from '../workspace.js';

const POLL_MS = 500;
const GIVE_UP_AFTER = 20;

/**
 * "Environment version N applied by X of Y instances, p99 T ms", polled for a few seconds after a change. When the service refuses
 * (the role may not read it, the environment is gone) or fails, it says so instead of the figure.
 */
export function DeliveryFigure({ since }: { since: number }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [status, setStatus] = useState<DeliveryStatus>();
  const [error, setError] = useState<Error>();

  useEffect(() => {
    let polls = 0;
    let stopped = false;
    let timer: number | undefined;
    const poll = (): void => {
      api.delivery(project, env).then(
        (next) => {
          if (stopped) return;
          setStatus(next);
          setError(undefined);
          const done = next.version >= since && next.appliedInstances >= next.liveInstances;
          if (!done && ++polls < GIVE_UP_AFTER) timer = window.setTimeout(poll, POLL_MS);
        },
        (caught: Error) => {
          if (!stopped) setError(caught);
        },
      );
    };
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api, project, env, since]);

  if (error)
    return (
      <p className="delivery muted" role="status">
        Delivery figure unavailable: {describeError(error)}
      </p>
    );
  if (!status) return null;
  if (status.liveInstances === 0)
    return (
      <p className="delivery muted" role="status">
        No SDK instance is connected to {env} right now.
      </p>
    );
  const p99Ms = status.propagationMs.p99;
  const p99 = p99Ms === null ? '' : `, p99 ${Math.round(p99Ms)} ms`;
  return (
    <p className="delivery" role="status">
      Environment version {status.version} applied by {status.appliedInstances} of {status.liveInstances} live SDK
      instance
      {status.liveInstances === 1 ? '' : 's'}
      {p99}.
    </p>
  );
}
