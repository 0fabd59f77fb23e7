import { addDays, londonDate, weekdayOf } from '@beacon/domain';
import type { Page } from 'playwright-core';
import { expectNoSeriousA11yViolations } from './support/a11y';
import { acceptReferral, advocateId, apiAs, createAccount, createReferral } from './support/api';
import { DEMO_USERS, heading, useBrowser, newSession, screenshot, signIn } from './support/app';

/**
 * Two people changing the same record: the second change is refused (409 stale version), and the
 * second person sees the newer record, what changed in it and who changed it when, keeps what they
 * chose, and applies it again (or discards it).
 */

const browser = useBrowser();

function uniqueName(prefix: string) {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  return { firstName: prefix, lastName: `Conflict${stamp}` };
}

async function signInAs(page: Page, user: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) {
  await page.goto('/sign-in');
  await signIn(page, user.email);
  await heading(page, user.home).waitFor();
}

describe('changes that cross', () => {
  it('shows a manager the allocation made meanwhile, keeps their choice, and applies it again', async () => {
    const managerApi = await apiAs(DEMO_USERS.manager.email);
    const created = await createReferral(managerApi, uniqueName('Morgan'));
    await acceptReferral(managerApi, created);
    const referralPath = `/referrals/${created.id}`;

    // The same manager in two browsers, both with the referral open, awaiting allocation.
    const first = await newSession(browser());
    const second = await newSession(browser());
    for (const { page } of [first, second]) {
      await signInAs(page, DEMO_USERS.manager);
      await page.goto(referralPath);
      await heading(page, new RegExp(created.reference)).waitFor();
      await page.getByRole('button', { name: 'Allocate', exact: true }).waitFor();
    }

    // One allocates to Sam Taylor.
    await first.page.getByRole('button', { name: 'Allocate', exact: true }).click();
    const firstDialog = first.page.getByRole('dialog');
    await firstDialog.getByLabel(/^Sam Taylor/).check();
    await firstDialog.getByRole('button', { name: 'Allocate', exact: true }).click();
    await first.page.getByText('Allocated to Sam Taylor.').waitFor();

    // The other, still showing the referral as it was, chooses Jordan Reid.
    const page = second.page;
    expect(await page.getByRole('button', { name: 'Allocate', exact: true }).count()).toBe(1);
    await page.getByRole('button', { name: 'Allocate', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel(/^Jordan Reid/).check();
    await dialog.getByLabel('Note for the history (optional)').fill('Jordan knows the ward.');
    await dialog.getByRole('button', { name: 'Allocate', exact: true }).click();

    // Refused: the dialog stays, with the newer referral and what changed in it.
    const notice = dialog.getByRole('group', {
      name: 'Someone else changed this referral after you opened it',
    });
    await notice.getByRole('button', { name: 'Apply my change again' }).waitFor();
    const text = await notice.innerText();
    expect(text).toContain(`Allocated to Sam Taylor by ${DEMO_USERS.manager.name}`);
    const changes = notice.getByRole('table', { name: 'What changed' });
    expect(await changes.getByRole('row', { name: /Status/ }).innerText()).toMatch(
      /Status\s+Awaiting allocation\s+Allocated/,
    );
    expect(await changes.getByRole('row', { name: /Allocated advocate/ }).innerText()).toMatch(
      /Allocated advocate\s+Not allocated\s+Sam Taylor/,
    );
    // Their own choice and note are kept; the dialog now re-allocates the newer referral.
    expect(await dialog.getByLabel(/^Jordan Reid/).isChecked()).toBe(true);
    expect(await dialog.getByLabel(/^Reason for re-allocating/).inputValue()).toBe('Jordan knows the ward.');
    await dialog.getByLabel(/^Sam Taylor \(allocated now\)/).waitFor();
    // The page behind it shows the newer referral too.
    await page.getByRole('button', { name: 'Re-allocate', exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'conflict notice in the allocation dialog');
    // The dialog from its title down, for the picture.
    await dialog.evaluate((element) => element.scrollTo(0, 0));
    await screenshot(page, 'conflict', { fullPage: false });

    await notice.getByRole('button', { name: 'Apply my change again' }).click();
    await page.getByText('Allocated to Jordan Reid.').waitFor();
    expect(await dialog.isVisible()).toBe(false);
    const history = page.getByRole('table').filter({ hasText: 'Re-allocated' });
    expect(await history.innerText()).toContain('To Jordan Reid');
    expect(await history.innerText()).toContain('Jordan knows the ward.');

    // Saved on the server: the first browser sees it after a reload.
    await first.page.reload();
    await first.page.getByRole('region', { name: 'Progress' }).getByText('Jordan Reid').waitFor();
    expect(first.errors).toEqual([]);
    expect(second.errors).toEqual([]);
    await first.context.close();
    await second.context.close();
  });

  it('says when the change no longer applies: a referral declined meanwhile cannot be accepted', async () => {
    const managerApi = await apiAs(DEMO_USERS.manager.email);
    const created = await createReferral(managerApi, uniqueName('Rowan'));
    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.manager);
    await page.goto(`/referrals/${created.id}`);
    await heading(page, new RegExp(created.reference)).waitFor();

    // Declined elsewhere while this page shows it as received.
    await managerApi.call('POST', `/api/referrals/${created.id}/triage`, {
      decision: 'DECLINE',
      version: created.version,
      reason: 'Moved out of the area before triage.',
    });

    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Accept referral' }).click();
    const notice = dialog.getByRole('group', {
      name: 'Someone else changed this referral after you opened it',
    });
    await notice.getByText('It can no longer be accepted: the referral is now declined.').waitFor();
    expect(await notice.innerText()).toContain('Moved out of the area before triage.');
    expect(await notice.getByRole('button', { name: 'Apply my change again' }).count()).toBe(0);
    await notice.getByRole('button', { name: 'Discard my change' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('region', { name: 'Declined' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an admin’s role change when someone renamed the account meanwhile, and applies it again', async () => {
    const account = await createAccount('Conflict');
    const admin = await apiAs(DEMO_USERS.admin.email);
    const { context, page, errors } = await newSession(browser());
    await page.goto('/sign-in');
    await signIn(page, DEMO_USERS.admin.email);
    await heading(page, 'Users').waitFor();
    await page.goto(`/admin/users/${account.id}`);
    await heading(page, account.name).waitFor();

    // Renamed through the API by another admin while the page is open.
    const current = await admin.call<{ version: number; roles: string[] }>('GET', `/api/users/${account.id}`);
    const renamed = `${account.name} (renamed)`;
    await admin.call('PATCH', `/api/users/${account.id}`, {
      displayName: renamed,
      roles: current.roles,
      version: current.version,
    });

    // This admin adds the Manager role on the page as it was loaded.
    await page.getByRole('group', { name: 'Roles' }).getByLabel('Manager', { exact: true }).check();
    await page.getByRole('button', { name: 'Save changes' }).click();
    const notice = page.getByRole('group', { name: 'Someone else changed this account after you opened it' });
    await notice.getByRole('button', { name: 'Apply my change again' }).waitFor();
    expect(
      await notice
        .getByRole('table', { name: 'What changed' })
        .getByRole('row', { name: /Display name/ })
        .innerText(),
    ).toContain(renamed);
    // The untouched name follows the newer account; the role just ticked stays ticked.
    expect(await page.getByLabel('Display name', { exact: true }).inputValue()).toBe(renamed);
    expect(
      await page.getByRole('group', { name: 'Roles' }).getByLabel('Manager', { exact: true }).isChecked(),
    ).toBe(true);
    await expectNoSeriousA11yViolations(page, 'conflict notice on an account');

    await notice.getByRole('button', { name: 'Apply my change again' }).click();
    await page.getByText('Changes saved.').waitFor();
    await heading(page, renamed).waitFor();
    await page.getByRole('definition').filter({ hasText: 'Advocate, Manager' }).waitFor();
    const after = await admin.call<{ displayName: string; roles: string[] }>(
      'GET',
      `/api/users/${account.id}`,
    );
    expect(after.displayName).toBe(renamed);
    expect([...after.roles].sort()).toEqual(['ADVOCATE', 'MANAGER']);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps an advocate’s visit log when the visit was logged elsewhere meanwhile, and applies it again', async () => {
    // A one-off visit of Jordan's long ago on a ward of theirs, planned and never logged.
    const manager = await apiAs(DEMO_USERS.manager.email);
    const { items: wards } = await manager.call<{ items: { id: string; name: string }[] }>(
      'GET',
      '/api/wards',
    );
    const ward = wards.find((item) => item.name === 'Phoenix Ward');
    if (!ward) throw new Error('No Phoenix Ward in the demo data');
    const day = addDays(londonDate(), -40);
    const jordanId = await advocateId(manager, DEMO_USERS.advocate2.name);
    await manager.call('POST', '/api/visit-schedules', {
      wardId: ward.id,
      advocateId: jordanId,
      weekday: weekdayOf(day),
      startTime: '08:00',
      durationMinutes: 45,
      startsOn: day,
      endsOn: day,
    });
    const jordan = await apiAs(DEMO_USERS.advocate2.email);
    const { items: visits } = await jordan.call<{ items: { id: string; wardId: string; version: number }[] }>(
      'GET',
      `/api/visits?from=${day}&to=${day}&advocateId=${jordanId}`,
    );
    const visit = visits.find((item) => item.wardId === ward.id);
    if (!visit) throw new Error('The one-off visit was not planned');

    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.advocate2);
    await page.goto(`/visits/${visit.id}?date=${day}`);
    await heading(page, /Ward visit: Phoenix Ward/).waitFor();
    await page.getByLabel('The visit was held').check();
    await page.getByLabel('Patients seen', { exact: true }).fill('3');
    await page.getByLabel('Note (optional)').fill('Community meeting on the ward; posters renewed.');

    // Logged from another device as cancelled while this form was being filled in.
    await jordan.call('POST', `/api/visits/${visit.id}/log`, {
      status: 'CANCELLED',
      patientsSeen: 0,
      newReferrals: 0,
      minutesSpent: 0,
      reason: 'Ward closed to visitors',
      version: visit.version,
    });

    await page.getByRole('button', { name: 'Save the log' }).click();
    const notice = page.getByRole('group', { name: 'Someone else changed this visit after you opened it' });
    await notice.getByRole('button', { name: 'Apply my change again' }).waitFor();
    expect(await notice.innerText()).toContain('Logged as cancelled');
    expect(
      await notice
        .getByRole('table', { name: 'What changed' })
        .getByRole('row', { name: /Status/ })
        .innerText(),
    ).toMatch(/Status\s+Planned\s+Cancelled/);
    expect(await notice.innerText()).toContain('Ward closed to visitors');
    // The answers are as they were typed.
    expect(await page.getByLabel('The visit was held').isChecked()).toBe(true);
    expect(await page.getByLabel('Patients seen', { exact: true }).inputValue()).toBe('3');
    expect(await page.getByLabel('Note (optional)').inputValue()).toBe(
      'Community meeting on the ward; posters renewed.',
    );
    await expectNoSeriousA11yViolations(page, 'conflict notice on a visit log');

    await notice.getByRole('button', { name: 'Apply my change again' }).click();
    await page.getByText('Visit logged as held').waitFor();
    const logged = page.getByRole('region', { name: 'Held' });
    expect(await logged.innerText()).toContain('Community meeting on the ward; posters renewed.');
    expect(errors).toEqual([]);
    await context.close();
  });
});
