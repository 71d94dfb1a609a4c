import { useCallback, useEffect, useRef, useState } from 'react';
import type { AdminApi } from '../api/admin-api.js';
import type { Environment } from '../api/types.js';

/** How often the environment list (and so each environment's version) is polled while the tab is visible. */
export const POLL_MS = 1500;

export interface LiveEnvironments {
  /** The environments of `project`, or undefined until they have loaded. */
  environments: Environment[] | undefined;
  error: Error | undefined;
  refresh: () => void;
}

/**
 * Polls the project's environments: one small request whose `version` fields change whenever anyone changes
 * anything, so screens can refetch exactly when needed and the page updates without a reload.
 */
export function useEnvironments(api: AdminApi, project: string | undefined): LiveEnvironments {
  const [loaded, setLoaded] = useState<{ project: string; list: Environment[] }>();
  const [error, setError] = useState<Error>();
  const inFlight = useRef(false);

  const refresh = useCallback(() => {
    if (!project || inFlight.current) return;
    inFlight.current = true;
    api.environments(project).then(
      (list) => {
        inFlight.current = false;
        setError(undefined);
        setLoaded((previous) =>
          previous?.project === project && sameVersions(previous.list, list) ? previous : { project, list },
        );
      },
      (caught: unknown) => {
        inFlight.current = false;
        setError(caught instanceof Error ? caught : new Error(String(caught)));
      },
    );
  }, [api, project]);

  useEffect(() => {
    refresh();
    const timer = window.setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [refresh]);

  return { environments: loaded?.project === project ? loaded?.list : undefined, error, refresh };
}

// Protection is not a change in the environment (its version stays), yet the screens show it.
function sameVersions(a: Environment[] | undefined, b: Environment[]): boolean {
  return (
    !!a &&
    a.length === b.length &&
    a.every(
      (env, index) =>
        env.key === b[index].key && env.version === b[index].version && env.protected === b[index].protected,
    )
  );
}
