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

describe('signing in and out', () => {
  it.each(Object.entries(DEMO_USERS))(
    '%s sees exactly their navigation, and signs out',
    async (_key, user) => {
      const { context, page, errors } = await newSession(browser());
      await page.goto('/');
      await waitForPath(page, '/sign-in');
      if (user.email === DEMO_USERS.admin.email) await screenshot(page, 'sign-in');
      await signIn(page, user.email);

      await heading(page, user.home).waitFor();
      expect(await mainNav(page)).toEqual(user.nav);
      expect(await page.locator('header').innerText()).toContain(user.name);
      // Focus moves to the page heading after the route change.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

      // A reload keeps the person signed in: the access token is only in memory, the refresh cookie restores it.
      await page.reload();
      await heading(page, user.home).waitFor();
      expect(await mainNav(page)).toEqual(user.nav);
      expect(
        await page.evaluate(
          () => JSON.stringify(window.localStorage) + JSON.stringify(window.sessionStorage),
        ),
      ).toBe('{}{}');

      await page.getByRole('button', { name: 'Sign out' }).click();
      await waitForPath(page, '/sign-in');
      await heading(page, 'Sign in to Beacon').waitFor();
      await page.getByText('You have signed out.').waitFor();
      // The session is over on the server too: a reload does not bring it back.
      await page.reload();
      await heading(page, 'Sign in to Beacon').waitFor();
      expect(errors).toEqual([]);
      await context.close();
    },
  );

  it('says plainly when the email or password is wrong', async () => {
    const { context, page, errors } = await newSession(browser());
    await page.goto('/sign-in');
    await signIn(page, DEMO_USERS.advocate2.email, 'not-the-password');
    const alert = page.getByText('The email address or password is not right.');
    await alert.waitFor();
    expect(await page.locator('[aria-live]').filter({ has: alert }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Sign in' }).isEnabled()).toBe(true);
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('takes a signed-out visitor from a deep link to sign-in and back to the deep link', async () => {
    const { context, page, errors } = await newSession(browser());
    await page.goto('/admin/users?role=ADMIN');
    await waitForPath(page, '/sign-in');
    expect(new URL(page.url()).searchParams.get('next')).toBe('/admin/users?role=ADMIN');
    await signIn(page, DEMO_USERS.admin.email);
    await heading(page, 'Users').waitFor();
    const url = new URL(page.url());
    expect(url.pathname + url.search).toBe('/admin/users?role=ADMIN');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('tells an advocate calmly that the users page is not for their role', async () => {
    const { context, page, errors } = await newSession(browser());
    await page.goto('/sign-in');
    await signIn(page, DEMO_USERS.advocate.email);
    await heading(page, 'My caseload').waitFor();
    // Their own cases (the demo data may hold some), or a calm empty state.
    await page.locator('table, .empty-state').first().waitFor();

    await page.goto('/admin/users');
    await heading(page, 'Not available').waitFor();
    await page.getByText('This page is not available for your role.').waitFor();
    expect(await mainNav(page)).toEqual(DEMO_USERS.advocate.nav);

    await page.goto('/no/such/page');
    await heading(page, 'Page not found').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows a manager the triage queue, and keeps admin pages from them', async () => {
    const { context, page, errors } = await newSession(browser());
    await page.goto('/sign-in');
    await signIn(page, DEMO_USERS.manager.email);
    await heading(page, 'Referrals').waitFor();
    const tabs = page.getByRole('navigation', { name: 'Referral lists' });
    expect(await tabs.getByRole('link', { name: /Awaiting triage/ }).getAttribute('aria-current')).toBe(
      'page',
    );
    await tabs.getByRole('link', { name: /Awaiting allocation/ }).waitFor();
    await tabs.getByRole('link', { name: /All referrals/ }).waitFor();
    // The waiting referrals oldest first, or a calm empty state: never invented data.
    await page.locator('table, .empty-state').first().waitFor();
    await page.goto('/admin/audit');
    await page.getByText('This page is not available for your role.').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });
});
