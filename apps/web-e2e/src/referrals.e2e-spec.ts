import type { Page } from 'playwright-core';
import { allocateReferral, apiAs, createReferral } from './support/api';
import { DEMO_USERS, heading, useBrowser, newSession, screenshot, signIn, waitForPath } from './support/app';

const browser = useBrowser();

/** Unique names: the demo seed and earlier runs hold other referrals, so rows are found by these. */
function uniqueName(prefix: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { firstName: prefix, lastName: `Quill${stamp}` };
}

async function signInAs(page: Page, user: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) {
  await page.goto('/sign-in');
  await signIn(page, user.email);
  await heading(page, user.home).waitFor();
}

const REFERRAL_PATH = /^\/referrals\/[0-9a-f-]{36}$/;

describe('referrals', () => {
  it('takes an IMHA referral from intake through triage and allocation to the advocate’s caseload', async () => {
    const person = uniqueName('Robin');
    const fullName = `${person.firstName} ${person.lastName}`;
    const manager = await newSession(browser());
    const page = manager.page;
    await signInAs(page, DEMO_USERS.manager);

    // Intake: a section 3 patient, in scope; the live preview says eligible before saving.
    await page.getByRole('link', { name: 'New referral' }).click();
    await heading(page, 'New referral').waitFor();
    const preview = page.getByTestId('eligibility-headline');
    expect(await preview.innerText()).toContain('Choose a service');
    await page.getByLabel('IMHA — Independent Mental Health Advocacy').check();
    await page.getByLabel('No, a new person').check();
    await page.getByLabel('First name', { exact: true }).fill(person.firstName);
    await page.getByLabel('Last name', { exact: true }).fill(person.lastName);
    await page.getByLabel('Date of birth (optional)').fill('1985-06-15');
    await page.getByLabel('Area (local authority where the person lives)').selectOption('LEICESTER');
    expect(await preview.innerText()).toContain('Not decided yet');
    await page.getByLabel('Legal status under the Mental Health Act').selectOption('S3');
    await page.getByText('Eligible for IMHA — Independent Mental Health Advocacy').waitFor();
    expect(await page.locator('.preview').innerText()).toContain(
      'Detained under section 3 of the Mental Health Act: a qualifying patient',
    );
    await page
      .getByRole('group', { name: /told about IMHA/ })
      .getByLabel('Yes', { exact: true })
      .check();
    await page.getByLabel('Told by (optional)').fill('Ward manager');
    await page.getByLabel('Source', { exact: true }).selectOption('CARE_STAFF');
    await page.getByLabel('Referrer’s name').fill('Nurse Okafor');
    await page.getByLabel('Appeal or tribunal').check();
    await page.getByLabel('Summary (optional)').fill('Wants help preparing for a tribunal.');
    expect(await page.locator('.preview').innerText()).toContain('In scope');
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'intake-form');
    await page.getByRole('button', { name: 'Save referral' }).click();

    await waitForPath(page, REFERRAL_PATH);
    const referralPath = new URL(page.url()).pathname;
    await heading(page, /^REF-\d{4}-\d{6}/).waitFor();
    const title = await page.getByRole('heading', { level: 1 }).innerText();
    const reference = /REF-\d{4}-\d{6}/.exec(title)?.[0] as string;
    expect(reference).toBeTruthy();
    expect(title).toContain(fullName);
    await page.getByText(`Referral ${reference} for ${fullName} was received.`).waitFor();

    // The triage queue holds it, oldest first among the others.
    await page.goto('/referrals');
    await heading(page, 'Referrals').waitFor();
    await page.getByRole('table').waitFor();
    const row = page.getByRole('row').filter({ hasText: reference });
    while (!(await row.count())) {
      const more = page.getByRole('button', { name: 'Load more' });
      if (!(await more.count())) throw new Error(`${reference} is not in the triage queue`);
      await more.click();
      await page.waitForTimeout(300);
    }
    expect(await row.innerText()).toContain(fullName);
    expect(await row.innerText()).toContain('Eligible');
    await screenshot(page, 'triage-queue');
    await row.getByRole('link', { name: reference }).click();
    await waitForPath(page, referralPath);

    // Accept.
    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Accept referral' }).click();
    await page.getByText('Referral accepted. It is now awaiting allocation to an advocate.').waitFor();

    // Allocate to Sam Taylor, seeing each advocate's caseload.
    await page.getByRole('button', { name: 'Allocate', exact: true }).click();
    const dialog = page.getByRole('dialog');
    const sam = dialog.getByLabel(/^Sam Taylor/);
    await sam.waitFor();
    expect(await dialog.innerText()).toMatch(/Sam Taylor\s*\d+ open cases?, \d+ awaiting first contact/);
    await screenshot(page, 'allocation-dialog', { fullPage: false });
    await sam.check();
    await dialog.getByRole('button', { name: 'Allocate', exact: true }).click();
    await page.getByText('Allocated to Sam Taylor.').waitFor();
    const history = page.getByRole('table').filter({ hasText: 'Allocated' });
    expect(await history.innerText()).toContain('To Sam Taylor');
    await page.getByRole('button', { name: 'Record first contact' }).waitFor();
    await screenshot(page, 'referral');
    expect(manager.errors).toEqual([]);
    await manager.context.close();

    // The advocate finds it in their caseload, awaiting first contact, and opens it.
    const advocate = await newSession(browser());
    await signInAs(advocate.page, DEMO_USERS.advocate);
    const caseRow = advocate.page.getByRole('row').filter({ hasText: reference });
    await caseRow.waitFor();
    expect(await caseRow.innerText()).toContain('Awaiting first contact');
    expect(await caseRow.innerText()).toContain(fullName);
    await screenshot(advocate.page, 'caseload');
    await caseRow.getByRole('link', { name: reference }).click();
    await waitForPath(advocate.page, referralPath);
    await heading(advocate.page, new RegExp(reference)).waitFor();
    // An advocate works the case but does not triage or allocate it.
    await advocate.page.getByRole('button', { name: 'Record first contact' }).waitFor();
    expect(await advocate.page.getByRole('button', { name: /^(Accept|Allocate|Re-allocate)$/ }).count()).toBe(
      0,
    );
    expect(advocate.errors).toEqual([]);
    await advocate.context.close();
  });

  it('declines a benefits-only referral with Citizens Advice signposting, and the history shows it', async () => {
    const person = uniqueName('Dana');
    const managerApi = await apiAs(DEMO_USERS.manager.email);
    const created = await createReferral(managerApi, person, { issues: ['BENEFITS'] });

    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.manager);
    await page.goto(`/referrals/${created.id}`);
    await heading(page, new RegExp(created.reference)).waitFor();
    // Nothing the service covers: it can only be declined, so Accept is not offered.
    await page.getByRole('button', { name: 'Decline', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Accept', exact: true }).count()).toBe(0);

    await page.getByRole('button', { name: 'Decline', exact: true }).click();
    const dialog = page.getByRole('dialog');
    // The suggestion for benefits is ticked already.
    const citizensAdvice = dialog.getByLabel(/^Citizens Advice/);
    await citizensAdvice.waitFor();
    expect(await citizensAdvice.isChecked()).toBe(true);
    // A reason is required: the dialog says so beside the field.
    await dialog.getByRole('button', { name: 'Decline referral' }).click();
    await dialog.locator('#decline-reason-error').waitFor();
    await dialog
      .getByLabel('Reason', { exact: true })
      .fill('Only benefits advice was asked for; not covered.');
    await dialog.getByLabel('Note on the signposting (optional)').fill('Gave the local office’s number.');
    await dialog.getByRole('button', { name: 'Decline referral' }).click();
    await page.getByText('Referral declined. Signposting recorded: Citizens Advice.').waitFor();

    const declinedRow = page
      .getByRole('row')
      .filter({ hasText: 'Declined' })
      .filter({ hasText: 'Priya Shah' });
    const text = await declinedRow.innerText();
    expect(text).toContain('Only benefits advice was asked for; not covered.');
    expect(text).toContain('Signposted to Citizens Advice');
    expect(await page.locator('.tags').innerText()).toContain('Declined');
    expect(await page.getByRole('region', { name: 'Signposting' }).innerText()).toContain(
      'Gave the local office’s number.',
    );
    expect(await page.getByRole('group', { name: 'Actions' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows another advocate “not found” for a referral that is not theirs', async () => {
    const managerApi = await apiAs(DEMO_USERS.manager.email);
    const created = await createReferral(managerApi, uniqueName('Kit'));
    await allocateReferral(managerApi, created, DEMO_USERS.advocate.name);

    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.advocate2);
    expect(await page.getByRole('row').filter({ hasText: created.reference }).count()).toBe(0);
    await page.goto(`/referrals/${created.id}`);
    await heading(page, 'Referral not found').waitFor();
    await page.getByText('There is no referral at this address that you can open.').waitFor();
    expect(await page.locator('main').innerText()).not.toContain(created.reference);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the server’s field error beside its field and in the summary', async () => {
    const person = uniqueName('Ash');
    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.manager);
    await page.goto('/referrals/new');
    await heading(page, 'New referral').waitFor();
    await page.getByLabel('Community mental health advocacy').check();
    await page.getByLabel('No, a new person').check();
    await page.getByLabel('First name', { exact: true }).fill(person.firstName);
    await page.getByLabel('Last name', { exact: true }).fill(person.lastName);
    // Ten digits, but the check digit is wrong: only the server knows.
    await page.getByLabel('NHS number (optional)').fill('1234567890');
    await page.getByLabel('Area (local authority where the person lives)').selectOption('RUTLAND');
    await page.getByLabel('Source', { exact: true }).selectOption('SELF');
    await page.getByLabel('Information about rights, care or treatment').check();
    await page.getByRole('button', { name: 'Save referral' }).click();

    const fieldError = page.locator('#intake-nhs-number-error');
    await fieldError.waitFor();
    expect(await fieldError.innerText()).toContain('NHS number is not a valid NHS number');
    expect(await page.getByLabel('NHS number (optional)').getAttribute('aria-invalid')).toBe('true');
    const summary = page.getByRole('alert');
    expect(await summary.innerText()).toContain('There is a problem');
    // The summary links to the field.
    await summary.getByRole('link', { name: /NHS number is not a valid NHS number/ }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('intake-nhs-number');
    expect(new URL(page.url()).pathname).toBe('/referrals/new');

    // Corrected, it goes through.
    await page.getByLabel('NHS number (optional)').fill('');
    await page.getByRole('button', { name: 'Save referral' }).click();
    await waitForPath(page, REFERRAL_PATH);
    expect(errors).toEqual([]);
    await context.close();
  });
});
