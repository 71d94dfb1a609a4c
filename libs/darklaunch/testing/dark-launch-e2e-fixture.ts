import { admin, type AdminTarget } from '@switchyard/delivery/testing';

/** Creates a dark-launch flag (a string flag with variants off, shadow, live) serving `serve` to everyone. */
export async function createDarkLaunchFlag(
  node: AdminTarget,
  key: string,
  serve: 'off' | 'shadow' | 'live' = 'shadow',
  project = 'shop',
  environment = 'prod',
): Promise<void> {
  await admin(node, 'POST', `/projects/${project}/flags`, {
    key,
    name: key,
    type: 'string',
    variants: { off: 'off', shadow: 'shadow', live: 'live' },
    offVariant: 'off',
    fallthroughVariant: serve,
  });
  await admin(node, 'POST', `/projects/${project}/environments/${environment}/flags/${key}/toggle`, { on: true });
}
