import { addDays, londonDate, weekdayOf } from '@beacon/domain';
import type { Browser, Page } from 'playwright-core';
import { advocateId, apiAs } from './support/api';
import {
  DEMO_USERS,
  heading,
  launchBrowser,
  newSession,
  screenshot,
  signIn,
  waitForPath,
} from './support/app';

let browser: Browser;

/** A ward the demo schedules leave alone, so the visits made here are the only ones on it. */
const WARD = 'Willows Ward';

/**
 * A one-off weekly schedule (first and last day the same) for a day in the past: its one visit is
 * planned, over and never logged, that is, missed.
 */
async function missedVisitFor(advocateName: string, daysAgo: number): Promise<void> {
  const manager = await apiAs(DEMO_USERS.manager.email);
  const { items } = await manager.call<{ items: { id: string; name: string }[] }>('GET', '/api/wards');
  const ward = items.find((item) => item.name === WARD);
  if (!ward) throw new Error(`No ward called ${WARD} in the demo data`);
  const day = addDays(londonDate(), -daysAgo);
  await manager.call('POST', '/api/visit-schedules', {
    wardId: ward.id,
    advocateId: await advocateId(manager, advocateName),
    weekday: weekdayOf(day),
    startTime: '09:00',
    durationMinutes: 60,
    startsOn: day,
    endsOn: day,
  });
}

beforeAll(async () => {
  browser = await launchBrowser();
  await missedVisitFor(DEMO_USERS.advocate.name, 2);
  await missedVisitFor(DEMO_USERS.advocate2.name, 4);
});

afterAll(async () => {
  await browser?.close();
});

async function signInAs(page: Page, user: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) {
  await page.goto('/sign-in');
  await signIn(page, user.email);
  await heading(page, user.home).waitFor();
}

/** One of Sam's active cases, found through the API as Sam. */
async function activeCaseOfSam(): Promise<{ id: string; reference: string }> {
  const sam = await apiAs(DEMO_USERS.advocate.email);
  const me = await sam.call<{ id: string }>('GET', '/api/auth/me');
  const { items } = await sam.call<{ items: { id: string; reference: string }[] }>(
    'GET',
    `/api/referrals?status=ACTIVE&advocateId=${me.id}&limit=1`,
  );
  if (!items[0]) throw new Error('Sam has no active case in the demo data');
  return items[0];
}

const stamp = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
const REFERRAL_PATH = /^\/referrals\/[0-9a-f-]{36}$/;

