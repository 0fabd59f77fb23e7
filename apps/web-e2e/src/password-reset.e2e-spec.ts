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

const browser = useBrowser();

/** An instant as the app says it: "2 December 2026 at 14:05" on London's clocks. */
function inWords(iso: string): string {
  const date = new Date(iso);
  const day = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(date);
  const time = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(date);
  return `${day} at ${time}`;
}

async function signInAsAdmin(page: Page) {
  await page.goto('/sign-in');
  await signIn(page, DEMO_USERS.admin.email);
  await heading(page, 'Users').waitFor();
}

async function choosePassword(page: Page, temporary: string, next: string, confirm = next) {
  await page.getByLabel('Temporary password', { exact: true }).fill(temporary);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new password', { exact: true }).fill(confirm);
  await page.getByRole('button', { name: 'Save my password' }).click();
}

describe('resetting a forgotten password', () => {
  it('gives the admin a temporary password once; it signs in only to choose one’s own, and the old one stops working', async () => {
    // A fresh advocate with a password of their own, in place of the demo advocate2: other
    // specs sign in as the demo accounts with the demo password, in any order.
    const account = await createAccount('Forgetful');
    const ownPassword = 'Meadow-copper-violin-2026';

    // They are signed in on a tablet: the reset ends that session.
    const tablet = await newSession(browser());
    await tablet.page.goto('/sign-in');
    await signIn(tablet.page, account.email, account.password);
    await heading(tablet.page, DEMO_USERS.advocate.home).waitFor();

    // The admin finds the account and resets its password, after a confirmation.
    const admin = await newSession(browser());
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await signInAsAdmin(admin.page);
    await admin.page.getByLabel('Search by name or email', { exact: true }).fill(account.email);
    await admin.page.getByRole('table').getByRole('link', { name: account.name }).click();
    await heading(admin.page, account.name).waitFor();
    const section = admin.page.getByRole('region', { name: 'Password', exact: true });
    expect(await section.locator('.badge').innerText()).toBe('Their own');
    await section.getByText('They use a password they chose themselves.').waitFor();

    await section.getByRole('button', { name: 'Reset password', exact: true }).click();
    const dialog = admin.page.getByRole('dialog', { name: `Reset ${account.name}’s password?` });
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain(
      'They will be signed out everywhere and must choose a new password when they sign in.',
    );
    await dialog.getByRole('button', { name: 'Reset password', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The temporary password, this once, with until when it works and how to pass it on.
    const boxTitle = section.getByRole('heading', { name: `Temporary password for ${account.name}` });
    await boxTitle.waitFor();
    await admin.page.waitForFunction(() => document.activeElement?.tagName === 'H3');
    const temporary = (await section.locator('.temporary-password__value code').innerText()).trim();
    expect(temporary).toMatch(/^[2-9a-hjkmnp-z]{4}(-[2-9a-hjkmnp-z]{4}){3}$/);
    const adminApi = await apiAs(DEMO_USERS.admin.email);
    const after = await adminApi.call<{ temporaryPasswordUntil: string | null }>(
      'GET',
      `/api/users/${account.id}`,
    );
    if (!after.temporaryPasswordUntil) throw new Error('The reset left no temporary password');
    const hoursLeft = (Date.parse(after.temporaryPasswordUntil) - Date.now()) / 3_600_000;
    expect(hoursLeft).toBeGreaterThan(71);
    expect(hoursLeft).toBeLessThanOrEqual(72);
    const until = inWords(after.temporaryPasswordUntil);
    const box = section.locator('.temporary-password');
    expect(await box.innerText()).toContain(`It works until ${until}.`);
    expect(await box.innerText()).toContain('in person or by phone, never by email');
    await section.getByText(`Temporary password until ${until}.`).waitFor();
    expect(await section.locator('.badge').innerText()).toBe('Temporary');

    await section.getByRole('button', { name: 'Copy the temporary password' }).click();
    await section.getByText('The temporary password is on your clipboard.').waitFor();
    expect(await admin.page.evaluate(() => navigator.clipboard.readText())).toBe(temporary);
    await screenshot(admin.page, 'reset-password');

    // Once put away, it is not shown again.
    await section.getByRole('button', { name: 'Done with the temporary password' }).click();
    await boxTitle.waitFor({ state: 'hidden' });
    expect(await admin.page.evaluate(() => document.activeElement?.id)).toBe('user-password-title');
    expect(await admin.page.getByText(temporary).count()).toBe(0);
    // The users list says so too.
    await admin.page.goto(`/admin/users?q=${encodeURIComponent(account.email)}`);
    const row = admin.page.getByRole('row').filter({ hasText: account.name });
    await row.getByText('Temporary password', { exact: true }).waitFor();

    // The tablet's session has ended.
    await tablet.page.reload();
    await waitForPath(tablet.page, '/sign-in');
    await tablet.context.close();

    // On a new device: the old password no longer signs in; the temporary one does, to one page.
    const person = await newSession(browser());
    await person.page.goto('/');
    await signIn(person.page, account.email, account.password);
    await person.page.getByText('The email address or password is not right.').waitFor();
    await signIn(person.page, account.email, temporary);
    await heading(person.page, 'Choose your own password').waitFor();
    await person.page
      .getByText('Your password was set by an admin. Choose a password only you know.')
      .waitFor();
    expect(await person.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
    expect(await person.page.getByRole('link', { name: /Your account/ }).count()).toBe(0);
    await person.page.getByRole('button', { name: 'Sign out', exact: true }).waitFor();
    await screenshot(person.page, 'choose-password');
    // Any address shows the same page.
    await person.page.goto('/calendar');
    await heading(person.page, 'Choose your own password').waitFor();

    // The server's reasons beside the fields: a wrong temporary password, then keeping it.
    await choosePassword(person.page, 'not-the-temporary-one', ownPassword);
    await person.page
      .locator('#account-current-password-error')
      .getByText('Temporary password is not right')
      .waitFor();
    await choosePassword(person.page, temporary, temporary);
    await person.page
      .locator('#account-new-password-error')
      .getByText('must differ from the current password')
      .waitFor();

    // Their own password: the page they asked for opens, with an advocate's navigation.
    await choosePassword(person.page, temporary, ownPassword);
    await heading(person.page, 'Calendar').waitFor();
    expect(await mainNav(person.page)).toEqual(DEMO_USERS.advocate.nav);
    await person.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'My caseload' })
      .click();
    await heading(person.page, DEMO_USERS.advocate.home).waitFor();

    // From now on only their own password signs in.
    await person.page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await waitForPath(person.page, '/sign-in');
    await signIn(person.page, account.email, temporary);
    await person.page.getByText('The email address or password is not right.').waitFor();
    await signIn(person.page, account.email, ownPassword);
    await heading(person.page, DEMO_USERS.advocate.home).waitFor();

    // The admin sees it is theirs again.
    await admin.page.goto(`/admin/users/${account.id}`);
    await heading(admin.page, account.name).waitFor();
    await section.getByText('They use a password they chose themselves.').waitFor();

    expect(admin.errors).toEqual([]);
    expect(person.errors).toEqual([]);
    await admin.context.close();
    await person.context.close();
  });

  it('takes a new person who signs in with the admin’s initial password straight to their home page once they choose their own', async () => {
    const account = await createAccount('Starter', ['ADVOCATE'], { temporary: true });
    const { context, page, errors } = await newSession(browser());
    await page.goto('/');
    await signIn(page, account.email, account.initialPassword);
    await heading(page, 'Choose your own password').waitFor();
    await choosePassword(page, account.initialPassword, 'Pebble-lighthouse-maple-2026');
    await heading(page, DEMO_USERS.advocate.home).waitFor();
    expect(await mainNav(page)).toEqual(DEMO_USERS.advocate.nav);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is not offered on an admin’s own account: they change it on their account page', async () => {
    const { context, page, errors } = await newSession(browser());
    await signInAsAdmin(page);
    await page.getByLabel('Search by name or email', { exact: true }).fill(DEMO_USERS.admin.email);
    await page.getByRole('table').getByRole('link', { name: DEMO_USERS.admin.name }).click();
    await heading(page, DEMO_USERS.admin.name).waitFor();
    const section = page.getByRole('region', { name: 'Password', exact: true });
    await section.getByRole('link', { name: 'your account page' }).waitFor();
    expect(await section.getByRole('button', { name: 'Reset password' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
