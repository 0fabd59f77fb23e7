import type { Locator, Page } from 'playwright-core';
import { apiAs } from './support/api';
import { DEMO_USERS, heading, useBrowser, newSession, screenshot, signIn, waitForPath } from './support/app';

const browser = useBrowser();

async function signInAs(page: Page, user: (typeof DEMO_USERS)[keyof typeof DEMO_USERS]) {
  await page.goto('/sign-in');
  await signIn(page, user.email);
  await heading(page, user.home).waitFor();
}

const REFERRAL_PATH = /^\/referrals\/[0-9a-f-]{36}$/;

/** The open search dialog and its parts. */
function searchDialog(page: Page) {
  const dialog = page.getByRole('dialog', { name: 'Search' });
  return {
    dialog,
    combobox: dialog.getByRole('combobox', { name: 'Find a referral or person' }),
    status: dialog.getByRole('status'),
    referrals: dialog.getByRole('group', { name: 'Referrals' }).getByRole('option'),
    people: dialog.getByRole('group', { name: 'People' }).getByRole('option'),
  };
}

/** Opens search with Ctrl+K; the combobox has focus. */
async function openWithShortcut(page: Page) {
  await page.keyboard.press('Control+k');
  const search = searchDialog(page);
  await search.dialog.waitFor();
  await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
  return search;
}

async function activeOptionId(combobox: Locator): Promise<string | null> {
  return combobox.getAttribute('aria-activedescendant');
}

/** Demo referrals (apps/api/src/seed/demo-referrals.ts), found through the API as the manager. */
async function demoReferral(name: string): Promise<{ id: string; reference: string }> {
  const manager = await apiAs(DEMO_USERS.manager.email);
  const { items } = await manager.call<{ items: { id: string; reference: string }[] }>(
    'GET',
    `/api/referrals?q=${encodeURIComponent(name)}&limit=5`,
  );
  if (items.length !== 1) throw new Error(`Expected one demo referral for ${name}, found ${items.length}`);
  return items[0];
}