describe('an advocate’s casework', () => {
  it('logs a missed ward visit as held with a new referral, and takes the referral from the visit', async () => {
    const { context, page, errors } = await newSession(browser);
    await signInAs(page, DEMO_USERS.advocate);

    // The dashboard lists the visit to log, this week's visits and the open cases.
    const toLog = page.getByRole('region', { name: 'Visits to log' });
    const logLink = toLog.getByRole('link', { name: new RegExp(`^Log the visit to ${WARD}`) }).first();
    await logLink.waitFor();
    await page.getByRole('region', { name: 'This week’s ward visits' }).waitFor();
    await page.getByRole('region', { name: 'My open cases' }).getByRole('table').waitFor();
    await page.getByRole('region', { name: 'Referrals I took' }).waitFor();
    await screenshot(page, 'caseload-dashboard');

    await logLink.click();
    await waitForPath(page, /^\/visits\/[0-9a-f-]{36}$/);
    await heading(page, new RegExp(`Ward visit: ${WARD}`)).waitFor();
    await page.getByText('Not logged', { exact: true }).waitFor();

    await page.getByLabel('The visit was held').check();
    await page.getByLabel('Patients seen', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'New referrals picked up: one more' }).click();
    expect(await page.getByLabel('New referrals picked up', { exact: true }).inputValue()).toBe('1');
    await page.getByLabel('Note (optional)').fill('Posters checked. Two patients asked about advocacy.');
    await screenshot(page, 'visit-log');
    await page.setViewportSize({ width: 820, height: 1180 });
    await screenshot(page, 'visit-log-tablet');
    await page.setViewportSize({ width: 1280, height: 860 });

    await page.getByRole('button', { name: 'Save the log' }).click();
    await page.getByText('Visit logged as held').waitFor();
    expect(await page.locator('main').innerText()).toContain('2 patients seen, 1 new referral');

    // The shortcut opens the intake form as a ward-visit referral naming this visit.
    await page.getByRole('link', { name: 'Add referral picked up on this visit' }).first().click();
    await waitForPath(page, '/referrals/new');
    const query = new URL(page.url()).searchParams;
    expect(query.get('source')).toBe('WARD_VISIT');
    expect(query.get('visitId')).toMatch(/^[0-9a-f-]{36}$/);
    await heading(page, 'New referral').waitFor();
    expect(await page.getByLabel('Source', { exact: true }).inputValue()).toBe('WARD_VISIT');
    const visitNote = page.getByTestId('ward-visit');
    await visitNote.getByText(WARD).waitFor();
    expect(await visitNote.innerText()).toContain('No referrer is needed');
    expect(await page.getByLabel('Referrer’s name').count()).toBe(0);
    expect(await page.getByLabel('Received', { exact: true }).inputValue()).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
    );

    // It goes through with no referrer, and the advocate finds it among the referrals they took.
    const lastName = `Ward${stamp()}`;
    await page.getByLabel('Community mental health advocacy').check();
    await page.getByLabel('No, a new person').check();
    await page.getByLabel('First name', { exact: true }).fill('Morgan');
    await page.getByLabel('Last name', { exact: true }).fill(lastName);
    await page.getByLabel('Area (local authority where the person lives)').selectOption('LEICESTER');
    await page.getByLabel('Information about rights, care or treatment').check();
    await page.getByRole('button', { name: 'Save referral' }).click();
    await waitForPath(page, REFERRAL_PATH);
    const title = await heading(page, /^REF-\d{4}-\d{6}/).innerText();
    const reference = /REF-\d{4}-\d{6}/.exec(title)?.[0] as string;
    expect(await page.locator('main').innerText()).toContain('Met on a ward visit');

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'My caseload' }).click();
    await page
      .getByRole('region', { name: 'Referrals I took' })
      .getByRole('row')
      .filter({ hasText: reference })
      .waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('writes a case note, amends it with a reason, and both versions stay readable', async () => {
    const referral = await activeCaseOfSam();
    const { context, page, errors } = await newSession(browser);
    await signInAs(page, DEMO_USERS.advocate);
    await page.goto(`/referrals/${referral.id}`);
    await heading(page, new RegExp(referral.reference)).waitFor();

    const first = `Phoned the ward to arrange a visit ${stamp()}.`;
    const editor = page.getByRole('form', { name: 'Add a case note' });
    await editor.getByLabel('Contact', { exact: true }).check();
    await editor.getByLabel('Note', { exact: true }).fill(first);
    await editor.getByText(/characters left of 20,000/).waitFor();
    await editor.getByLabel('Time spent, in minutes (optional)').fill('15');
    await editor.getByRole('button', { name: 'Save note' }).click();
    await page.getByText('Contact note saved to the timeline.').waitFor();
    expect(await editor.getByLabel('Note', { exact: true }).inputValue()).toBe('');

    const entry = page.locator('.timeline > .timeline__item').filter({ hasText: first });
    await entry.waitFor();
    expect(await entry.innerText()).toContain('15 min');

    const second = `${first} Visit booked for Thursday.`;
    await entry.getByRole('button', { name: /^Amend/ }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Note', { exact: true }).fill(second);
    await dialog.getByLabel('Reason for the change').fill('Added when the visit is');
    await dialog.getByRole('button', { name: 'Save the amendment' }).click();
    await page.getByText(/Note amended: version 2 saved/).waitFor();

    const amended = page.locator('.timeline > .timeline__item').filter({ hasText: second });
    await amended.getByText('Amended', { exact: true }).waitFor();
    await amended.getByText('All 2 versions').click();
    const versions = amended.locator('.versions__item');
    expect(await versions.count()).toBe(2);
    expect(await versions.nth(0).innerText()).toContain(first);
    expect(await versions.nth(0).innerText()).not.toContain('Visit booked');
    expect(await versions.nth(1).innerText()).toContain(second);
    expect(await versions.nth(1).innerText()).toContain('Reason: Added when the visit is');
    // The timeline in view, on a screen tall enough for the note editor and the amended note.
    await page.setViewportSize({ width: 1280, height: 1400 });
    await page.evaluate(() => document.getElementById('case-timeline-title')?.scrollIntoView());
    await screenshot(page, 'case-timeline', { fullPage: false });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a note being typed through the end of the session, and forgets it on sign-out', async () => {
    const referral = await activeCaseOfSam();
    const { context, page, errors } = await newSession(browser);
    await signInAs(page, DEMO_USERS.advocate);
    const referralPath = `/referrals/${referral.id}`;
    await page.goto(referralPath);
    await heading(page, new RegExp(referral.reference)).waitFor();

    const draft = `Met on the ward; wants help with the tribunal. ${stamp()}`;
    const editor = page.getByRole('form', { name: 'Add a case note' });
    await editor.getByLabel('Visit', { exact: true }).check();
    await editor.getByLabel('Note', { exact: true }).fill(draft);

    // The session ends behind the page's back (as when it expires): the server forgets it.
    const status = await page.evaluate(async () => {
      const answer = await fetch('/api/auth/logout', { method: 'POST', credentials: 'include' });
      return answer.status;
    });
    expect(status).toBe(204);
    await page.reload();
    await waitForPath(page, '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe(referralPath);

    await signIn(page, DEMO_USERS.advocate.email);
    await waitForPath(page, referralPath);
    await heading(page, new RegExp(referral.reference)).waitFor();
    const restored = page.getByRole('form', { name: 'Add a case note' });
    await restored.getByText('Restored what you had typed before you were signed out').waitFor();
    expect(await restored.getByLabel('Note', { exact: true }).inputValue()).toBe(draft);
    expect(await restored.getByLabel('Visit', { exact: true }).isChecked()).toBe(true);

    // Signing out on purpose takes the draft with it.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await waitForPath(page, '/sign-in');
    expect(await page.evaluate(() => JSON.stringify(window.sessionStorage))).toBe('{}');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an advocate their week on the calendar', async () => {
    const { context, page, errors } = await newSession(browser);
    await signInAs(page, DEMO_USERS.advocate);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Calendar' }).click();
    await heading(page, 'Calendar').waitFor();
    const week = page.getByRole('list', { name: 'Week' });
    await week.waitFor();
    expect(await week.locator(':scope > li').count()).toBe(7);
    await week.locator('[aria-current="date"]').waitFor();
    await page.getByRole('region', { name: 'Calendar feed' }).waitFor();
    await screenshot(page, 'calendar-week');

    const range = page.locator('.calendar__range');
    const thisWeek = await range.innerText();
    await page.getByRole('link', { name: 'Next week' }).click();
    await page.waitForFunction(
      (before) => document.querySelector('.calendar__range')?.textContent !== before,
      thisWeek,
    );
    await page.getByRole('link', { name: 'Month' }).click();
    await page.getByRole('table').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a manager’s view of the wards', () => {
  it('shows ward coverage with a missed visit', async () => {
    const { context, page, errors } = await newSession(browser);
    await signInAs(page, DEMO_USERS.manager);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Ward coverage' }).click();
    await heading(page, 'Ward coverage').waitFor();
    const row = page.getByRole('table').first().getByRole('row').filter({ hasText: WARD });
    await row.getByText(/^\d+ missed$/).waitFor();
    const missed = page.getByRole('region', { name: 'Missed visits' });
    await missed
      .getByRole('row')
      .filter({ hasText: WARD })
      .filter({ hasText: DEMO_USERS.advocate2.name })
      .first()
      .waitFor();
    expect(await page.locator('.coverage__headline').innerText()).toMatch(/\d+ missed/);
    await screenshot(page, 'ward-coverage');
    expect(errors).toEqual([]);
    await context.close();
  });
});
