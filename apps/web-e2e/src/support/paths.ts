import { existsSync } from 'node:fs';
import path from 'node:path';

export const workspaceRoot = path.resolve(__dirname, '../../../..');
/** E2E_STATE_DIR gives a run its own (two runs at once on one machine must not share a server). */
export const stateDir = process.env.E2E_STATE_DIR
  ? path.resolve(process.env.E2E_STATE_DIR)
  : path.join(workspaceRoot, 'tmp', 'web-e2e');
/** Written by the global setup for the tests: where the app runs. */
export const serverFile = path.join(stateDir, 'server.json');
export const serverLog = path.join(stateDir, 'server.log');
export const screenshotDir = path.join(workspaceRoot, 'docs', 'screenshots');

/** Debian's Chromium, or the one CHROMIUM_PATH names; never a browser downloaded by Playwright. */
export function chromiumPath(): string {
  const candidate = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(candidate)) {
    throw new Error(
      `Chromium was not found at ${candidate}. The end-to-end tests need it and are never skipped.\n` +
        `  Install it:  apt-get update && apt-get install -y chromium\n` +
        `  or point to one:  CHROMIUM_PATH=/path/to/chromium npm run test:e2e`,
    );
  }
  return candidate;
}
