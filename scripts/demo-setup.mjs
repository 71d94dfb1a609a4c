// The demo's flags, created through the admin API (README: "The demo shop"). Idempotent: what exists is reused
// as it is (a flag someone turned on stays on); only what is missing is created. Used by scripts/demo.mjs and by
// test/demo-shop-setup.e2e-spec.ts, which runs it twice against one service.

export const DEMO = {
  project: 'demo-shop',
  environment: 'staging',
  keyName: 'demo-shop',
  flags: {
    checkout: 'new-checkout',
    payments: 'payments-v2',
    search: 'search-v2',
  },
};

/** Breaker settings of payments-v2: a few failing payments trip it; it probes after 10 s, restores after 10 s more. */
export const PAYMENTS_BREAKER = {
  windowMs: 10_000,
  minimumCalls: 5,
  failureRatio: 0.5,
  timeoutMs: 1000,
  autoRecover: { coolDownMs: 10_000, probePercent: 50, probeWindowMs: 10_000, maxCoolDownMs: 60_000 },
};

const CONFIGS = {
  // off: GET /checkout answers 404 until someone turns the flag on
  [DEMO.flags.checkout]: { on: false, offVariant: 'off', rules: [], fallthrough: { variant: 'on' } },
  [DEMO.flags.payments]: {
    on: true,
    offVariant: 'off',
    rules: [],
    fallthrough: { variant: 'on' },
    breaker: PAYMENTS_BREAKER,
  },
  // a dark launch serving shadow to everyone: callers get v1, v2 runs beside it and is compared
  [DEMO.flags.search]: { on: true, offVariant: 'off', rules: [], fallthrough: { variant: 'shadow' } },
};

/**
 * Creates (or finds) the demo project, its environment `staging`, the three flags and their configs, and an SDK
 * key. `sdkKey`: a key kept from an earlier run, reused when the service still accepts it for this environment.
 * Returns the key and what was created and reused, in words.
 */
export async function setUpDemo({ baseUrl, adminToken, sdkKey }) {
  const api = apiOf(baseUrl, adminToken);
  const created = [];
  const reused = [];
  const note = (status, what) => (status === 409 ? reused : created).push(what);
  const P = `/projects/${DEMO.project}`;
  const E = `${P}/environments/${DEMO.environment}`;

  note((await api('POST', '/projects', { key: DEMO.project, name: 'Demo shop' }, [409])).status, 'project');
  note(
    (await api('POST', `${P}/environments`, { key: DEMO.environment, name: 'Staging', protected: false }, [409]))
      .status,
    'environment',
  );
  const definitions = [
    { key: DEMO.flags.checkout, name: 'New checkout', type: 'boolean' },
    { key: DEMO.flags.payments, name: 'Payments v2', type: 'boolean' },
    { key: DEMO.flags.search, name: 'Search v2', kind: 'dark-launch' },
  ];
  for (const definition of definitions) {
    const { status } = await api('POST', `${P}/flags`, definition, [409]);
    note(status, `flag ${definition.key}`);
    // A new flag gets the demo's config; an existing one keeps whatever it serves now.
    if (status !== 409) await configure(api, `${E}/flags/${definition.key}`, CONFIGS[definition.key]);
  }

  if (sdkKey && (await keyWorks(baseUrl, sdkKey))) {
    reused.push('SDK key');
  } else {
    const { body } = await api('POST', `${E}/sdk-keys`, { name: DEMO.keyName });
    sdkKey = body.key;
    created.push('SDK key');
  }
  return { sdkKey, created, reused };
}

async function configure(api, path, config) {
  const { body: current } = await api('GET', path);
  await api('PUT', path, { ...config, baseVersion: current.version, reason: 'demo set-up' });
}

async function keyWorks(baseUrl, sdkKey) {
  const response = await fetch(`${baseUrl}/sdk/v1/snapshot`, { headers: { authorization: `Bearer ${sdkKey}` } });
  await response.arrayBuffer();
  return response.status === 200;
}

function apiOf(baseUrl, adminToken) {
  return async function api(method, path, body, allow = []) {
    const response = await fetch(`${baseUrl}/api${path}`, {
      method,
      headers: { authorization: `Bearer ${adminToken}`, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await response.text();
    const json = text ? JSON.parse(text) : undefined;
    if (response.status >= 300 && !allow.includes(response.status))
      throw new Error(`${method} /api${path} answered ${response.status}: ${text}`);
    return { status: response.status, body: json };
  };
}
