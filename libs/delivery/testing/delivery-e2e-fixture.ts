/** A running node as the e2e tests and benchmarks reach it: over HTTP only. */
export interface AdminTarget {
  baseUrl: string;
  adminToken: string;
}

/** Calls the admin API; throws with the answer when the status is not 2xx. */
export async function admin<T = any>(node: AdminTarget, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${node.baseUrl}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${node.adminToken}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (response.status >= 300) throw new Error(`${method} /api${path} answered ${response.status}: ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Creates a project, an environment and an SDK key for it; returns the key's secret and id. */
export async function seedEnvironment(node: AdminTarget, project = 'shop', environment = 'prod'): Promise<string> {
  return (await seedEnvironmentWithKeyId(node, project, environment)).key;
}

/** Like seedEnvironment, also returning the SDK key's id (to revoke it). */
export async function seedEnvironmentWithKeyId(
  node: AdminTarget,
  project = 'shop',
  environment = 'prod',
): Promise<{ key: string; id: string }> {
  await admin(node, 'POST', '/projects', { key: project, name: project });
  await admin(node, 'POST', `/projects/${project}/environments`, {
    key: environment,
    name: environment,
    protected: false,
  });
  return admin(node, 'POST', `/projects/${project}/environments/${environment}/sdk-keys`, { name: 'e2e' });
}

/** Creates a boolean flag and turns it on (serving true) in the environment. */
export async function createBooleanFlag(
  node: AdminTarget,
  key: string,
  project = 'shop',
  environment = 'prod',
): Promise<void> {
  await admin(node, 'POST', `/projects/${project}/flags`, { key, name: key, type: 'boolean' });
  await admin(node, 'POST', `/projects/${project}/environments/${environment}/flags/${key}/toggle`, { on: true });
}

/** Kills a flag through the admin API; returns the environment version the kill produced. */
export async function killFlag(
  node: AdminTarget,
  key: string,
  project = 'shop',
  environment = 'prod',
): Promise<number> {
  const state = await admin(node, 'POST', `/projects/${project}/environments/${environment}/flags/${key}/kill`, {
    reason: 'e2e',
  });
  return state.environmentVersion as number;
}

/** Restores a killed flag; returns the new environment version. */
export async function restoreFlag(
  node: AdminTarget,
  key: string,
  project = 'shop',
  environment = 'prod',
): Promise<number> {
  const state = await admin(node, 'POST', `/projects/${project}/environments/${environment}/flags/${key}/restore`, {
    reason: 'e2e',
  });
  return state.environmentVersion as number;
}
