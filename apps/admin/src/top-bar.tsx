import { useContext, type MouseEvent, type ReactNode } from 'react';
import type { Identity, Project } from './api/types.js';
import type { Route } from './routing/route.js';
import { WorkspaceContext } from './workspace.js';

interface TopBarProps {
  identity: Identity;
  route: Route;
  onSignOut: () => void;
  /** The projects and the current one, for the switcher even while the project has no environment. */
  projects?: Project[];
  project?: string;
  navigate: (route: Route) => void;
}

/** Brand, project and environment pickers, the main sections, and who is signed in. */
export function TopBar({ identity, route, onSignOut, projects, project, navigate }: TopBarProps): ReactNode {
  const workspace = useContext(WorkspaceContext);
  const go =
    (screen: 'flags' | 'segments' | 'scheduled' | 'sdks' | 'game-days' | 'audit' | 'access' | 'webhooks') =>
    (event: MouseEvent) => {
      event.preventDefault();
      if (workspace) workspace.navigate({ screen, project: workspace.project, env: workspace.env });
    };
  const current = route.screen === 'flag' ? 'flags' : route.screen === 'game-day' ? 'game-days' : route.screen;
  const base = workspace
    ? `/projects/${encodeURIComponent(workspace.project)}/environments/${encodeURIComponent(workspace.env)}`
    : '/';

  return (
    <header className="top-bar">
      <span className="brand">
        <span className="brand-mark" aria-hidden="true">
          ⇄
        </span>{' '}
        <span className="brand-name">Switchyard</span>
      </span>
      {!workspace && projects && project && (
        <div className="pickers">
          <ProjectPicker
            projects={projects}
            project={project}
            onPick={(key) => navigate({ screen: 'home', project: key })}
          />
        </div>
      )}
      {workspace && (
        <div className="pickers">
          <ProjectPicker
            projects={workspace.projects}
            project={workspace.project}
            onPick={(key) => workspace.navigate({ screen: 'home', project: key })}
          />
          <label>
            <span className="visually-hidden">Environment</span>
            <select
              aria-label="Environment"
              value={workspace.env}
              onChange={(event) => {
                const env = event.target.value;
                const { project } = workspace;
                // A run belongs to one environment: another environment shows its own runs.
                workspace.navigate(
                  route.screen === 'home'
                    ? { screen: 'flags', project, env }
                    : route.screen === 'game-day'
                      ? { screen: 'game-days', project, env }
                      : { ...route, env },
                );
              }}
            >
              {workspace.environments.map((env) => (
                <option key={env.key} value={env.key}>
                  {env.name || env.key}
                </option>
              ))}
            </select>
          </label>
        </div>
      )}
      {workspace && (
        <nav aria-label="Sections">
          <a href={base} aria-current={current === 'flags' ? 'page' : undefined} onClick={go('flags')}>
            Flags
          </a>
          <a
            href={`${base}/segments`}
            aria-current={current === 'segments' ? 'page' : undefined}
            onClick={go('segments')}
          >
            Segments
          </a>
          <a
            href={`${base}/scheduled`}
            aria-current={current === 'scheduled' ? 'page' : undefined}
            onClick={go('scheduled')}
          >
            Scheduled changes
          </a>
          <a href={`${base}/sdks`} aria-current={current === 'sdks' ? 'page' : undefined} onClick={go('sdks')}>
            Connected SDKs
          </a>
          <a
            href={`${base}/game-days`}
            aria-current={current === 'game-days' ? 'page' : undefined}
            onClick={go('game-days')}
          >
            Game days
          </a>
          <a href={`${base}/audit`} aria-current={current === 'audit' ? 'page' : undefined} onClick={go('audit')}>
            Audit log
          </a>
          {identity.role === 'admin' && (
            <a href={`${base}/access`} aria-current={current === 'access' ? 'page' : undefined} onClick={go('access')}>
              Keys &amp; tokens
            </a>
          )}
          {identity.role === 'admin' && (
            <a
              href={`${base}/webhooks`}
              aria-current={current === 'webhooks' ? 'page' : undefined}
              onClick={go('webhooks')}
            >
              Webhooks
            </a>
          )}
        </nav>
      )}
      <div className="who">
        <span className="muted small">
          {identity.name ? `${identity.name} · ` : 'signed in as '}
          <span data-testid="role">{identity.role}</span>
        </span>
        <button onClick={onSignOut}>Sign out</button>
      </div>
    </header>
  );
}

function ProjectPicker({
  projects,
  project,
  onPick,
}: {
  projects: Project[];
  project: string;
  onPick: (key: string) => void;
}): ReactNode {
  return (
    <label>
      <span className="visually-hidden">Project</span>
      <select aria-label="Project" value={project} onChange={(event) => onPick(event.target.value)}>
        {projects.map((candidate) => (
          <option key={candidate.key} value={candidate.key}>
            {candidate.name || candidate.key}
          </option>
        ))}
      </select>
    </label>
  );
}
