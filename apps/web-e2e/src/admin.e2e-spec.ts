import type { Page } from 'playwright-core';
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

async function signInAsAdmin(page: Page) {
  await page.goto('/sign-in');
  await signIn(page, DEMO_USERS.admin.email);
  await heading(page, 'Users').waitFor();
}

describe('user administration and audit', () => {
  it('creates an account, changes its roles, deactivates it, and the audit shows it all', async () => {
    const stamp = Date.now();
    const email = `e2e.${stamp}@example.org`;
    const name = `Casey Example ${stamp}`;
    const password = 'Ward-visit-tablet-2026';
    const ownPassword = 'Kettle-orchard-window-2026';

    const admin = await newSession(browser());
    const page = admin.page;
    await signInAsAdmin(page);
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('row').count()).toBeGreaterThan(4); // header + the four demo users
    await screenshot(page, 'users');

    // Create, first with a password the API refuses: its message appears beside the field.
    await page.getByRole('link', { name: 'New user' }).click();
    await heading(page, 'New user').waitFor();
    await page.getByLabel('Email', { exact: true }).fill(email);
    await page.getByLabel('Display name', { exact: true }).fill(name);
    await page.getByLabel('Initial password', { exact: true }).fill('too-short');
    const roles = page.getByRole('group', { name: 'Roles' });
    await roles.getByLabel('Advocate', { exact: true }).check();
    await page.getByRole('button', { name: 'Create user' }).click();
    const passwordError = page.locator('#new-user-password-error');
    await passwordError.waitFor();
    expect(await passwordError.innerText()).toContain('must be at least 12 characters');
    expect(await page.getByLabel('Initial password', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );

    await page.getByLabel('Initial password', { exact: true }).fill(password);
    await page.getByRole('button', { name: 'Create user' }).click();
    await waitForPath(page, /^\/admin\/users\/[0-9a-f-]{36}$/);
    const userId = new URL(page.url()).pathname.split('/').pop() as string;
    await heading(page, name).waitFor();
    await page.getByText(`Account created for ${name}.`).waitFor();
    // The initial password is temporary until the person chooses their own.
    const passwordSection = page.getByRole('region', { name: 'Password', exact: true });
    await passwordSection.getByText(/Temporary password until \d{1,2} \w+ \d{4} at \d{2}:\d{2}\./).waitFor();

    // The new person signs in on their own device, chooses their own password first, and then
    // sees an advocate's navigation.
    const person = await newSession(browser());
    await person.page.goto('/');
    await signIn(person.page, email, password);
    await heading(person.page, 'Choose your own password').waitFor();
    await person.page.getByLabel('Temporary password', { exact: true }).fill(password);
    await person.page.getByLabel('New password', { exact: true }).fill(ownPassword);
    await person.page.getByLabel('Confirm new password', { exact: true }).fill(ownPassword);
    await person.page.getByRole('button', { name: 'Save my password' }).click();
    await heading(person.page, 'My caseload').waitFor();
    expect(await mainNav(person.page)).toEqual(DEMO_USERS.advocate.nav);

    // Choosing their password changed the account: the admin's page shows the latest after a reload.
    await page.reload();
    await heading(page, name).waitFor();
    await passwordSection.getByText('They use a password they chose themselves.').waitFor();

    // Change roles: add Manager.
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Manager', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await page.getByRole('definition').filter({ hasText: 'Advocate, Manager' }).waitFor();

    // Their next session restore carries the new roles. Managers need two-step verification, and
    // a new one has no time to set it up: that comes before the manager's pages (see mfa.e2e-spec).
    await person.page.reload();
    await heading(person.page, 'Set up two-step verification').waitFor();
    expect(await person.page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);

    // A second admin tab holding the old version: its save is refused, the latest version is
    // shown with what changed, and what that tab typed stays until it is discarded (or applied
    // again: see conflicts.e2e-spec).
    const stale = await admin.context.newPage();
    await stale.goto(`/admin/users/${userId}`);
    await heading(stale, name).waitFor();
    await page.getByLabel('Display name', { exact: true }).fill(`${name} Jr`);
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('Changes saved.').waitFor();
    await stale.getByLabel('Display name', { exact: true }).fill(`${name} (stale)`);
    await stale.getByRole('button', { name: 'Save changes' }).click();
    const conflict = stale.getByRole('group', {
      name: 'Someone else changed this account after you opened it',
    });
    await conflict.getByRole('button', { name: 'Apply my change again' }).waitFor();
    expect(await conflict.innerText()).toContain(`${name} Jr`);
    await heading(stale, `${name} Jr`).waitFor();
    expect(await stale.getByLabel('Display name', { exact: true }).inputValue()).toBe(`${name} (stale)`);
    await conflict.getByRole('button', { name: 'Discard my change' }).click();
    await stale.waitForFunction(
      (expected) =>
        (document.getElementById('edit-user-name') as HTMLInputElement | null)?.value === expected,
      `${name} Jr`,
    );
    await stale.close();

    // Deactivate, through a confirmation that says sessions end at once.
    await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.innerText()).toContain('signed out at once on every device');
    await dialog.getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByText('deactivated and all their sessions have ended').waitFor();
    await page.getByText('This person cannot sign in.').waitFor();
    await page.getByRole('button', { name: 'Reactivate' }).waitFor();

    // Their open session has ended, and they can no longer sign in.
    await person.page.reload();
    await waitForPath(person.page, '/sign-in');
    await signIn(person.page, email, ownPassword);
    await person.page.getByText('The email address or password is not right.').waitFor();
    await person.context.close();

    // The audit trail of that account, and an intact chain.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await heading(page, 'Audit').waitFor();
    await page.getByLabel('Entity id', { exact: true }).fill(userId);
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.waitForURL((url) => url.searchParams.get('entityId') === userId);
    const table = page.getByRole('table');
    await table.getByText('user.deactivate', { exact: true }).waitFor();
    const actions = (await table.locator('tbody tr td:nth-child(2)').allInnerTexts()).map((text) =>
      text.trim(),
    );
    expect(actions).toEqual(expect.arrayContaining(['user.create', 'user.update', 'user.deactivate']));
    expect(actions.filter((action) => action === 'user.update')).toHaveLength(2);
    const createRow = table.locator('tbody tr').filter({ hasText: 'user.create' });
    expect(await createRow.innerText()).toContain(DEMO_USERS.admin.name);

    await page.getByRole('button', { name: 'Verify chain' }).click();
    const verified = page.getByText(/Chain verified: \d+ events, no breaks/);
    await verified.waitFor();
    expect(Number(/(\d+) events/.exec(await verified.innerText())?.[1])).toBeGreaterThan(5);
    await screenshot(page, 'audit');

    expect(admin.errors).toEqual([]);
    expect(person.errors).toEqual([]);
    await admin.context.close();
  });

  it('shows the server’s reason when a rule refuses a change (an admin deactivating their own account)', async () => {
    const { context, page, errors } = await newSession(browser());
    await signInAsAdmin(page);
    await page.getByLabel('Search by name or email', { exact: true }).fill('admin@example.org');
    await page.waitForURL((url) => url.searchParams.get('q') === 'admin@example.org');
    await page.getByRole('table').getByRole('link', { name: DEMO_USERS.admin.name }).click();
    await heading(page, DEMO_USERS.admin.name).waitFor();
    await page.getByRole('button', { name: 'Deactivate', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Deactivate account' }).click();
    await page.getByText('You cannot deactivate your own account').waitFor();
    await page.getByText('This person can sign in.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
