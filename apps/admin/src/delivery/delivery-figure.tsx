import { useEffect, useState, type ReactNode } from 'react';
import type { DeliveryStatus } from '../api/types.js';
import { useWorkspace } from '../workspace.js';

const POLL_MS = 500;
const GIVE_UP_AFTER = 20;

/**
 * "Applied by X of Y instances, p99 T ms", polled for a few seconds after a change, while the service has a
 * delivery endpoint; renders nothing when it has none.
 */
export function DeliveryFigure({ since }: { since: number }): ReactNode {
  const { api, project, env } = useWorkspace();
  const [status, setStatus] = useState<DeliveryStatus>();

  useEffect(() => {
    let polls = 0;
    let stopped = false;
    let timer: number | undefined;
    const poll = (): void => {
      api.delivery(project, env).then(
        (next) => {
          if (stopped || !next) return;
          setStatus(next);
          const done = next.version >= since && next.applied >= next.instances;
          if (!done && ++polls < GIVE_UP_AFTER) timer = window.setTimeout(poll, POLL_MS);
        },
        () => undefined,
      );
    };
    poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [api, project, env, since]);

  if (!status) return null;
  if (status.instances === 0)
    return (
      <p className="delivery muted" role="status">
        No SDK instance is connected to {env} right now.
      </p>
    );
  const p99 = status.p99Ms === undefined ? '' : `, p99 ${Math.round(status.p99Ms)} ms`;
  return (
    <p className="delivery" role="status">
      Version {status.version} applied by {status.applied} of {status.instances} live SDK instance
      {status.instances === 1 ? '' : 's'}
      {p99}.
    </p>
  );
}
