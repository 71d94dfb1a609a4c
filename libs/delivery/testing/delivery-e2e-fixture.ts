import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { CreateEnvironment } from '../../flags/application/create-environment.js';
import { CreateFlag } from '../../flags/application/create-flag.js';
import { CreateProject } from '../../flags/application/create-project.js';
import { KillFlag } from '../../flags/application/kill-flag.js';
import { RestoreFlag } from '../../flags/application/restore-flag.js';
import { ToggleFlag } from '../../flags/application/toggle-flag.js';
import type { Actor } from '../../kernel/actor.js';

/** What the e2e tests need from a running node: its app, base URL and admin token. */
export interface RunningNode {
  app: NestFastifyApplication;
  baseUrl: string;
  adminToken: string;
}

const actor: Actor = { type: 'system', id: 'e2e', name: 'e2e' };

/** Creates a project and an environment, and an SDK key for it over the admin API; returns the key. */
export async function seedEnvironment(node: RunningNode, project = 'shop', environment = 'prod'): Promise<string> {
  await node.app.get(CreateProject).execute({ key: project, name: project }, actor);
  await node.app.get(CreateEnvironment).execute({ projectKey: project, key: environment, name: environment }, actor);
  const response = await fetch(`${node.baseUrl}/api/projects/${project}/environments/${environment}/sdk-keys`, {
    method: 'POST',
    headers: { authorization: `Bearer ${node.adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'e2e' }),
  });
  if (response.status !== 201) throw new Error(`creating an SDK key answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { key: string }).key;
}

/** Creates a boolean flag (on, serving true) in the project. */
export async function createBooleanFlag(node: RunningNode, key: string, project = 'shop', environment = 'prod'): Promise<void> {
  await node.app.get(CreateFlag).execute(project, { key, name: key, type: 'boolean' }, actor);
  await node.app.get(ToggleFlag).execute({ projectKey: project, environmentKey: environment, flagKey: key, actor }, true, {});
}

/** Kills a flag (admin action). Returns the environment version the kill produced. */
export async function killFlag(node: RunningNode, key: string, project = 'shop', environment = 'prod'): Promise<number> {
  const result = await node.app.get(KillFlag).execute({ projectKey: project, environmentKey: environment, flagKey: key, actor }, 'e2e');
  return result.environmentVersion;
}

/** Restores a killed flag. Returns the new environment version. */
export async function restoreFlag(node: RunningNode, key: string, project = 'shop', environment = 'prod'): Promise<number> {
  const result = await node.app.get(RestoreFlag).execute({ projectKey: project, environmentKey: environment, flagKey: key, actor }, 'e2e');
  return result.environmentVersion;
}
