import type { ReactNode } from 'react';
import { useLoad } from '../ui/use-load.js';
import { useWorkspace } from '../workspace.js';
import { describeLifecycle } from './flag-lifecycle.js';

/**
 * The flag page's lifecycle line in the current environment: temporary or permanent, age, and "Potentially
 * stale" with its reasons in words (as the flag list shows them, from the same answer of the service).
 */
export function FlagLifecycleLine({ flagKey, archived }: { flagKey: string; archived: boolean }): ReactNode {
  const { api, project, env, envVersion } = useWorkspace();
  const list = useLoad(
    () => api.environmentFlags(project, env, { archived }),
    [api, project, env, archived, envVersion],
  );
  const item = list.data?.items.find((candidate) => candidate.meta.key === flagKey);
  if (!item?.lifecycle) return null;
  const life = describeLifecycle(item.meta.temporary, item.lifecycle);
  return (
    <p className="lifecycle small" data-testid="flag-lifecycle">
      <span className="badge badge-lifetime">{life.kind}</span> <span className="muted">{life.age}</span>
      {life.stale.length > 0 && (
        <>
          {' '}
          <span className="badge badge-stale" data-testid="stale">
            Potentially stale
          </span>{' '}
          <span data-testid="stale-reasons">{life.stale.join('; ')}</span>
        </>
      )}
    </p>
  );
}
