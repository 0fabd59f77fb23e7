import { addDays, londonDate, londonInstant, weekdayOf } from '@beacon/domain';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { horizontalOverflow, seriousA11yProblems } from './support/a11y';
import {
  acceptReferral,
  advocateId,
  allocateReferral,
  apiAs,
  createAccount,
  createReferral,
  type CreatedReferral,
} from './support/api';
import { DEMO_USERS, heading, launchBrowser, newSession, signIn, waitForPath } from './support/app';
import { stateDir } from './support/paths';
import { totp } from './support/totp';

/**
 * WCAG 2.2 AA in the browser: every page each role can reach, and the main dialogs, checked by
 * axe-core (no serious or critical violation, nor a moderate one) at a desktop width and at a
 * tablet's 768 px, where nothing may scroll sideways either. Then keyboard use: the skip link,
 * focus and title after each route change, focus back on the opener when a dialog closes, and one
 * journey by keyboard alone. A11Y_LIST=1 lists what was checked.
 */

const VIEWPORTS = [
  { width: 1280, height: 860 },
  { width: 768, height: 1024 },
] as const;
type Viewport = (typeof VIEWPORTS)[number];

const failureDir = path.join(stateDir, 'failures');
const REFERRAL_PATH = /^\/referrals\/[0-9a-f-]{36}$/;
/** A ward the demo gives Jordan, not Sam: the visit to log made here is Sam's only one on it. */
const WARD = 'Coleman Ward';

let browser: Browser;
/** Made through the API once, for the dialogs that only some states offer. */
let received: CreatedReferral;
let awaitingAllocation: CreatedReferral;
let awaitingFirstContact: CreatedReferral;

function uniqueName(prefix: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { firstName: prefix, lastName: `Axe${stamp}` };
}

beforeAll(async () => {
  browser = await launchBrowser();
  const manager = await apiAs(DEMO_USERS.manager.email);
  const sam = await advocateId(manager, DEMO_USERS.advocate.name);
  received = await createReferral(manager, uniqueName('Rowan'));
  awaitingAllocation = await createReferral(manager, uniqueName('Ellis'));
  await acceptReferral(manager, awaitingAllocation);
  awaitingFirstContact = await createReferral(manager, uniqueName('Sasha'));
  await allocateReferral(manager, awaitingFirstContact, DEMO_USERS.advocate.name);
  // A meeting tomorrow on a case of Sam's, and the reminders job run: the reminders panel has one.
  const withMeeting = await createReferral(manager, uniqueName('Morgan'));
  await allocateReferral(manager, withMeeting, DEMO_USERS.advocate.name);
  await manager.call('POST', `/api/referrals/${withMeeting.id}/meetings`, {
    kind: 'CPA_REVIEW',
    startsAt: londonInstant(addDays(londonDate(), 1), '11:00').toISOString(),
    location: 'Ward meeting room',
    inPrivate: false,
    attendees: ['Client'],
  });
  const admin = await apiAs(DEMO_USERS.admin.email);
  await admin.call('POST', '/api/jobs/reminders/run').catch(() => undefined); // 409: one is already waiting
  const advocate = await apiAs(DEMO_USERS.advocate.email);
  for (let tries = 0; ; tries++) {
    const { open } = await advocate.call<{ open: number }>('GET', '/api/reminders/count');
    if (open > 0) break;
    if (tries > 60) throw new Error('The reminders job made no reminder for Sam within 30 s');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  // A one-off visit three days ago, never logged: Sam has a visit to log (the log form).
  const { items } = await manager.call<{ items: { id: string; name: string }[] }>('GET', '/api/wards');
  const ward = items.find((item) => item.name === WARD);
  if (!ward) throw new Error(`No ward called ${WARD} in the demo data`);
  const day = addDays(londonDate(), -3);
  await manager.call('POST', '/api/visit-schedules', {
    wardId: ward.id,
    advocateId: sam,
    weekday: weekdayOf(day),
    startTime: '16:00',
    durationMinutes: 45,
    startsOn: day,
    endsOn: day,
  });
});

afterAll(async () => {
  await browser?.close();
});

/** Until nothing is loading: no "Loading…" status and no navigation in progress. */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => !document.querySelector('.loading, .progress--active') && document.querySelector('h1'),
    undefined,
    { timeout: 20_000 },
  );
}

/** Collects every problem of a run, so that one failing page does not hide the others. */
class Audit {
  readonly problems: string[] = [];
  readonly checked: string[] = [];

