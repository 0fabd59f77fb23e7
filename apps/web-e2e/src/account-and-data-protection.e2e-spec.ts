import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs, createAccount } from './support/api';
import { DEMO_USERS, heading, useBrowser, newSession, screenshot, signIn, waitForPath } from './support/app';

const browser = useBrowser();

/** A demo person with referrals, notes and meetings (see the demo seed). */
const PERSON = { firstName: 'Peter', lastName: 'Dawson' };
const PERSON_NAME = `${PERSON.firstName} ${PERSON.lastName}`;

async function openAccount(page: Page) {
  await page.getByRole('link', { name: /Your account/ }).click();
  await heading(page, 'Your account').waitFor();
}

async function changePassword(page: Page, current: string, next: string, confirm = next) {
  await page.getByLabel('Current password', { exact: true }).fill(current);
  await page.getByLabel('New password', { exact: true }).fill(next);
  await page.getByLabel('Confirm new password', { exact: true }).fill(confirm);
  await page.getByRole('button', { name: 'Change password' }).click();
}

/** "Find a person" on an admin page: the reason first (break glass), then the search. */
async function findPerson(page: Page, reason: string) {
  await page.getByRole('button', { name: 'Find a person' }).click();
  const why = page.getByRole('dialog', { name: 'Why are you looking?' });
  await why.waitFor();
  // Too short a reason is refused here, as the API would.
  await why.getByLabel('Reason', { exact: true }).fill('why');
  await why.getByRole('button', { name: 'Continue' }).click();
  await why.getByText('The reason must be at least 5 characters').first().waitFor();
  await why.getByLabel('Reason', { exact: true }).fill(reason);
  await why.getByRole('button', { name: 'Continue' }).click();
  await why.waitFor({ state: 'hidden' });
  // Keyboard users carry on where the search is.
  await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'search');
  await page.getByText(`Your reason, kept with each search: “${reason}”.`).waitFor();
  await page.getByLabel('Find the person', { exact: true }).fill(PERSON_NAME);
  await page.getByRole('button', { name: new RegExp(`^Choose ${PERSON_NAME}`) }).click();
}

async function signInAsAdmin(page: Page) {
  await page.goto('/sign-in');
  await signIn(page, DEMO_USERS.admin.email);
  await heading(page, 'Users').waitFor();
}

describe('your account', () => {
  it('lets an advocate change their password, then sign in with the new one only', async () => {
    const account = await createAccount('Password');
    const newPassword = 'Tribunal-ready-notes-2026';
    const { context, page, errors } = await newSession(browser());
    await page.goto('/');
    await signIn(page, account.email, account.password);
    await heading(page, 'My caseload').waitFor();
    expect(await page.locator('header').innerText()).toContain(account.name);

    await openAccount(page);
    await page.getByText(account.email).waitFor();

    // The server's reasons appear beside the fields: a wrong current password, then a short new one.
    await changePassword(page, 'not-my-password-at-all', newPassword);
    const currentError = page.locator('#account-current-password-error');
    await currentError.waitFor();
    expect(await currentError.innerText()).toContain('Current password is not right');
    expect(await page.getByRole('alert').innerText()).toContain('Current password is not right');

    await changePassword(page, account.password, 'too-short');
    const newError = page.locator('#account-new-password-error');
    await newError.waitFor();
    expect(await newError.innerText()).toContain('must be at least 12 characters');

    // The two new passwords must match (checked before anything is sent).
    await changePassword(page, account.password, newPassword, `${newPassword}!`);
    await page.locator('#account-confirm-password-error').getByText('does not match').waitFor();

    await changePassword(page, account.password, newPassword);
    await page.getByText('Your password has been changed').waitFor();
    expect(await page.getByLabel('New password', { exact: true }).inputValue()).toBe('');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForPath(page, '/sign-in');
    await signIn(page, account.email, account.password);
    await page.getByText('The email address or password is not right.').waitFor();
    await signIn(page, account.email, newPassword);
    await heading(page, 'My caseload').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows where you are signed in and signs out another session, which is sent to sign in on its next step', async () => {
    const account = await createAccount('Sessions');
    const here = await newSession(browser());
    const there = await newSession(browser());
    for (const { page } of [there, here]) {
      await page.goto('/');
      await signIn(page, account.email, account.password);
      await heading(page, 'My caseload').waitFor();
    }

    await openAccount(here.page);
    const sessions = here.page.getByRole('table', { name: 'Where you are signed in, newest first' });
    await sessions.waitFor();
    await here.page.getByText('You are signed in on this device and 1 other.').waitFor();
    const rows = sessions.locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const current = rows.filter({ hasText: 'This device' });
    expect(await current.count()).toBe(1);
    expect(await current.innerText()).toContain('Chrome on Linux');
    expect(await current.getByRole('button').count()).toBe(0);
    await screenshot(here.page, 'account');

    await sessions.getByRole('button', { name: /^Sign out this session/ }).click();
    const dialog = here.page.getByRole('dialog', { name: 'Sign out this session?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Sign out session' }).click();
    await here.page.getByText(/^Signed out: Chrome on Linux, signed in/).waitFor();
    await here.page.getByText('You are signed in on this device only.').waitFor();
    expect(await rows.count()).toBe(1);

    // The other browser still shows its page; its next request finds the session over.
    await there.page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Calendar' })
      .click();
    await waitForPath(there.page, '/sign-in');
    await there.page.getByText('Your session has ended. Please sign in again.').waitFor();
    expect(new URL(there.page.url()).searchParams.get('next')).toBe('/calendar');

    // This one carries on.
    await here.page.reload();
    await heading(here.page, 'Your account').waitFor();
    expect(here.errors).toEqual([]);
    expect(there.errors).toEqual([]);
    await here.context.close();
    await there.context.close();
  });

  it('lets an admin see and end an account’s sessions from the user page', async () => {
    const account = await createAccount('Ended');
    const person = await newSession(browser());
    await person.page.goto('/');
    await signIn(person.page, account.email, account.password);
    await heading(person.page, 'My caseload').waitFor();

    const admin = await newSession(browser());
    await signInAsAdmin(admin.page);
    await admin.page.goto(`/admin/users/${account.id}`);
    await heading(admin.page, account.name).waitFor();
    const sessions = admin.page.getByRole('region', { name: 'Sessions' });
    await sessions.getByRole('table').waitFor();
    expect(await sessions.locator('tbody tr').count()).toBe(1);
    await sessions.getByRole('button', { name: /^End session/ }).click();
    const dialog = admin.page.getByRole('dialog', { name: `End this session of ${account.name}?` });
    await dialog.getByRole('button', { name: 'End session' }).click();
    await sessions.getByText(`${account.name} is not signed in anywhere.`).waitFor();

    await person.page.reload();
    await waitForPath(person.page, '/sign-in');
    expect(admin.errors).toEqual([]);
    expect(person.errors).toEqual([]);
    await admin.context.close();
    await person.context.close();
  });
});

