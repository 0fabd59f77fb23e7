import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { allocateReferral, apiAs, createReferral } from './support/api';
import { DEMO_USERS, heading, useBrowser, newSession, screenshot, signIn, waitForPath } from './support/app';

/**
 * What a person types survives the end of their session: the form comes back filled after they
 * sign in again as the same person, says so, and can be saved (or discarded). Drafts live in the
 * tab's sessionStorage only, and signing out on purpose takes them away.
 */

const browser = useBrowser();

const RESTORED = 'Restored what you had typed before you were signed out';
const REFERRAL_PATH = /^\/referrals\/[0-9a-f-]{36}$/;

function uniqueName(prefix: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { firstName: prefix, lastName: `Draft${stamp}` };
}

async function signInAs(page: Page, user: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) {
  await page.goto('/sign-in');
  await signIn(page, user.email);
  await heading(page, user.home).waitFor();
}

/** The session ends behind the page's back (as when it expires): the server forgets it, the page reloads. */
async function endSession(page: Page, expectedNext: string) {
  const status = await page.evaluate(async () => {
    const answer = await fetch('/api/auth/logout', { method: 'POST', credentials: 'include' });
    return answer.status;
  });
  expect(status).toBe(204);
  await page.reload();
  await waitForPath(page, '/sign-in');
  expect(new URL(page.url()).searchParams.get('next')).toBe(expectedNext);
}

/** The forms with a draft in this tab's sessionStorage (not the note of when the person signed in). */
async function draftKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(window.sessionStorage).filter(
      (key) => key.startsWith('beacon.draft.') && !key.includes('.~'),
    ),
  );
}

describe('drafts through the end of a session', () => {
  it('brings a half-typed referral back after signing in again, and saves it', async () => {
    const person = uniqueName('Frankie');
    const summary = `Wants to understand their care plan before the review. ${Date.now()}`;
    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.manager);
    await page.goto('/referrals/new');
    await heading(page, 'New referral').waitFor();

    await page.getByLabel('Community mental health advocacy').check();
    await page.getByLabel('No, a new person').check();
    await page.getByLabel('First name', { exact: true }).fill(person.firstName);
    await page.getByLabel('Last name', { exact: true }).fill(person.lastName);
    await page.getByLabel('Area (local authority where the person lives)').selectOption('RUTLAND');
    await page.getByLabel('Source', { exact: true }).selectOption('SELF');
    await page.getByLabel('Information about rights, care or treatment').check();
    await page.getByLabel('Summary (optional)').fill(summary);
    await page
      .getByRole('group', { name: 'Priority' })
      .getByLabel(/^Urgent/)
      .check();
    expect(await draftKeys(page)).toEqual([expect.stringMatching(/\.intake$/)]);

    await endSession(page, '/referrals/new');
    await signIn(page, DEMO_USERS.manager.email);
    await waitForPath(page, '/referrals/new');
    await heading(page, 'New referral').waitFor();

    const form = page.getByRole('form', { name: 'New referral' });
    await form.getByText(RESTORED).waitFor();
    expect(await page.getByLabel('Community mental health advocacy').isChecked()).toBe(true);
    expect(await page.getByLabel('First name', { exact: true }).inputValue()).toBe(person.firstName);
    expect(await page.getByLabel('Last name', { exact: true }).inputValue()).toBe(person.lastName);
    expect(await page.getByLabel('Area (local authority where the person lives)').inputValue()).toBe(
      'RUTLAND',
    );
    expect(await page.getByLabel('Information about rights, care or treatment').isChecked()).toBe(true);
    expect(await page.getByLabel('Summary (optional)').inputValue()).toBe(summary);
    expect(
      await page
        .getByRole('group', { name: 'Priority' })
        .getByLabel(/^Urgent/)
        .isChecked(),
    ).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));
    await expectNoSeriousA11yViolations(page, 'restored intake form');
    await screenshot(page, 'restored-draft');

    await page.getByRole('button', { name: 'Save referral' }).click();
    await waitForPath(page, REFERRAL_PATH);
    await page.getByText(`for ${person.firstName} ${person.lastName} was received.`).waitFor();
    expect(await page.locator('main').innerText()).toContain(summary);
    // Saved: the draft is gone, and a new referral starts empty.
    expect((await draftKeys(page)).filter((key) => key.endsWith('.intake'))).toEqual([]);
    await page.goto('/referrals/new');
    await heading(page, 'New referral').waitFor();
    expect(await page.getByText(RESTORED).count()).toBe(0);
    expect(await page.getByLabel('Summary (optional)').inputValue()).toBe('');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a closure being typed again after signing in, and forgets it on a deliberate sign-out', async () => {
    const managerApi = await apiAs(DEMO_USERS.manager.email);
    const created = await createReferral(managerApi, uniqueName('Sasha'));
    await allocateReferral(managerApi, created, DEMO_USERS.advocate.name);
    const referralPath = `/referrals/${created.id}`;
    const reason = `They no longer want an advocate. ${Date.now()}`;

    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.manager);
    await page.goto(referralPath);
    await heading(page, new RegExp(created.reference)).waitFor();
    await page.getByRole('button', { name: 'Close referral' }).click();
    const dialog = page.getByRole('dialog', { name: `Close ${created.reference}?` });
    await dialog.getByLabel('Outcome', { exact: true }).selectOption('CLIENT_WITHDREW');
    await dialog.getByLabel('Reason', { exact: true }).fill(reason);

    await endSession(page, referralPath);
    await signIn(page, DEMO_USERS.manager.email);
    await waitForPath(page, referralPath);
    // The dialog opens again by itself, as it was left.
    await dialog.getByText(RESTORED).waitFor();
    expect(await dialog.getByLabel('Outcome', { exact: true }).inputValue()).toBe('CLIENT_WITHDREW');
    expect(await dialog.getByLabel('Reason', { exact: true }).inputValue()).toBe(reason);

    // Signing out on purpose takes every draft with it.
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Close referral' }).click();
    await dialog.getByLabel('Reason', { exact: true }).fill(reason);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    expect(await draftKeys(page)).not.toContainEqual(expect.stringContaining('close.'));
    await page
      .getByRole('form', { name: 'Add a case note' })
      .getByLabel('Note', { exact: true })
      .fill('Half a note');
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForPath(page, '/sign-in');
    expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).toBe('{}');
    expect(errors).toEqual([]);
    await context.close();
  });
});
