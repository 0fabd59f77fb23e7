import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs, createAccount } from './support/api';
import {
  DEMO_USERS,
  heading,
  useBrowser,
  mainNav,
  newSession,
  screenshot,
  signIn,
  waitForPath,
} from './support/app';
import { TOTP_STEP_SECONDS, totp, totpForKey } from './support/totp';

const browser = useBrowser();

/** A 6-digit code the app could not be showing now (nor a step either side). */
function wrongCode(secret: string): string {
  const now = Date.now();
  const near = new Set([-2, -1, 0, 1, 2].map((step) => totp(secret, now + step * TOTP_STEP_SECONDS * 1000)));
  for (let n = 0; ; n++) {
    const code = String(n).padStart(6, '0');
    if (!near.has(code)) return code;
  }
}

async function focusedId(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.id);
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out', exact: true }).click();
  await waitForPath(page, '/sign-in');
  await heading(page, 'Sign in to Beacon').waitFor();
}

/** The setup page or section: reads the key as a person would type it, and turns it on with the app's code. */
async function setUpWithApp(page: Page): Promise<{ secret: string; enrolCode: string; codes: string[] }> {
  await page.getByRole('img', { name: 'QR code to add Beacon to your authenticator app' }).waitFor();
  const key = await page.getByRole('group', { name: 'Or enter this key' }).locator('code').innerText();
  expect(key).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const secret = key.replace(/\s/g, '');

  // A wrong code is refused beside the field; the right one turns it on.
  const field = page.getByLabel('Code from the app', { exact: true });
  await field.fill(wrongCode(secret));
  await page.getByRole('button', { name: 'Turn on', exact: true }).click();
  await page
    .locator('#mfa-setup-code-error')
    .getByText('Code from the app is not the code your authenticator app shows now')
    .waitFor();
  const enrolCode = totp(secret);
  await field.fill(enrolCode);
  await page.getByRole('button', { name: 'Turn on', exact: true }).click();

  const list = page.getByRole('list', { name: 'Your recovery codes' });
  await list.waitFor();
  const codes = (await list.locator('code').allInnerTexts()).map((text) => text.trim());
  expect(codes).toHaveLength(10);
  for (const code of codes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
  expect(new Set(codes).size).toBe(10);
  return { secret, enrolCode, codes };
}

describe('the tests’ authenticator', () => {
  it('makes the codes of RFC 6238’s SHA-1 test vectors', () => {
    const key = Buffer.from('12345678901234567890', 'ascii');
    expect(totpForKey(key, 59_000, 8)).toBe('94287082');
    expect(totpForKey(key, 59_000)).toBe('287082');
    expect(totpForKey(key, 1_111_111_109_000, 8)).toBe('07081804');
    expect(totpForKey(key, 1_234_567_890_000, 8)).toBe('89005924');
    expect(totpForKey(key, 20_000_000_000_000, 8)).toBe('65353130');
    // The same key in base32, as Beacon shows it.
    expect(totp('GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ', 59_000)).toBe('287082');
  });
});

describe('two-step verification', () => {
  it('makes a new manager choose a password, then set it up first, then asks for a code, takes a recovery code, and starts again after an admin reset', async () => {
    const account = await createAccount('Twostep', ['MANAGER'], { temporary: true });
    const password = 'Lantern-harbour-quiet-2026';
    const { context, page, errors } = await newSession(browser());

    // First sign-in with the password the admin gave: choosing their own comes before anything,
    // two-step verification included.
    await page.goto('/');
    await signIn(page, account.email, account.initialPassword);
    await heading(page, 'Choose your own password').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await page.getByText('Your password was set by an admin. Choose a password only you know.').waitFor();
    await page.getByLabel('Temporary password', { exact: true }).fill(account.initialPassword);
    await page.getByLabel('New password', { exact: true }).fill(password);
    await page.getByLabel('Confirm new password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Save my password' }).click();

    // Then, with no grace for a new manager, setting up two-step verification is the only page.
    await heading(page, 'Set up two-step verification').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    await page.getByText('Managers and admins can see every case in Beacon').waitFor();
    await page.getByRole('img', { name: 'QR code to add Beacon to your authenticator app' }).waitFor();
    await screenshot(page, 'mfa-setup');
    // Other addresses show the same page.
    await page.goto('/calendar');
    await heading(page, 'Set up two-step verification').waitFor();
    await page.goto('/');
    await heading(page, 'Set up two-step verification').waitFor();

    const { secret, enrolCode, codes } = await setUpWithApp(page);
    // The recovery codes heading takes focus, as the form before it has gone.
    await page.waitForFunction(() => document.activeElement?.tagName === 'H2');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download as text file' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('beacon-recovery-codes.txt');
    const file = readFileSync(await download.path(), 'utf8');
    expect(file).toContain(`Beacon recovery codes for ${account.email}`);
    for (const code of codes) expect(file).toContain(code);
    await page.getByRole('button', { name: 'I have saved my recovery codes' }).click();

    // On to a manager's home page, with the navigation and without a reminder.
    await heading(page, DEMO_USERS.manager.home).waitFor();
    expect(await mainNav(page)).toEqual(DEMO_USERS.manager.nav);
    expect(await page.getByRole('region', { name: 'Two-step verification reminder' }).count()).toBe(0);
    await signOut(page);

    // Signing in now takes the code as a second step.
    await signIn(page, account.email, password);
    const codeField = page.getByLabel('Authentication code', { exact: true });
    await codeField.waitFor();
    await page.getByRole('heading', { name: 'Enter the 6-digit code from your authenticator app' }).waitFor();
    expect(await focusedId(page)).toBe('code');
    expect(await codeField.getAttribute('autocomplete')).toBe('one-time-code');
    expect(await codeField.getAttribute('inputmode')).toBe('numeric');
    await screenshot(page, 'mfa-sign-in');

    // The code that turned it on is spent: refused as a replay, beside the field.
    await codeField.fill(enrolCode);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    const codeError = page.locator('#code-error');
    await codeError.getByText('That code is not right.').waitFor();
    expect(await codeField.getAttribute('aria-invalid')).toBe('true');
    expect(await codeField.inputValue()).toBe('');
    expect(await focusedId(page)).toBe('code');

    // The app's next code (the current step was spent at enrolment) signs in.
    await codeField.fill(totp(secret, Date.now() + TOTP_STEP_SECONDS * 1000));
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await heading(page, DEMO_USERS.manager.home).waitFor();
    await signOut(page);

    // "Back" starts again, keeping the email address.
    await signIn(page, account.email, password);
    await codeField.waitFor();
    await page.getByRole('button', { name: 'Back to email and password' }).click();
    await heading(page, 'Sign in to Beacon').waitFor();
    expect(await page.getByLabel('Email', { exact: true }).inputValue()).toBe(account.email);
    expect(await page.getByLabel('Password', { exact: true }).inputValue()).toBe('');
    expect(await focusedId(page)).toBe('password');

    // A recovery code in place of the app.
    await page.getByLabel('Password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await codeField.waitFor();
    await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    const recoveryField = page.getByLabel('Recovery code', { exact: true });
    await recoveryField.waitFor();
    expect(await focusedId(page)).toBe('recovery-code');
    await recoveryField.fill(codes[0]);
    await page.getByRole('button', { name: 'Verify', exact: true }).click();
    await heading(page, DEMO_USERS.manager.home).waitFor();

    // Nine left, as the account page says; managers cannot turn it off.
    await page.getByRole('link', { name: /Your account/ }).click();
    await heading(page, 'Your account').waitFor();
    const section = page.getByRole('region', { name: 'Two-step verification', exact: true });
    await section.getByText('9 of 10').waitFor();
    expect(await section.locator('.badge').innerText()).toBe('On');
    await section.getByRole('button', { name: 'Get new recovery codes' }).waitFor();
    expect(await section.getByRole('button', { name: 'Turn off' }).count()).toBe(0);

    // A recovery code works once.
    const other = await newSession(browser());
    await other.page.goto('/sign-in');
    await signIn(other.page, account.email, password);
    await other.page.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await other.page.getByLabel('Recovery code', { exact: true }).fill(codes[0]);
    await other.page.getByRole('button', { name: 'Verify', exact: true }).click();
    await other.page
      .locator('#recovery-code-error')
      .getByText('That recovery code is not right, or it has been used.')
      .waitFor();
    await other.context.close();

    // An admin resets it (a lost phone): the manager's session ends at once.
    const admin = await newSession(browser());
    await admin.page.goto('/sign-in');
    await signIn(admin.page, DEMO_USERS.admin.email);
    await heading(admin.page, 'Users').waitFor();
    await admin.page.getByLabel('Search by name or email', { exact: true }).fill(account.email);
    await admin.page.getByRole('table').getByRole('link', { name: account.name }).click();
    await heading(admin.page, account.name).waitFor();
    const mfa = admin.page.getByRole('region', { name: 'Two-step verification', exact: true });
    expect(await mfa.locator('.badge').innerText()).toBe('On');
    await mfa.getByRole('button', { name: 'Reset two-step verification' }).click();
    const dialog = admin.page.getByRole('dialog', {
      name: `Reset two-step verification for ${account.name}?`,
    });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('signed out at once on every device');
    expect(await dialog.innerText()).toContain('set up two-step verification again');
    await dialog.getByRole('button', { name: 'Reset two-step verification' }).click();
    await admin.page.getByText(`Two-step verification for ${account.name} has been reset`).waitFor();
    await mfa.locator('.badge').getByText('Off').waitFor();
    expect(await mfa.getByRole('button', { name: 'Reset two-step verification' }).count()).toBe(0);
    expect(admin.errors).toEqual([]);
    await admin.context.close();

    await page.reload();
    await waitForPath(page, '/sign-in');
    // Their next sign-in asks for no code, and sets it up again before anything else.
    await signIn(page, account.email, password);
    await heading(page, 'Set up two-step verification').waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets an advocate set it up from their account page, get new recovery codes, and turn it off', async () => {
    const account = await createAccount('Optional');
    const { context, page, errors } = await newSession(browser());
    await page.goto('/sign-in');
    await signIn(page, account.email, account.password);
    await heading(page, DEMO_USERS.advocate.home).waitFor();
    // Not needed for advocates: no reminder.
    expect(await page.getByRole('region', { name: 'Two-step verification reminder' }).count()).toBe(0);

    await page.getByRole('link', { name: /Your account/ }).click();
    await heading(page, 'Your account').waitFor();
    const section = page.getByRole('region', { name: 'Two-step verification', exact: true });
    expect(await section.locator('.badge').innerText()).toBe('Off');
    await section.getByRole('button', { name: 'Set up two-step verification' }).click();
    await setUpWithApp(page);
    await section.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await section.getByText('Two-step verification is on').waitFor();
    await section.getByText('10 of 10').waitFor();

    // New recovery codes, after the password (a wrong one is refused beside the field).
    await section.getByRole('button', { name: 'Get new recovery codes' }).click();
    const codesDialog = page.getByRole('dialog', { name: 'Get new recovery codes' });
    await codesDialog.getByLabel('Password', { exact: true }).fill('not-my-password');
    await codesDialog.getByRole('button', { name: 'Get new codes' }).click();
    await codesDialog.locator('#mfa-password-error').getByText('Password is not right').waitFor();
    await codesDialog.getByLabel('Password', { exact: true }).fill(account.password);
    await codesDialog.getByRole('button', { name: 'Get new codes' }).click();
    await codesDialog.waitFor({ state: 'hidden' });
    const list = section.getByRole('list', { name: 'Your recovery codes' });
    expect(await list.locator('code').count()).toBe(10);
    await section.getByRole('button', { name: 'I have saved my recovery codes' }).click();
    await section.getByText('New recovery codes saved. The old ones no longer work.').waitFor();

    // Turning it off, after the password, for roles that may.
    await section.getByRole('button', { name: 'Turn off', exact: true }).click();
    const offDialog = page.getByRole('dialog', { name: 'Turn off two-step verification?' });
    await offDialog.getByLabel('Password', { exact: true }).fill(account.password);
    await offDialog.getByRole('button', { name: 'Turn off', exact: true }).click();
    await offDialog.waitFor({ state: 'hidden' });
    await section.getByText('Two-step verification is off').waitFor();
    await section.locator('.badge').getByText('Off').waitFor();

    // Sign-in is back to the password alone.
    await signOut(page);
    await signIn(page, account.email, account.password);
    await heading(page, DEMO_USERS.advocate.home).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reminds the demo manager, who has time left, on every page, until dismissed for that page', async () => {
    const manager = await apiAs(DEMO_USERS.manager.email);
    const me = await manager.call<{ mfaEnabled: boolean; mfaEnrolBy: string | null }>('GET', '/api/auth/me');
    expect(me.mfaEnabled).toBe(false);
    if (!me.mfaEnrolBy) throw new Error('The demo manager has no time to set up two-step verification');
    const by = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(new Date(me.mfaEnrolBy));

    const { context, page, errors } = await newSession(browser());
    await page.goto('/sign-in');
    await signIn(page, DEMO_USERS.manager.email);
    await heading(page, DEMO_USERS.manager.home).waitFor();
    const reminder = page.getByRole('region', { name: 'Two-step verification reminder' });
    await reminder.waitFor();
    expect(await reminder.innerText()).toContain(
      `Two-step verification is required for your role. Set it up by ${by}.`,
    );
    // The page heading keeps focus after signing in.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    await reminder.getByRole('button', { name: 'Dismiss this reminder' }).click();
    await reminder.waitFor({ state: 'hidden' });
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar').waitFor();
    await reminder.waitFor();

    await reminder.getByRole('link', { name: 'Set up two-step verification' }).click();
    await heading(page, 'Your account').waitFor();
    await page.waitForFunction(() => document.activeElement?.id === 'two-step-verification');
    const section = page.getByRole('region', { name: 'Two-step verification', exact: true });
    await section.getByText('Your role needs two-step verification').waitFor();
    await section.getByText(`Set it up by ${by}.`).waitFor();
    // Not set up here: other tests sign in as the demo manager with a password alone.
    expect(errors).toEqual([]);
    await context.close();
  });
});