describe('signing out after inactivity', () => {
  it('warns after 28 quiet minutes, signs out at 30, and keeps the note being typed for the next sign-in', async () => {
    const sam = await apiAs(DEMO_USERS.advocate.email);
    const me = await sam.call<{ id: string }>('GET', '/api/auth/me');
    const { items } = await sam.call<{ items: { id: string; reference: string }[] }>(
      'GET',
      `/api/referrals?status=ACTIVE&advocateId=${me.id}&limit=1`,
    );
    const referral = items[0];
    if (!referral) throw new Error('Sam has no active case in the demo data');

    const { context, page, errors } = await newSession(browser());
    // The page's clock only: the API keeps real time.
    await page.clock.install();
    await page.goto('/sign-in');
    await signIn(page, DEMO_USERS.advocate.email);
    await heading(page, DEMO_USERS.advocate.home).waitFor();
    const referralPath = `/referrals/${referral.id}`;
    await page.goto(referralPath);
    await heading(page, new RegExp(referral.reference)).waitFor();
    const draft = `Left the ward office mid-note. ${Date.now()}`;
    await page.getByRole('form', { name: 'Add a case note' }).getByLabel('Note', { exact: true }).fill(draft);

    const warning = page.getByRole('alertdialog', { name: 'You’ll be signed out soon' });
    await page.clock.fastForward('27:50');
    expect(await warning.isVisible()).toBe(false);
    await page.clock.fastForward('00:10');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('You’ll be signed out in 2 minutes');
    await warning.getByRole('button', { name: 'Stay signed in' }).click();
    await warning.waitFor({ state: 'hidden' });

    await page.clock.fastForward('28:00');
    await warning.waitFor();
    await page.clock.fastForward('02:00');
    await waitForPath(page, '/sign-in');
    await page.getByText('You were signed out because Beacon was not used for 30 minutes.').waitFor();
    expect(new URL(page.url()).searchParams.get('next')).toBe(referralPath);

    // Signed out on the server too: a reload does not bring the session back.
    await page.reload();
    await heading(page, 'Sign in to Beacon').waitFor();
    await signIn(page, DEMO_USERS.advocate.email);
    await waitForPath(page, referralPath);
    const editor = page.getByRole('form', { name: 'Add a case note' });
    await editor.getByText('Restored what you had typed before you were signed out').waitFor();
    expect(await editor.getByLabel('Note', { exact: true }).inputValue()).toBe(draft);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('data protection (admins)', () => {
  it('filters the audit trail by a person, giving a reason, and downloads it as CSV', async () => {
    const { context, page, errors } = await newSession(browser());
    await signInAsAdmin(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Audit' }).click();
    await heading(page, 'Audit').waitFor();

    await findPerson(page, 'Complaint C-2026-031 about who read the record');
    await page.waitForURL((url) => /^[0-9a-f-]{36}$/.test(url.searchParams.get('clientId') ?? ''));
    const clientId = new URL(page.url()).searchParams.get('clientId') as string;
    const filter = page.getByRole('region', { name: 'Person' });
    await filter.getByText(PERSON_NAME).waitFor();
    const table = page.getByRole('table');
    await table.getByText('client.create', { exact: true }).first().waitFor();
    const entities = await table.locator('tbody tr td:nth-child(3)').allInnerTexts();
    expect(entities.length).toBeGreaterThan(1);
    expect(entities.some((text) => text.includes(clientId))).toBe(true);
    await screenshot(page, 'audit-person-filter');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^beacon-audit-person-${clientId.slice(0, 8)}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    const csv = readFileSync(await download.path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines[0]).toBe('seq,at,actorId,action,entityType,entityId,ip,requestId,details,prevHash,hash');
    expect(lines.length).toBeGreaterThan(1);
    expect(csv).toContain('client.create');
    await page.getByText(`Downloaded ${download.suggestedFilename()}`).waitFor();

    // The search was audited with the reason given.
    const admin = await apiAs(DEMO_USERS.admin.email);
    const audit = await admin.call<{ items: { action: string; details: Record<string, unknown> }[] }>(
      'GET',
      '/api/audit?entityType=client&limit=20',
    );
    expect(
      audit.items.some(
        (event) =>
          event.action === 'client.search' &&
          event.details['accessReason'] === 'Complaint C-2026-031 about who read the record',
      ),
    ).toBe(true);

    // Removing the person shows everything again.
    await filter.getByRole('button', { name: 'Remove' }).click();
    await page.waitForURL((url) => !url.searchParams.has('clientId'));
    await filter.getByRole('button', { name: 'Change reason' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('exports everything held about a person and shows it ready to print', async () => {
    const admin = await apiAs(DEMO_USERS.admin.email);
    const reason = { 'X-Access-Reason': 'e2e: the references to expect' };
    const found = await admin.call<{ items: { id: string; firstName: string; lastName: string }[] }>(
      'GET',
      `/api/clients?q=${encodeURIComponent(PERSON_NAME)}`,
      undefined,
      reason,
    );
    const client = found.items.find(
      (c) => c.firstName === PERSON.firstName && c.lastName === PERSON.lastName,
    );
    if (!client) throw new Error(`${PERSON_NAME} is not in the demo data`);
    const held = await admin.call<{ referrals: { reference: string }[] }>(
      'GET',
      `/api/clients/${client.id}/export`,
      undefined,
      reason,
    );
    expect(held.referrals.length).toBeGreaterThan(0);

    const { context, page, errors } = await newSession(browser());
    await signInAsAdmin(page);
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Subject access' })
      .click();
    await heading(page, 'Subject access').waitFor();
    await findPerson(page, 'SAR-2026-014 request from the person');
    await page.getByText(PERSON_NAME).first().waitFor();

    await page.getByRole('button', { name: 'Export everything held' }).click();
    const dialog = page.getByRole('dialog', { name: `Export everything held about ${PERSON_NAME}?` });
    await dialog.waitFor();
    const field = dialog.getByLabel('Reason for the export', { exact: true });
    expect(await field.inputValue()).toBe('SAR-2026-014 request from the person');
    await field.fill('SAR-2026-014');
    await dialog.getByRole('button', { name: 'Export everything held' }).click();
    await page.getByText('The export is ready').waitFor();

    const summary = page.getByRole('article', { name: `Everything held about ${PERSON_NAME}` });
    await summary.waitFor();
    await summary.getByRole('heading', { name: `Referrals (${held.referrals.length})` }).waitFor();
    for (const { reference } of held.referrals) {
      await summary.getByRole('heading', { level: 4, name: new RegExp(reference) }).waitFor();
    }
    expect(await summary.getByRole('heading', { level: 5, name: 'History' }).count()).toBe(
      held.referrals.length,
    );
    expect(await summary.innerText()).toContain('Received');

    // The JSON, exactly as the API gave it, named by the record id.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download JSON' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^beacon-subject-access-${client.id.slice(0, 8)}-\\d{4}-\\d{2}-\\d{2}\\.json$`),
    );
    const file = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
      client: { id: string };
      referrals: { reference: string }[];
    };
    expect(file.client.id).toBe(client.id);
    expect(file.referrals.map((r) => r.reference)).toEqual(held.referrals.map((r) => r.reference));

    // Print opens the browser's dialog; printed, only the summary shows.
    await page.evaluate(() => {
      (window as unknown as { printed: number }).printed = 0;
      window.print = () => {
        (window as unknown as { printed: number }).printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Print' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Download JSON' }).isVisible()).toBe(false);
    expect(await summary.isVisible()).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    // The export is in the audit trail with its reason.
    const audit = await admin.call<{ items: { action: string; details: Record<string, unknown> }[] }>(
      'GET',
      `/api/audit?entityId=${client.id}&limit=20`,
    );
    expect(
      audit.items.some(
        (event) =>
          event.action === 'client.subject-access-export' && event.details['accessReason'] === 'SAR-2026-014',
      ),
    ).toBe(true);

    await screenshot(page, 'subject-access');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('retention review', () => {
  it('shows an admin the review queue (empty with the demo data: nothing is 8 years old)', async () => {
    const { context, page, errors } = await newSession(browser());
    await signInAsAdmin(page);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Retention' }).click();
    await heading(page, 'Retention review').waitFor();
    await page.getByText('No case is due for review.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
