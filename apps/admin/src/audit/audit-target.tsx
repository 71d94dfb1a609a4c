import type { MouseEvent, ReactNode } from 'react';
import type { AuditEntry } from '../api/types.js';
import { formatRoute, type Route } from '../routing/route.js';
import { useWorkspace } from '../workspace.js';
import { entryVersion } from './audit-action.js';

/** What an entry changed: the flag, linked in its environment, and that version's diff; else the key it names. */
export function AuditTarget({ entry }: { entry: AuditEntry }): ReactNode {
  const { project, navigate } = useWorkspace();
  const where = entry.environmentKey;
  const flag = entry.flagKey;
  if (!flag || !where) return <>{[where, flag ?? entry.segmentKey].filter(Boolean).join(' / ')}</>;
  const version = entryVersion(entry);
  const inProject = entry.projectKey ?? project;
  const link = (route: Route, label: string, text: string): ReactNode => (
    <a
      href={formatRoute(route)}
      aria-label={label}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        navigate(route);
      }}
    >
      {text}
    </a>
  );
  const flagRoute: Route = { screen: 'flag', project: inProject, env: where, flag, tab: 'targeting' };
  return (
    <>
      {where} / {link(flagRoute, `Open ${flag} in ${where}`, flag)}
      {version !== undefined && (
        <>
          {' · '}
          {link(
            { ...flagRoute, tab: 'history', version },
            `Diff of ${flag} version ${version} in ${where}`,
            `diff of v${version}`,
          )}
        </>
      )}
    </>
  );
}