  constructor(
    private readonly page: Page,
    private readonly viewport: Viewport,
  ) {}

  /** axe on the page as it is now; at tablet width, also that it does not scroll sideways. */
  async check(label: string): Promise<void> {
    await settle(this.page);
    const name = `${label} @ ${this.viewport.width}px`;
    this.checked.push(name);
    this.problems.push(...(await seriousA11yProblems(this.page, name)));
    if (this.viewport.width <= 768) this.problems.push(...(await horizontalOverflow(this.page, name)));
  }

  /**
   * Opens a dialog with `opener`, checks it (and, with `submitEmpty`, again with the errors that
   * submitting it unfilled shows), then closes it with Escape, as a keyboard user would.
   */
  async dialog(opener: Locator, label: string, submitEmpty?: string): Promise<void> {
    await opener.click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    await this.check(`${label} dialog`);
    if (submitEmpty) {
      await dialog.getByRole('button', { name: submitEmpty, exact: true }).click();
      await dialog.locator('.field__error').first().waitFor();
      await this.check(`${label} dialog, with errors`);
    }
    await this.page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    // Closed, the dialog hands focus back to the button that opened it.
    expect(await opener.evaluate((element) => element === document.activeElement)).toBe(true);
  }

  expectClean(): void {
    if (process.env.A11Y_LIST) console.log(this.checked.join('\n'));
    expect(this.checked.length).toBeGreaterThan(0);
    expect(this.problems).toEqual([]);
  }
}

/**
 * A fresh browser profile at this size, for `body` to walk through; then every problem found
 * fails the test at once. A failure leaves a screenshot of where it happened.
 */
async function audited(
  viewport: Viewport,
  name: string,
  body: (page: Page, audit: Audit) => Promise<void>,
): Promise<void> {
  const { context, page, errors } = await newSession(browser);
  await page.setViewportSize(viewport);
  const audit = new Audit(page, viewport);
  try {
    await body(page, audit);
    audit.expectClean();
    expect(errors).toEqual([]);
  } catch (error) {
    mkdirSync(failureDir, { recursive: true });
    await page
      .screenshot({ path: path.join(failureDir, `${name}-${viewport.width}.png`), fullPage: true })
      .catch(() => undefined);
    throw error;
  } finally {
    await context.close();
  }
}

async function signInAs(page: Page, user: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) {
  await page.goto('/sign-in');
  await signIn(page, user.email);
  await heading(page, user.home).waitFor();
}

/** After a route change: the new page's h1 has focus and the window title names the page. */
async function expectFocusOnNewPage(page: Page, title?: string | RegExp): Promise<void> {
  await page.waitForFunction(() => document.activeElement?.tagName === 'H1', undefined, { timeout: 10_000 });
  const { h1, documentTitle } = await page.evaluate(() => ({
    h1: document.querySelector('h1')?.textContent ?? '',
    documentTitle: document.title,
  }));
  if (title instanceof RegExp) expect(documentTitle).toMatch(title);
  else expect(documentTitle).toBe(`${title ?? h1} – Beacon`);
}

/** Follows a link in the app (a client-side route change) and checks focus and title on arrival. */
async function follow(
  page: Page,
  link: Locator,
  h1: string | RegExp,
  title?: string | RegExp,
): Promise<void> {
  await link.click();
  await heading(page, h1).waitFor();
  await expectFocusOnNewPage(page, title);
}

function navLink(page: Page, name: string): Locator {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
}