describe('global search', () => {
  it('finds a referral by name with Ctrl+K and the arrow keys, and one by its exact reference', async () => {
    const sophie = await demoReferral('Sophie Marsh');
    const daniel = await demoReferral('Daniel Kowalski');
    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.manager);
    const button = page.getByRole('button', { name: 'Search', exact: true });
    expect(await button.innerText()).toMatch(/Search\s*Ctrl K/);
    expect(await button.getAttribute('aria-keyshortcuts')).toContain('Control+K');

    // Ctrl+K opens the dialog with the combobox focused; under two characters it says so.
    let search = await openWithShortcut(page);
    expect(await search.combobox.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.type('M');
    await search.status.getByText('Type at least 2 characters to search.').waitFor();

    // Several results, grouped: a picture of the dialog.
    await page.keyboard.type('ar');
    await search.status.getByText(/referrals? and \d+ (person|people) found/).waitFor();
    await screenshot(page, 'global-search', { fullPage: false });

    // Part of one demo client's name: her referral, then her as a person.
    await search.combobox.fill('');
    await page.keyboard.type('Sophie Mar');
    await search.status.getByText('1 referral and 1 person found').waitFor();
    expect(await search.referrals.count()).toBe(1);
    expect(await search.referrals.first().innerText()).toContain(sophie.reference);
    const referralOption = search.referrals.first();
    const text = await referralOption.innerText();
    expect(text).toContain('Sophie Marsh');
    expect(text).toContain('Care Act');
    expect(text).toContain('Awaiting allocation');
    expect(await search.people.first().innerText()).toContain('Born 29 Aug 1966');
    expect(await search.combobox.getAttribute('aria-expanded')).toBe('true');
    expect(await search.combobox.getAttribute('aria-controls')).toBe(
      await search.dialog.getByRole('listbox').getAttribute('id'),
    );

    // The first result is active; the arrow keys move (and wrap), Enter opens.
    const referralId = await referralOption.getAttribute('id');
    const personId = await search.people.first().getAttribute('id');
    expect(await activeOptionId(search.combobox)).toBe(referralId);
    expect(await referralOption.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('ArrowDown');
    expect(await activeOptionId(search.combobox)).toBe(personId);
    expect(await search.people.first().getAttribute('aria-selected')).toBe('true');
    expect(await referralOption.getAttribute('aria-selected')).toBe('false');
    await page.keyboard.press('ArrowDown');
    expect(await activeOptionId(search.combobox)).toBe(referralId);
    await page.keyboard.press('ArrowUp');
    expect(await activeOptionId(search.combobox)).toBe(personId);
    await page.keyboard.press('ArrowUp');
    expect(await activeOptionId(search.combobox)).toBe(referralId);
    await page.keyboard.press('Enter');
    await waitForPath(page, `/referrals/${sophie.id}`);
    await heading(page, new RegExp(`${sophie.reference}.*Sophie Marsh`)).waitFor();
    expect(await search.dialog.count()).toBe(0);

    // A person's result opens their referral too.
    await page.getByRole('link', { name: 'Referrals', exact: true }).click();
    await heading(page, 'Referrals').waitFor();
    search = await openWithShortcut(page);
    await page.keyboard.type('sophie marsh');
    await search.status.getByText('1 referral and 1 person found').waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await activeOptionId(search.combobox)).toBe(await search.people.first().getAttribute('id'));
    await page.keyboard.press('Enter');
    await waitForPath(page, `/referrals/${sophie.id}`);

    // An exact reference (typed in lower case) puts that referral first; "/" opens search too.
    await heading(page, new RegExp(sophie.reference)).waitFor();
    await page.keyboard.press('/');
    search = searchDialog(page);
    await search.dialog.waitFor();
    await page.keyboard.type(daniel.reference.toLowerCase());
    await search.status.getByText('1 referral and 1 person found').waitFor();
    expect(await search.referrals.first().innerText()).toContain(daniel.reference);
    expect(await search.referrals.first().innerText()).toContain('Daniel Kowalski');
    expect(await search.referrals.first().getAttribute('aria-selected')).toBe('true');
    expect(await search.people.first().innerText()).toContain('Daniel Kowalski');
    await page.keyboard.press('Enter');
    await waitForPath(page, `/referrals/${daniel.id}`);
    await heading(page, new RegExp(`${daniel.reference}.*Daniel Kowalski`)).waitFor();

    // Nothing found says so; Escape closes and gives focus back to the Search button.
    search = await openWithShortcut(page);
    await page.keyboard.type('Zzyzx Qwv');
    await search.status.getByText('No referrals or people match “Zzyzx Qwv”.').waitFor();
    expect(await search.combobox.getAttribute('aria-expanded')).toBe('false');
    await page.keyboard.press('Escape');
    await search.dialog.waitFor({ state: 'detached' });
    expect(await button.evaluate((element) => element === document.activeElement)).toBe(true);

    // "/" typed in a text field is a character, not the shortcut.
    await page.goto('/referrals?view=all');
    const field = page.getByRole('search', { name: 'Filter referrals' }).getByLabel('Search');
    await field.click();
    await page.keyboard.type('a/b');
    expect(await field.inputValue()).toBe('a/b');
    expect(await search.dialog.count()).toBe(0);

    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens the Referrals list, searched by name, for a person with no referral', async () => {
    const manager = await apiAs(DEMO_USERS.manager.email);
    const lastName = `Vesper${Date.now().toString(36)}`;
    const name = `Noor ${lastName}`;
    await manager.call('POST', '/api/clients', { firstName: 'Noor', lastName, localAuthority: 'RUTLAND' });

    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.manager);
    const search = await openWithShortcut(page);
    await page.keyboard.type(lastName);
    await search.status.getByText('1 person found').waitFor();
    const option = search.people.first();
    expect(await option.innerText()).toContain(name);
    expect(await option.innerText()).toContain('Date of birth not recorded');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/referrals' && url.searchParams.get('q') === name);
    // The address's search opens "All referrals", its search box holding the name. The page is
    // fetched when first opened, so wait for it to show its answer before reading it.
    await page.getByText('No referrals match these filters.').waitFor();
    await page.locator('a[aria-current="page"]', { hasText: 'All referrals' }).waitFor();
    const field = page.getByRole('search', { name: 'Filter referrals' }).getByLabel('Search');
    expect(await field.inputValue()).toBe(name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('finds only an advocate’s own cases', async () => {
    // Rosa Fernandes is Jordan Reid's case; Peter Dawson is Sam Taylor's.
    const manager = await apiAs(DEMO_USERS.manager.email);
    const rosa = await manager.call<{ items: unknown[] }>('GET', '/api/clients?q=Rosa%20Fernandes');
    expect(rosa.items.length).toBeGreaterThan(0);
    const peter = await demoReferral('Peter Dawson');

    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.advocate);
    const search = await openWithShortcut(page);
    await page.keyboard.type('Rosa Fernandes');
    await search.status.getByText('No referrals or people match “Rosa Fernandes”.').waitFor();
    expect(await search.dialog.getByRole('option').count()).toBe(0);

    await search.combobox.fill('');
    await page.keyboard.type('Peter Daw');
    await search.status.getByText('1 referral and 1 person found').waitFor();
    expect(await search.referrals.first().innerText()).toContain(peter.reference);
    expect(await search.referrals.first().innerText()).toContain('Peter Dawson');
    await page.keyboard.press('Enter');
    await waitForPath(page, REFERRAL_PATH);
    expect(new URL(page.url()).pathname).toBe(`/referrals/${peter.id}`);
    await heading(page, new RegExp(`${peter.reference}.*Peter Dawson`)).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is not offered to an admin who does no casework', async () => {
    const { context, page, errors } = await newSession(browser());
    await signInAs(page, DEMO_USERS.admin);
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await page.getByRole('button', { name: 'Search', exact: true }).count()).toBe(0);
    await page.keyboard.press('Control+k');
    await page.keyboard.press('/');
    await page.waitForTimeout(300);
    expect(await page.getByRole('dialog', { name: 'Search' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
