import type { Browser, Page } from 'playwright-core';
import { BrowserSessions, ensureAdminUiBuilt, launchBrowser } from './browser.js';
import { startApp, type StartAppOptions, type StartedApp } from './start-app.js';

/** One admin-UI test file's service, browser and sessions (see {@link adminUiSuite}). */
export interface AdminUiSuite {
  /** The service under test (set once the suite's `beforeAll` ran). */
  readonly service: StartedApp;
  readonly browser: Browser;
  /** Calls the admin API with the admin token; throws with the answer when the status is not 2xx. */
  api<T = any>(method: string, path: string, body?: unknown): Promise<T>;
  /** A fresh browser session, signed in with the admin token. */
  session(): Promise<Page>;
  /** A test whose failure saves a screenshot of every page it opened. */
  scenario(name: string, run: () => Promise<void>): void;
}

/**
 * Registers the hooks every admin-UI browser spec needs: the UI built when its sources changed, the service and
 * Debian's Chromium started before the tests (call it before the file's own `beforeAll`, which then finds them),
 * each test's sessions closed after it, everything stopped at the end.
 */
export function adminUiSuite(options: StartAppOptions = {}): AdminUiSuite {
  const sessions = new BrowserSessions();
  let service: StartedApp | undefined;
  let browser: Browser | undefined;
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`adminUiSuite: the ${what} is not started yet (use it in a test or hook)`);
    return value;
  };
  const suite: AdminUiSuite = {
    get service() {
      return started(service, 'service');
    },
    get browser() {
      return started(browser, 'browser');
    },
    async api<T = any>(method: string, path: string, body?: unknown): Promise<T> {
      const response = await suite.service.request<T>(method, `/api${path}`, { body });
      if (response.status >= 300)
        throw new Error(`${method} ${path} → ${response.status} ${JSON.stringify(response.body)}`);
      return response.body;
    },
    session: () => sessions.open(suite.browser, suite.service.baseUrl, suite.service.adminToken),
    scenario: (name, run) => sessions.scenario(name, run),
  };
  beforeAll(async () => {
    ensureAdminUiBuilt();
    [service, browser] = await Promise.all([startApp(options), launchBrowser()]);
  }, 120_000);
  afterEach(() => sessions.closeAll());
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });
  return suite;
}
