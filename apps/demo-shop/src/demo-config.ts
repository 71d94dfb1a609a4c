/** What the demo shop reads from its environment, checked once at start. */
export interface DemoConfig {
  /** The flag service (SWITCHYARD_URL, default http://localhost:4242). */
  switchyardUrl: string;
  /** An SDK key of the demo's environment (SWITCHYARD_SDK_KEY, required; `npm run demo` creates one). */
  sdkKey: string;
  /** PORT, default 4300; 0: any free port. */
  port: number;
  /** HOST, default 127.0.0.1. */
  host: string;
  /** This instance's name in trip reports and answers (DEMO_INSTANCE, default the host name). */
  instance: string;
}

/** A bad variable; the message names each one. */
export class DemoConfigError extends Error {
  override name = 'DemoConfigError';
}

/** Reads and checks the config; throws a DemoConfigError naming every bad variable. */
export function loadDemoConfig(env: NodeJS.ProcessEnv, defaultInstance: string): DemoConfig {
  const problems: string[] = [];
  const switchyardUrl = env.SWITCHYARD_URL || 'http://localhost:4242';
  if (!/^https?:\/\/[^\s/]+/.test(switchyardUrl))
    problems.push(`SWITCHYARD_URL: expected an http(s) URL (got "${switchyardUrl}")`);
  const sdkKey = env.SWITCHYARD_SDK_KEY ?? '';
  if (sdkKey.trim() === '')
    problems.push('SWITCHYARD_SDK_KEY: required, an SDK key of the environment (`npm run demo` creates one)');
  const rawPort = env.PORT || '4300';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) problems.push(`PORT: expected 0–65535 (got "${rawPort}")`);
  if (problems.length > 0) throw new DemoConfigError(`invalid configuration: ${problems.join('; ')}`);
  return {
    switchyardUrl: switchyardUrl.replace(/\/+$/, ''),
    sdkKey,
    port,
    host: env.HOST || '127.0.0.1',
    instance: env.DEMO_INSTANCE || defaultInstance,
  };
}
