import { createContext, useContext } from 'react';
import type { AdminApi } from './api/admin-api.js';
import type { Environment, Identity, Project } from './api/types.js';
import type { Route } from './routing/route.js';

/** What every screen needs: the API, who is signed in, where they are, and the live environment version. */
export interface Workspace {
  api: AdminApi;
  identity: Identity;
  canWrite: boolean;
  isAdmin: boolean;
  projects: Project[];
  environments: Environment[];
  project: string;
  env: string;
  /** The current environment's version; it changes whenever anyone changes anything in it. */
  envVersion: number;
  navigate: (route: Route) => void;
  /** Ask for a fresh environment version now (after a write), rather than at the next poll. */
  refreshVersion: () => void;
}

export const WorkspaceContext = createContext<Workspace | undefined>(undefined);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace needs a WorkspaceContext provider');
  return workspace;
}

/** The current environment as last listed (with whether it is protected), once the list has it. */
export function useCurrentEnvironment(): Environment | undefined {
  const { environments, env } = useWorkspace();
  return environments.find((candidate) => candidate.key === env);
}
