import { useEffect, useMemo, type ReactNode } from 'react';
import type { AdminApi } from './api/admin-api.js';
import type { Identity, Project } from './api/types.js';
import { AccessScreen } from './access/access-screen.js';
import { WebhooksScreen } from './alerts/webhooks-screen.js';
import { AuditScreen } from './audit/audit-screen.js';
import { ConnectedSdksScreen } from './delivery/connected-sdks-screen.js';
import { ScheduledChangesScreen } from './schedules/scheduled-changes-screen.js';
import { SegmentsScreen } from './segments/segments-screen.js';
import { FlagDetailScreen } from './flags/flag-detail-screen.js';
import { FlagListScreen } from './flags/flag-list-screen.js';
import { GameDayScreen } from './game-days/game-day-screen.js';
import { GameDaysScreen } from './game-days/game-days-screen.js';
import { useEnvironments } from './live/use-environments.js';
import { SetupScreen } from './setup-screen.js';
import { useRoute } from './routing/use-route.js';
import { TopBar } from './top-bar.js';
import { useLoad } from './ui/use-load.js';
import { ErrorBanner } from './ui/messages.js';
import { WorkspaceContext, type Workspace } from './workspace.js';

interface ShellProps {
  api: AdminApi;
  identity: Identity;
  onSignOut: () => void;
}

/** Loads projects and (live) environments, keeps the URL on a real project/environment, and picks the screen. */
export function Shell({ api, identity, onSignOut }: ShellProps): ReactNode {
  const [route, navigate] = useRoute();
  const projects = useLoad(() => api.projects(), [api]);
  // With no project in the URL, land on the first project that has an environment (one created over the API
  // without any must not lock everyone out: it stays one pick away in the project switcher).
  const landing = useLoad(
    () => (route.project || !projects.data ? Promise.resolve(undefined) : firstUsableProject(api, projects.data)),
    [api, projects.data, route.project],
  );
  const project = route.project ?? landing.data;
  const live = useEnvironments(api, project);
  const env = route.screen === 'home' ? live.environments?.[0]?.key : route.env;

  useEffect(() => {
    if (route.screen === 'home' && project && env) navigate({ screen: 'flags', project, env });
  }, [route.screen, project, env, navigate]);

  const workspace = useMemo<Workspace | undefined>(() => {
    if (!project || !env || !projects.data || !live.environments) return undefined;
    return {
      api,
      identity,
      canWrite: identity.role !== 'viewer',
      isAdmin: identity.role === 'admin',
      projects: projects.data,
      environments: live.environments,
      project,
      env,
      envVersion: live.environments.find((candidate) => candidate.key === env)?.version ?? 0,
      navigate,
      refreshVersion: live.refresh,
    };
  }, [api, identity, project, env, projects.data, live.environments, navigate, live.refresh]);

  const needsSetup =
    (projects.data && projects.data.length === 0) || (live.environments && live.environments.length === 0);

  return (
    <WorkspaceContext.Provider value={workspace}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <TopBar
        identity={identity}
        route={route}
        onSignOut={onSignOut}
        projects={projects.data}
        project={project}
        navigate={navigate}
      />
      <main id="main" className="page" tabIndex={-1}>
        <ErrorBanner error={projects.error ?? live.error}>
          <button
            onClick={() => {
              projects.reload();
              live.refresh();
            }}
          >
            Retry
          </button>
        </ErrorBanner>
        {needsSetup ? (
          <SetupScreen
            api={api}
            identity={identity}
            project={projects.data?.length ? project : undefined}
            onDone={(created) => {
              projects.reload();
              live.refresh();
              if (created) navigate(created);
            }}
          />
        ) : !workspace ? (
          <p role="status" className="muted">
            Loading…
          </p>
        ) : (
          <Screen route={route} />
        )}
      </main>
    </WorkspaceContext.Provider>
  );
}

/** The key of the first project (in the list's order) that has an environment, else of the first project. */
async function firstUsableProject(api: AdminApi, projects: Project[]): Promise<string | undefined> {
  for (const candidate of projects) {
    if ((await api.environments(candidate.key)).length > 0) return candidate.key;
  }
  return projects[0]?.key;
}

function Screen({ route }: { route: ReturnType<typeof useRoute>[0] }): ReactNode {
  switch (route.screen) {
    case 'home':
    case 'flags':
      return <FlagListScreen />;
    case 'flag':
      return <FlagDetailScreen key={route.flag} flagKey={route.flag} tab={route.tab} version={route.version} />;
    case 'segments':
      return <SegmentsScreen selected={route.segment} />;
    case 'audit':
      return <AuditScreen />;
    case 'sdks':
      return <ConnectedSdksScreen />;
    case 'access':
      return <AccessScreen />;
    case 'webhooks':
      return <WebhooksScreen />;
    case 'scheduled':
      return <ScheduledChangesScreen />;
    case 'game-days':
      return <GameDaysScreen />;
    case 'game-day':
      return <GameDayScreen key={route.run} runId={route.run} />;
  }
}
