import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const ADMIN = join(ROOT, 'apps/admin');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const RESULTS = join(ROOT, 'test-results');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** Builds apps/admin when its dist is missing or older than its sources, so the service serves the current UI. */
export function ensureAdminUiBuilt(): void {
  const index = join(ADMIN, 'dist/index.html');
  const sources = Math.max(...['src', 'index.html', 'vite.config.ts'].map((name) => newestMtime(join(ADMIN, name))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  execFileSync('npm', ['run', 'build', '-w', 'apps/admin'], { cwd: ROOT, stdio: 'pipe' });
}

/** Debian's Chromium, headless; fails with how to install it when it is missing. */
export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}: install it with "apt-get update && apt-get install -y chromium" (or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A fresh browser session (its own sessionStorage) at a laptop-sized window. */
export async function newSession(
  browser: Browser,
  size = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: size });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/** Runs a browser scenario; when it fails, saves a screenshot of every open page under test-results/ first. */
export async function withScreenshotOnFailure(
  name: string,
  pages: () => Page[],
  scenario: () => Promise<void>,
): Promise<void> {
  try {
    await scenario();
  } catch (error) {
    mkdirSync(RESULTS, { recursive: true });
    const slug = name.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
    await Promise.all(
      pages().map((page, index) =>
        page
          .screenshot({ path: join(RESULTS, `${slug}${index ? `-${index}` : ''}.png`), fullPage: true })
          .catch(() => undefined),
      ),
    );
    throw error;
  }
}

/** Opens the UI, signs in with a token and waits for the first project's flag list. */
export async function signIn(page: Page, baseUrl: string, token: string): Promise<void> {
  await page.goto(`${baseUrl}/`);
  await page.getByLabel('Admin token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: /^Flags/ }).waitFor();
}

/**
 * The browser sessions of one test file: each opened page is screenshotted when its scenario fails, and every
 * session is closed after each test (call `closeAll` from `afterEach`).
 */
export class BrowserSessions {
  private readonly contexts: BrowserContext[] = [];
  private readonly pages: Page[] = [];

  /** A fresh session at `baseUrl`, signed in with `token` unless it is null. */
  async open(
    browser: Browser,
    baseUrl: string,
    token: string | null,
    size?: { width: number; height: number },
  ): Promise<Page> {
    const { context, page } = await newSession(browser, size);
    this.contexts.push(context);
    this.pages.push(page);
    if (token !== null) await signIn(page, baseUrl, token);
    return page;
  }

  /** A test whose failure saves a screenshot of every page it opened. */
  scenario(name: string, run: () => Promise<void>): void {
    it(name, () => withScreenshotOnFailure(name, () => this.pages.splice(0), run), 60_000);
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.contexts.splice(0).map((context) => context.close()));
    this.pages.length = 0;
  }
}
