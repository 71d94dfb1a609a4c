import type { FuzzTarget } from './run-fuzz.js';

/** What the fuzzer knows exists: valid path parameters and body fields, and the SDK key it reports with. */
export interface SeededData {
  seeds: Record<string, string[]>;
  sdkKey: string;
}

/**
 * A project with two environments, three flags (one with a second config version), a segment, an SDK key
 * to report with, and a spare SDK key and admin token the fuzzer may revoke (never the credentials it uses).
 */
export async function seedFuzzData(target: Pick<FuzzTarget, 'baseUrl' | 'adminToken'>): Promise<SeededData> {
  const call = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${target.baseUrl}/api${path}`, {
      method,
      headers: {
        authorization: `Bearer ${target.adminToken}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const answer = await response.json();
    if (!response.ok)
      throw new Error(`seeding ${method} ${path} answered ${response.status}: ${JSON.stringify(answer)}`);
    return answer as Record<string, any>;
  };
  await call('POST', '/projects', { key: 'shop', name: 'Shop' });
  for (const key of ['staging', 'production'])
    await call('POST', '/projects/shop/environments', { key, name: key, protected: false });
  await call('POST', '/projects/shop/flags', {
    key: 'new-checkout',
    name: 'New checkout',
    type: 'boolean',
    tags: ['checkout'],
  });
  await call('POST', '/projects/shop/flags', {
    key: 'payments',
    name: 'Payments',
    type: 'boolean',
    tags: ['checkout', 'pay'],
  });
  await call('POST', '/projects/shop/flags', {
    key: 'banner',
    name: 'Banner',
    type: 'string',
    variants: { a: 'A', b: 'B' },
    offVariant: 'a',
    fallthroughVariant: 'b',
  });
  await call('PUT', '/projects/shop/environments/production/flags/new-checkout', {
    on: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { variant: 'on' },
    baseVersion: 1,
  });
  await call('POST', '/projects/shop/segments', { key: 'beta', name: 'Beta', included: ['user-1'] });
  const sdkKey = await call('POST', '/projects/shop/environments/production/sdk-keys', { name: 'fuzz' });
  const spareKey = await call('POST', '/projects/shop/environments/staging/sdk-keys', { name: 'spare' });
  const spareToken = await call('POST', '/tokens', { name: 'spare', role: 'viewer' });
  const webhook = await call('POST', '/projects/shop/webhooks', {
    url: 'https://hooks.example.com/fuzz',
    events: ['kill'],
  });
  return {
    sdkKey: String(sdkKey.key),
    seeds: {
      project: ['shop'],
      env: ['production', 'staging'],
      environment: ['production'],
      flag: ['new-checkout', 'payments', 'banner'],
      segment: ['beta'],
      id: [String(spareKey.id), String(spareToken.id), String(webhook.id)],
      n: ['1', '2'],
      tag: ['checkout', 'pay'],
      variant: ['on', 'off'],
      offVariant: ['off'],
    },
  };
}
