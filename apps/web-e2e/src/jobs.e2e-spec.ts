import { addDays, londonDate, londonInstant } from '@beacon/domain';
import { allocateReferral, apiAs, createReferral, type ApiSession } from './support/api';
import { DEMO_USERS, heading, mainNav, newSession, screenshot, signIn, useBrowser } from './support/app';

const browser = useBrowser();

/** Polls `read` every 500 ms until it returns something, for at most `seconds`. */
async function eventually<T>(read: () => Promise<T | undefined>, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`nothing after ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

interface Reminder {
  id: string;
  kind: string;
  referralId: string | null;
}

/** A case of Sam's with a tribunal hearing tomorrow at 10:00, then the reminders job run through pg-boss. */
async function meetingTomorrowForSam(sam: ApiSession) {
  const manager = await apiAs(DEMO_USERS.manager.email);
  const person = { firstName: 'Quinn', lastName: `Reminder${Date.now().toString(36)}` };
  const referral = await createReferral(manager, person);
  await allocateReferral(manager, referral, DEMO_USERS.advocate.name);
  await sam.call('POST', `/api/referrals/${referral.id}/meetings`, {
    kind: 'TRIBUNAL',
    startsAt: londonInstant(addDays(londonDate(), 1), '10:00').toISOString(),
    location: 'Tribunal room, Bradgate Unit',
    inPrivate: false,
    attendees: ['Client', 'Advocate'],
  });
  const admin = await apiAs(DEMO_USERS.admin.email);
  await admin.call('POST', '/api/jobs/reminders/run');
  await eventually(async () => {
    const { items } = await sam.call<{ items: Reminder[] }>('GET', '/api/reminders?limit=200');
    return items.find((r) => r.referralId === referral.id && r.kind === 'MEETING_TOMORROW');
  });
  return { referral, person };
}

describe('reminders and background jobs', () => {
  it('shows an advocate a reminder made by the reminders job, which they dismiss', async () => {
    const sam = await apiAs(DEMO_USERS.advocate.email);
    const { referral, person } = await meetingTomorrowForSam(sam);
    const { open } = await sam.call<{ open: number }>('GET', '/api/reminders/count');

    const { context, page, errors } = await newSession(browser());
    await page.goto('/sign-in');
    await signIn(page, DEMO_USERS.advocate.email);
    await heading(page, 'My caseload').waitFor();
    // The count beside "My caseload" leaves the link's own name alone.
    expect(await mainNav(page)).toEqual([...DEMO_USERS.advocate.nav]);
    const count = page.getByTestId('reminder-count');
    expect((await count.textContent())?.trim()).toBe(`${open} ${open === 1 ? 'reminder' : 'reminders'}`);

    const panel = page.getByRole('region', { name: 'Reminders' });
    const item = panel.getByRole('listitem').filter({ hasText: referral.reference });
    await item.waitFor();
    expect((await item.innerText()).replace(/\s+/g, ' ')).toContain(
      `Tribunal hearing tomorrow at 10:00 ${person.firstName} ${person.lastName} (${referral.reference})`,
    );
    await screenshot(page, 'reminders');

    await item.getByRole('button', { name: /^Dismiss: Tribunal hearing tomorrow/ }).click();
    await panel.getByText('Dismissed: Tribunal hearing tomorrow at 10:00.').waitFor();
    await item.waitFor({ state: 'detached' });
    const left = open - 1;
    if (left === 0) await count.waitFor({ state: 'detached' });
    else await page.getByTestId('reminder-count').getByText(String(left)).waitFor();

    // Dismissed for good: the next run does not bring it back.
    const admin = await apiAs(DEMO_USERS.admin.email);
    const asked = Date.now() - 2000;
    await admin.call('POST', '/api/jobs/reminders/run').catch(() => undefined); // 409: one is already waiting
    await eventually(async () => {
      const status = await admin.call<{ items: { name: string; lastRun: { finishedAt: string } | null }[] }>(
        'GET',
        '/api/jobs',
      );
      const run = status.items.find((i) => i.name === 'reminders')?.lastRun;
      return run && new Date(run.finishedAt).getTime() >= asked ? run : undefined;
    });
    const { items } = await sam.call<{ items: Reminder[] }>('GET', '/api/reminders?limit=200');
    expect(items.filter((r) => r.referralId === referral.id)).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('shows an admin the jobs, and runs one now', async () => {
    const { context, page, errors } = await newSession(browser());
    await page.goto('/sign-in');
    await signIn(page, DEMO_USERS.admin.email);
    await heading(page, 'Users').waitFor();
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Jobs', exact: true })
      .click();
    await heading(page, 'Background jobs').waitFor();
    expect(await page.title()).toBe('Background jobs – Beacon');

    const table = page.getByRole('table', { name: 'Background jobs' });
    const rowOf = (title: string) => table.getByRole('row').filter({ hasText: title });
    expect(await table.getByRole('row').count()).toBe(4); // the header and three jobs
    expect(await rowOf('Reminders for advocates').getByText('Every hour, on the hour').count()).toBe(1);
    expect(await rowOf('Retention review queue').getByText('Every night at 03:00').count()).toBe(1);

    const audit = rowOf('Audit chain check');
    await audit.getByRole('button', { name: 'Run now: Audit chain check' }).click();
    await page.getByText('Audit chain check: queued.').waitFor();
    // The page follows the run until it has finished (pg-boss's worker picks it up within seconds).
    await audit.getByText(/^The audit chain is intact: \d+ events checked\.$/).waitFor({ timeout: 30_000 });
    await audit.getByText('(run now)').waitFor();
    await audit.getByText('Succeeded').waitFor();
    await screenshot(page, 'jobs');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
