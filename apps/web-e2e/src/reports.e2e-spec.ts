import { londonDate, periodLabel, presetPeriod } from '@beacon/domain';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { apiAs } from './support/api';
import { DEMO_USERS, heading, newSession, screenshot, signIn, useBrowser, waitForPath } from './support/app';

const browser = useBrowser();

interface Summary {
  totals: { received: number };
  byService: { key: string; label: string; count: number }[];
}

/** The financial year holding today, as the "This financial year" choice gives it. */
const year = () => presetPeriod('FINANCIAL_YEAR', londonDate());

async function openReports(page: Page) {
  await page.goto('/sign-in');
  await signIn(page, DEMO_USERS.manager.email);
  await heading(page, DEMO_USERS.manager.home).waitFor();
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Reports', exact: true })
    .click();
  await heading(page, 'Reports').waitFor();
}

async function showThisYear(page: Page) {
  await page.getByLabel('Period', { exact: true }).selectOption({ label: 'This financial year' });
  await page.getByRole('button', { name: 'Show', exact: true }).click();
  const { from, to } = year();
  await page.waitForURL((url) => url.searchParams.get('from') === from && url.searchParams.get('to') === to);
  await page.getByRole('heading', { level: 2, name: periodLabel(year()), exact: true }).waitFor();
  await page.locator('.report-figures').waitFor();
}

describe('reports', () => {
  it('shows a manager the year’s figures, and a bar opens exactly the referrals it counts', async () => {
    const manager = await apiAs(DEMO_USERS.manager.email);
    const { from, to } = year();
    const { context, page, errors } = await newSession(browser());
    await openReports(page);
    await showThisYear(page);

    // The headline figure is the API's count (the demo referrals and any made by other specs).
    const api = await manager.call<Summary>('GET', `/api/reports/summary?from=${from}&to=${to}`);
    expect(api.totals.received).toBeGreaterThan(0);
    const received = page.locator('.report-figure').filter({ hasText: 'Referrals received' });
    expect(await received.locator('dd').innerText()).toBe(api.totals.received.toLocaleString('en-GB'));

    // The service chart: one link per bar, named with its count; the chart library came lazily.
    const chart = page.getByRole('group', { name: 'Referrals by service: each bar opens its referrals' });
    const imha = api.byService.find((s) => s.key === 'IMHA');
    if (!imha || imha.count === 0) throw new Error('The demo data has IMHA referrals this year');
    const bar = chart.getByRole('link', {
      name: `${imha.label}: ${imha.count} ${imha.count === 1 ? 'referral' : 'referrals'}. Show them`,
    });
    await bar.waitFor();
    await screenshot(page, 'reports');

    // The table beside the chart holds the same figures.
    await page.getByText('Referrals by service as a table', { exact: true }).click();
    const row = page
      .getByRole('table', { name: 'Referrals by service' })
      .getByRole('row', { name: new RegExp(`^${imha.label}`) });
    expect(await row.getByRole('cell').first().innerText()).toBe(String(imha.count));

    // Drill down: the Referrals page, filtered from the address, lists that many.
    await bar.click();
    await waitForPath(page, '/referrals');
    const url = new URL(page.url());
    expect(Object.fromEntries(url.searchParams)).toEqual({
      view: 'all',
      receivedFrom: from,
      receivedTo: to,
      serviceType: 'IMHA',
    });
    await heading(page, 'Referrals').waitFor();
    await page
      .getByRole('group', { name: 'From a report:' })
      .getByText(/^Received /)
      .waitFor();
    expect(await page.getByLabel('Service', { exact: true }).inputValue()).toBe('IMHA');
    const count = page.locator('.result-count');
    await count.waitFor();
    expect(await count.innerText()).toBe(
      imha.count > 50
        ? '50 referrals shown, more to load'
        : `${imha.count} ${imha.count === 1 ? 'referral' : 'referrals'} match`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });

  it('prints the commissioners’ report without the navigation, the period in its title', async () => {
    const { context, page, errors } = await newSession(browser());
    await openReports(page);
    await showThisYear(page);
    await page.getByRole('link', { name: 'Commissioners’ report' }).click();
    const title = `Commissioners’ report: ${periodLabel(year())}`;
    await heading(page, title).waitFor();
    await page.locator('.report-figures').waitFor();
    expect(await page.title()).toBe(`${title} – Beacon`);
    // On paper: the tables are open beside the charts, and nothing links away.
    expect(await page.locator('details.report-table[open]').count()).toBeGreaterThan(5);
    expect(await page.locator('.report-body a').count()).toBe(0);
    await screenshot(page, 'report-print');

    await page.emulateMedia({ media: 'print' });
    expect(await page.getByRole('navigation', { name: 'Main' }).isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Print', exact: true }).isVisible()).toBe(false);
    expect(await heading(page, title).isVisible()).toBe(true);
    expect(await page.getByRole('table', { name: 'Waiting for first contact, by service' }).isVisible()).toBe(
      true,
    );
    const pdf = await page.pdf({ format: 'A4', printBackground: false });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the figures as CSV named after the period, and refuses a backwards period by name', async () => {
    const { context, page, errors } = await newSession(browser());
    await openReports(page);
    await showThisYear(page);
    const { from, to } = year();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`beacon-report-${from}-to-${to}.csv`);
    const text = readFileSync((await download.path()) as string, 'utf8');
    expect(text.replace(/^\ufeff/, '').split('\r\n')[0]).toBe('section,key,label,measure,value');
    expect(text).toContain(`period,from,First day (inclusive),date,${from}`);
    await page.getByText(`Downloaded beacon-report-${from}-to-${to}.csv.`).waitFor();

    // Custom dates, the wrong way round: the field is named, nothing is fetched.
    await page.getByLabel('Period', { exact: true }).selectOption({ label: 'Choose dates' });
    await page.getByLabel('From', { exact: true }).fill('2026-05-02');
    await page.getByLabel('To (inclusive)', { exact: true }).fill('2026-05-01');
    await page.getByRole('button', { name: 'Show', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.getByRole('link', { name: 'The last day must be on or after the first day' }).waitFor();
    expect(new URL(page.url()).searchParams.get('to')).toBe(to);

    // Managers read the waiting-time targets; only admins change them.
    const targets = page.getByRole('region', { name: 'Waiting-time targets' });
    await targets.getByText(/^IMHA — Independent Mental Health Advocacy: \d+ days?$/).waitFor();
    expect(await targets.getByRole('button', { name: 'Save targets' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