describe.each(VIEWPORTS)('WCAG 2.2 AA at $width px', (viewport) => {
  it('the sign-in page, signed out', async () => {
    await audited(viewport, 'sign-in', async (page, audit) => {
      await page.goto('/sign-in');
      await heading(page, 'Sign in to Beacon').waitFor();
      expect(await page.title()).toBe('Sign in – Beacon');
      await audit.check('sign-in');
      // Signed out again: the page with its notice.
      await signIn(page, DEMO_USERS.advocate.email);
      await heading(page, DEMO_USERS.advocate.home).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.getByText('You have signed out.').waitFor();
      await audit.check('sign-in, signed out');
    });
  }, 120_000);

  it('setting up two-step verification, and the sign-in code step', async () => {
    // A fresh advocate of this test's own: turning two-step verification on changes the account.
    const account = await createAccount('Axe');
    await audited(viewport, 'two-step', async (page, audit) => {
      await page.goto('/sign-in');
      await signIn(page, account.email, account.password);
      await heading(page, 'My caseload').waitFor();
      await follow(page, page.getByRole('link', { name: /^Your account/ }), 'Your account');
      await page.getByRole('button', { name: 'Set up two-step verification' }).click();
      await page.getByRole('img', { name: 'QR code to add Beacon to your authenticator app' }).waitFor();
      await audit.check('two-step setup');
      const key = await page.getByRole('group', { name: 'Or enter this key' }).locator('code').innerText();
      await page.getByLabel('Code from the app', { exact: true }).fill(totp(key.replace(/\s/g, '')));
      await page.getByRole('button', { name: 'Turn on', exact: true }).click();
      await page.getByRole('list', { name: 'Your recovery codes' }).waitFor();
      await audit.check('recovery codes');

      await page.getByRole('button', { name: 'Sign out', exact: true }).click();
      await heading(page, 'Sign in to Beacon').waitFor();
      await signIn(page, account.email, account.password);
      await page.getByLabel('Authentication code', { exact: true }).waitFor();
      await audit.check('sign-in, code step');
      // Checked before anything is sent: no code typed.
      await page.getByRole('button', { name: 'Verify', exact: true }).click();
      await page.locator('#code-error').waitFor();
      await audit.check('sign-in, code step with errors');
      await page.getByRole('button', { name: 'Use a recovery code instead' }).click();
      await page.getByLabel('Recovery code', { exact: true }).waitFor();
      await audit.check('sign-in, recovery code step');
    });
  }, 120_000);

  it('every page and dialog of an advocate', async () => {
    await audited(viewport, 'advocate', async (page, audit) => {
      await signInAs(page, DEMO_USERS.advocate);
      await expectFocusOnNewPage(page);
      await audit.check('my caseload');

      // The visit to log, its form, and the form's errors.
      const toLog = page.getByRole('region', { name: 'Visits to log' });
      await follow(
        page,
        toLog.getByRole('link', { name: /^Log the visit to/ }).first(),
        /^Ward visit:/,
        /^Ward visit: .+ – Beacon$/,
      );
      await audit.check('visit to log');
      await page.getByRole('button', { name: 'Save the log' }).click();
      await page.getByRole('form', { name: 'Visit log' }).locator('.field__error').first().waitFor();
      await audit.check('visit log form, with errors');

      // A case of theirs, awaiting first contact: the first contact dialog.
      await follow(page, navLink(page, 'My caseload'), 'My caseload');
      const waiting = page.getByRole('row').filter({ hasText: awaitingFirstContact.reference });
      await follow(
        page,
        waiting.getByRole('link', { name: awaitingFirstContact.reference }),
        new RegExp(awaitingFirstContact.reference),
        new RegExp(`^${awaitingFirstContact.reference} – .+ – Beacon$`),
      );
      await audit.check('referral awaiting first contact');
      await audit.dialog(page.getByRole('button', { name: 'Record first contact' }), 'first contact');

      // An active case: the note editor (and its errors), amending a note, meetings, records access, closing.
      await follow(page, navLink(page, 'My caseload'), 'My caseload');
      const open = page.getByRole('region', { name: 'My open cases' });
      const active = open.getByRole('row').filter({ hasText: 'Active' }).first();
      await follow(page, active.getByRole('link', { name: /^REF-/ }), /^REF-/, /^REF-\S+ – .+ – Beacon$/);
      await audit.check('active referral');
      const editor = page.getByRole('form', { name: 'Add a case note' });
      await editor.getByRole('button', { name: 'Save note' }).click();
      await editor.locator('.field__error').first().waitFor();
      await audit.check('note editor, with errors');
      const amend = page.getByRole('button', { name: /^Amend the note of/ });
      if (await amend.count()) await audit.dialog(amend.first(), 'amend note');
      await audit.dialog(page.getByRole('button', { name: 'Record a meeting' }), 'record a meeting');
      await audit.dialog(page.getByRole('button', { name: 'Record access to records' }), 'records access');
      const close = page.getByRole('button', { name: 'Close referral', exact: true });
      if (await close.count()) await audit.dialog(close, 'close referral');

      // New referral (from a ward visit or the caseload), and its errors.
      await follow(page, navLink(page, 'My caseload'), 'My caseload');
      await follow(page, page.getByRole('link', { name: 'New referral' }), 'New referral');
      await audit.check('new referral');
      await page.getByRole('button', { name: 'Save referral' }).click();
      await page.locator('.error-summary').waitFor();
      await audit.check('new referral, with errors');

      await follow(page, navLink(page, 'Calendar'), 'Calendar');
      await audit.check('calendar, week');
      await page.getByRole('link', { name: 'Month', exact: true }).click();
      await page.waitForURL(/view=month/);
      await audit.check('calendar, month');

      await follow(page, navLink(page, 'Time'), 'Time');
      await audit.check('time');
      // Checked before anything is fetched: the end before the start.
      await page.getByLabel('From', { exact: true }).fill('2026-02-10');
      await page.getByLabel('To', { exact: true }).fill('2026-01-01');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.locator('.error-summary').waitFor();
      await audit.check('time, dates with errors');

      await follow(page, page.getByRole('link', { name: /^Your account/ }), 'Your account');
      await audit.check('account');
      // Checked before anything is sent: the new password typed twice differently.
      await page.getByLabel('New password', { exact: true }).fill('A-new-password-for-axe');
      await page.getByLabel('Confirm new password', { exact: true }).fill('Another-password');
      await page.getByRole('button', { name: 'Change password', exact: true }).click();
      await page.locator('.error-summary').waitFor();
      await audit.check('account, change password with errors');

      await page.goto('/no-such-page');
      await heading(page, 'Page not found').waitFor();
      await audit.check('page not found');
    });
  }, 240_000);

  it('every page and dialog of a manager', async () => {
    await audited(viewport, 'manager', async (page, audit) => {
      await signInAs(page, DEMO_USERS.manager);
      // The two-step verification reminder is expected for the demo manager; it is checked with the page.
      await page.getByRole('region', { name: 'Two-step verification reminder' }).waitFor();
      await expectFocusOnNewPage(page);
      await audit.check('referrals');

      // A new referral: accept and decline (with the decline's errors).
      await page.goto(`/referrals/${received.id}`);
      await heading(page, new RegExp(received.reference)).waitFor();
      await audit.check('referral, received');
      await audit.dialog(page.getByRole('button', { name: 'Record answers' }), 'equality monitoring');
      await audit.dialog(page.getByRole('button', { name: 'Accept', exact: true }), 'accept');
      await audit.dialog(
        page.getByRole('button', { name: 'Decline', exact: true }),
        'decline',
        'Decline referral',
      );

      // Accepted, awaiting an advocate: the allocation dialog with each advocate's caseload.
      await page.goto(`/referrals/${awaitingAllocation.id}`);
      await heading(page, new RegExp(awaitingAllocation.reference)).waitFor();
      await audit.check('referral, awaiting allocation');
      await audit.dialog(page.getByRole('button', { name: 'Allocate', exact: true }), 'allocate');

      await follow(page, navLink(page, 'Referrals'), 'Referrals');
      await follow(page, page.getByRole('link', { name: 'New referral' }), 'New referral');
      await audit.check('new referral');

      // The calendar, and a visit ahead with its move and cancel dialogs.
      await follow(page, navLink(page, 'Calendar'), 'Calendar');
      await audit.check('calendar, week, everyone');
      await page.getByRole('link', { name: 'Month', exact: true }).click();
      await page.waitForURL(/view=month/);
      await audit.check('calendar, month, everyone');
      await page.getByRole('link', { name: 'Week', exact: true }).click();
      await page.waitForURL((url) => !url.search.includes('view=month'));
      await page.getByRole('link', { name: /^Next week/ }).click();
      await page.waitForURL(/date=/);
      await settle(page);
      await follow(
        page,
        page.locator('main a[href^="/visits/"]').first(),
        /^Ward visit:/,
        /^Ward visit: .+ – Beacon$/,
      );
      await audit.check('visit ahead');
      await audit.dialog(page.getByRole('button', { name: 'Move this visit' }), 'move visit');
      await audit.dialog(page.getByRole('button', { name: 'Cancel this visit' }), 'cancel visit');

      await follow(page, navLink(page, 'Ward coverage'), 'Ward coverage');
      await audit.check('ward coverage');
      // Too wide for a tablet held upright, the table scrolls in its own box, which the keyboard can
      // reach and scroll (a region named by the table's caption).
      const wrap = page.locator('.table-wrap').first();
      if (await wrap.evaluate((box) => box.scrollWidth > box.clientWidth)) {
        expect(await wrap.getAttribute('tabindex')).toBe('0');
        expect(await wrap.getAttribute('role')).toBe('region');
        expect(await wrap.getAttribute('aria-label')).toMatch(/^Ward coverage from/);
      } else {
        expect(await wrap.getAttribute('tabindex')).toBeNull();
      }

      await follow(page, navLink(page, 'Schedules'), 'Visit schedules');
      await audit.check('schedules');
      await audit.dialog(
        page.getByRole('button', { name: 'Add a schedule' }),
        'add schedule',
        'Add schedule',
      );
      await audit.dialog(page.getByRole('button', { name: /^End the schedule for/ }).first(), 'end schedule');

      await follow(page, page.getByRole('link', { name: 'Hospitals and wards' }), 'Hospitals and wards');
      await audit.check('hospitals');
      await audit.dialog(page.getByRole('button', { name: 'Add a hospital' }), 'add hospital');
      await audit.dialog(page.getByRole('button', { name: /^Add a ward to/ }).first(), 'add ward');

      await follow(page, navLink(page, 'Time'), 'Time');
      await audit.check('time, everyone');

      // Reports: charts whose bars are links, their tables, the period's errors, the printed report.
      await follow(page, navLink(page, 'Reports'), 'Reports');
      await page.locator('.report-figures').waitFor();
      await audit.check('reports');
      await page.getByText('Referrals by service as a table', { exact: true }).click();
      await audit.check('reports, a table open');
      await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Choose dates' });
      await page.getByLabel('From', { exact: true }).fill('2026-05-02');
      await page.getByLabel('To (inclusive)', { exact: true }).fill('2026-05-01');
      await page.getByRole('button', { name: 'Show', exact: true }).click();
      await page.getByRole('alert').waitFor();
      await audit.check('reports, period with errors');
      await follow(
        page,
        page.getByRole('link', { name: 'Commissioners’ report' }),
        /^Commissioners’ report: /,
        /^Commissioners’ report: .+ – Beacon$/,
      );
      await page.locator('.report-figures').waitFor();
      await audit.check('commissioners report');

      await follow(page, page.getByRole('link', { name: /^Your account/ }), 'Your account');
      await audit.check('account, two-step due');
    });
  }, 240_000);

  it('every page and dialog of an admin', async () => {
    await audited(viewport, 'admin', async (page, audit) => {
      await signInAs(page, DEMO_USERS.admin);
      await page.getByRole('region', { name: 'Two-step verification reminder' }).waitFor();
      await expectFocusOnNewPage(page);
      await audit.check('users');

      await follow(
        page,
        page.getByRole('link', { name: DEMO_USERS.advocate2.name, exact: true }),
        DEMO_USERS.advocate2.name,
      );
      await audit.check('a user');
      await audit.dialog(page.getByRole('button', { name: 'Deactivate', exact: true }), 'deactivate user');

      await follow(page, navLink(page, 'Users'), 'Users');
      await follow(page, page.getByRole('link', { name: 'New user' }), 'New user');
      await audit.check('new user');
      await page.getByRole('button', { name: 'Create user' }).click();
      await page.locator('.error-summary').waitFor();
      await audit.check('new user, with errors');

      // The audit trail. Filtering by person opens case content and asks why first; that reason
      // dialog is the same one as on Subject access, checked there.
      await follow(page, navLink(page, 'Audit'), 'Audit');
      await audit.check('audit');

      // Subject access: finding a person opens case content, so Beacon asks why ("break glass").
      // The reason dialog is checked, a reason given, and a search made; nothing is exported.
      await follow(page, navLink(page, 'Subject access'), 'Subject access');
      await audit.check('subject access');
      await page.getByRole('button', { name: 'Find a person' }).click();
      const why = page.getByRole('dialog', { name: 'Why are you looking?' });
      await why.waitFor();
      await audit.check('why are you looking dialog');
      await why.getByRole('button', { name: 'Continue' }).click();
      await why.locator('.field__error').waitFor();
      await audit.check('why are you looking dialog, with errors');
      await why.getByLabel('Reason', { exact: true }).fill('Accessibility check of the search page');
      await why.getByRole('button', { name: 'Continue' }).click();
      await why.waitFor({ state: 'hidden' });
      // Rowan is the person of a referral made for this spec.
      await page.getByLabel('Find the person').fill('Rowan');
      await page
        .locator('.finder__results')
        .getByRole('button', { name: /^Choose Rowan/ })
        .first()
        .waitFor();
      await audit.check('subject access, search results');

      await follow(page, navLink(page, 'Retention'), 'Retention review');
      await audit.check('retention');
      const anonymise = page.getByRole('button', { name: 'Anonymise…' });
      if (await anonymise.count()) await audit.dialog(anonymise.first(), 'anonymise');

      await follow(page, navLink(page, 'Signposting'), 'Signposting');
      await audit.check('signposting');
      await audit.dialog(page.getByRole('button', { name: 'Add a service' }), 'add signposting service');
      await audit.dialog(
        page.getByRole('button', { name: /^Change / }).first(),
        'change signposting service',
      );

      await follow(page, navLink(page, 'Hospitals'), 'Hospitals and wards');
      await audit.check('hospitals, admin');

      await follow(page, navLink(page, 'Jobs'), 'Background jobs');
      await audit.check('jobs');

      await follow(page, navLink(page, 'Reports'), 'Reports');
      await page.getByRole('button', { name: 'Save targets' }).waitFor();
      await audit.check('reports, admin (targets form)');

      await follow(page, page.getByRole('link', { name: /^Your account/ }), 'Your account');
      await audit.check('account, admin');
    });
  }, 240_000);
});

