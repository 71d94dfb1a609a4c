// Types of demo-setup.mjs, for the TypeScript tests that import it.
export declare const DEMO: {
  project: string;
  environment: string;
  keyName: string;
  flags: { checkout: string; payments: string; search: string };
};
export declare const PAYMENTS_BREAKER: Record<string, unknown>;
export declare function setUpDemo(options: {
  baseUrl: string;
  adminToken: string;
  sdkKey?: string;
}): Promise<{ sdkKey: string; created: string[]; reused: string[] }>;
