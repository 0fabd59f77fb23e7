import { addDays, londonDate } from '@beacon/domain';
import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

/** The summary cache as deployed (REPORT_CACHE_SECONDS 60): one computation per period a minute. */
let t: TestApp;
let manager: Session;
let admin: Session;
const today = londonDate();
const month = { from: addDays(today, -30), to: today };

beforeAll(async () => {
  t = await startTestApp({ REPORT_CACHE_SECONDS: '60' });
  manager = await t.login((await t.createUser(['MANAGER'])).email);
  admin = await t.login((await t.createUser(['ADMIN'])).email);
});
afterAll(() => t.close());

const summary = (period: { from: string; to: string }) =>
  t.request('GET', `/api/reports/summary?from=${period.from}&to=${period.to}`, { token: manager.token });
const summaryReads = async () =>
  Number(
    (await t.dataSource.query(`SELECT count(*) AS n FROM audit_events WHERE action = 'report.summary'`))[0].n,
  );

describe('the report summary cache', () => {
  it('computes a period once for requests that arrive together, and audits every read', async () => {
    await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const readsBefore = await summaryReads();
    const answers = await Promise.all(Array.from({ length: 5 }, () => summary(month)));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.body.generatedAt)).size).toBe(1);
    expect(answers[0].body.totals.received).toBe(1);
    expect(await summaryReads()).toBe(readsBefore + 5);
  });

  it('answers the same figures within the minute, says when they were computed, and recomputes after a target changes', async () => {
    const first = await summary(month);
    await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const again = await summary(month);
    expect(again.body.generatedAt).toBe(first.body.generatedAt);
    expect(again.body.totals.received).toBe(first.body.totals.received);

    // Another period is its own computation, with the new referral in it.
    const week = await summary({ from: addDays(today, -6), to: today });
    expect(week.body.totals.received).toBe(first.body.totals.received + 1);

    const targets = await t.request('GET', '/api/reports/targets', { token: admin.token });
    const imha = targets.body.items.find((x: { serviceType: string }) => x.serviceType === 'IMHA');
    const changed = await t.request('PATCH', '/api/reports/targets/IMHA', {
      token: admin.token,
      body: { targetDays: imha.targetDays + 1, version: imha.version },
    });
    expect(changed.status).toBe(200);
    const fresh = await summary(month);
    expect(Date.parse(fresh.body.generatedAt)).toBeGreaterThan(Date.parse(first.body.generatedAt));
    expect(fresh.body.totals.received).toBe(first.body.totals.received + 1);
  });
});