describe('keyboard and focus', () => {
  it('offers “Skip to main content” first, and takes a referral from the list by keyboard alone', async () => {
    const { context, page, errors } = await newSession(browser);
    await signInAs(page, DEMO_USERS.manager);

    // A fresh load starts at the top of the document, as any web page does: the first Tab is the skip link.
    await page.goto('/referrals');
    await heading(page, 'Referrals').waitFor();
    await settle(page);
    expect(await page.title()).toBe('Referrals – Beacon');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => ({
      text: document.activeElement?.textContent,
      visible: (document.activeElement?.getBoundingClientRect().top ?? -1) >= 0,
    }));
    expect(skip).toEqual({ text: 'Skip to main content', visible: true });
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');

    // From the top of main, Tab to the first referral in the list and open it with Enter.
    let reference: string | null = null;
    for (let presses = 0; presses < 80 && !reference; presses++) {
      await page.keyboard.press('Tab');
      reference = await page.evaluate(() => {
        const active = document.activeElement;
        return active?.tagName === 'A' && active.closest('table') && /^REF-/.test(active.textContent ?? '')
          ? active.textContent
          : null;
      });
    }
    expect(reference).toMatch(/^REF-\d{4}-\d{6}$/);
    await page.keyboard.press('Enter');
    await waitForPath(page, REFERRAL_PATH);
    await heading(page, new RegExp(reference as string)).waitFor();
    await expectFocusOnNewPage(page, new RegExp(`^${reference} – .+ – Beacon$`));

    // Back (Alt+Left in the browser): the list again, its heading focused and its title back.
    await page.goBack();
    await heading(page, 'Referrals').waitFor();
    await expectFocusOnNewPage(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('announces a form’s errors: a focused summary (role alert), each field invalid and described by its message', async () => {
    const { context, page, errors } = await newSession(browser);
    await signInAs(page, DEMO_USERS.manager);
    await follow(page, page.getByRole('link', { name: 'New referral' }), 'New referral');
    await page.getByRole('button', { name: 'Save referral' }).click();
    const summary = page.getByRole('alert').filter({ has: page.locator('.error-summary__list') });
    await summary.waitFor();
    expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(true);
    const fields = await page.evaluate(() =>
      Array.from(document.querySelectorAll('[aria-invalid="true"]'), (field) => {
        // A text box names its own message; a radio or checkbox its group's (the fieldset's).
        const described = [field, field.closest('fieldset')]
          .map((element) => element?.getAttribute('aria-describedby') ?? '')
          .join(' ')
          .split(/\s+/)
          .filter(Boolean);
        return {
          id: field.id,
          message: described
            .map((id) => document.getElementById(id))
            .filter((element) => element?.classList.contains('field__error'))
            .map((element) => element?.textContent ?? ''),
        };
      }),
    );
    expect(fields.length).toBeGreaterThan(0);
    for (const field of fields) expect(field.message.join('')).toMatch(/^Error: /);
    // Each message in the summary leads to its field, which says it is invalid.
    const first = summary.getByRole('link').first();
    const target = (await first.getAttribute('href'))?.slice(1);
    await first.press('Enter');
    const active = await page.evaluate(() => ({
      id: document.activeElement?.id,
      invalid: document.activeElement?.getAttribute('aria-invalid'),
    }));
    expect(active).toEqual({ id: target, invalid: 'true' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
