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
  // The accessible name is in (visually hidden) text, not aria-label: a label would make every row a match for
  // the filter's "Flag" field to anyone looking fields up by label.
  const link = (route: Route, hidden: string, text: string): ReactNode => (
    <a
      href={formatRoute(route)}
      onClick={(event: MouseEvent) => {
        event.preventDefault();
        navigate(route);
      }}
    >
      {text}
      <span className="visually-hidden">{hidden}</span>
    </a>
  );
  const flagRoute: Route = { screen: 'flag', project: inProject, env: where, flag, tab: 'targeting' };
  return (
    <>
      {where} / {link(flagRoute, ` in ${where}`, flag)}
      {version !== undefined && (
        <>
          {' · '}
          {link({ ...flagRoute, tab: 'history', version }, ` of ${flag} in ${where}`, `diff of v${version}`)}
        </>
      )}
    </>
  );
}
