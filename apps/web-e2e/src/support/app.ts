import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath, screenshotDir, serverFile } from './paths';

export const DEMO_PASSWORD = 'Beacon-demo-2026';

export const DEMO_USERS = {
  admin: {
    email: 'admin@example.org',
    name: 'Alex Morgan',
    nav: ['Users', 'Audit', 'Subject access', 'Retention', 'Signposting', 'Hospitals', 'Jobs', 'Reports'],
    home: 'Users',
  },
  manager: {
    email: 'manager@example.org',
    name: 'Priya Shah',
    nav: ['Referrals', 'Calendar', 'Ward coverage', 'Schedules', 'Time', 'Reports'],
    home: 'Referrals',
  },
  advocate: {
    email: 'advocate@example.org',
    name: 'Sam Taylor',
    nav: ['My caseload', 'Calendar', 'Time'],
    home: 'My caseload',
  },
  advocate2: {
    email: 'advocate2@example.org',
    name: 'Jordan Reid',
    nav: ['My caseload', 'Calendar', 'Time'],
    home: 'My caseload',
  },
} as const;

export function baseUrl(): string {
  return (JSON.parse(readFileSync(serverFile, 'utf8')) as { baseUrl: string }).baseUrl;
}

/**
 * The spec file's browser, launched before its tests and closed after them:
 * `const browser = useBrowser();` then `newSession(browser())`.
 */
export function useBrowser(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('the browser starts in beforeAll; use it inside a test');
    return browser;
  };
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A fresh browser profile (no cookies), as a new device would be; page errors fail loudly. */
export async function newSession(
  browser: Browser,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    viewport: { width: 1280, height: 860 },
    locale: 'en-GB',
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  return { context, page, errors };
}

/** Uncaught exceptions and CSP violations: the app must run under its strict CSP without either. */
export function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) {
      errors.push(`csp: ${message.text()}`);
    }
  });
  return errors;
}

export function heading(page: Page, name: string | RegExp) {
  return page.getByRole('heading', { level: 1, name, exact: typeof name === 'string' ? true : undefined });
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await heading(page, 'Sign in to Beacon').waitFor();
  await page.getByLabel('Email', { exact: true }).fill(email);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

export async function mainNav(page: Page): Promise<string[]> {
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.waitFor();
  return (await nav.getByRole('link').allTextContents()).map((text) => text.trim());
}

/** The path of the page, once the router has settled on it. */
export async function waitForPath(page: Page, pathname: string | RegExp): Promise<void> {
  await page.waitForURL((url) =>
    typeof pathname === 'string' ? url.pathname === pathname : pathname.test(url.pathname),
  );
}

/** The whole page, or (`fullPage: false`) what is in view: a modal dialog over its page. */
export async function screenshot(page: Page, name: string, { fullPage = true } = {}): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  await page.screenshot({
    path: path.join(screenshotDir, `${name}.png`),
    fullPage,
    animations: 'disabled',
  });
}
