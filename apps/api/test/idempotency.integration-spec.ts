import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

let t: TestApp;
let manager: Session;
let other: Session;

beforeAll(async () => {
  t = await startTestApp();
  const [m, o] = await Promise.all([t.createUser(['MANAGER']), t.createUser(['MANAGER'])]);
  [manager, other] = await Promise.all([t.login(m.email), t.login(o.email)]);
});
afterAll(() => t.close());

const post = (path: string, body: unknown, key?: string, token = manager.token) =>
  t.request('POST', path, { token, body, headers: key ? { 'idempotency-key': key } : {} });
const referralCount = async () =>
  (await t.dataSource.query('SELECT count(*)::int AS n FROM referrals'))[0].n as number;

describe('Idempotency-Key on creates', () => {
  it('replays the first answer instead of creating a duplicate', async () => {
    const body = imhaReferral();
    const first = await post('/api/referrals', body, 'key-replay-1');
    expect(first.status).toBe(201);
    const before = await referralCount();
    const second = await post('/api/referrals', body, 'key-replay-1');
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.reference).toBe(first.body.reference);
    expect(await referralCount()).toBe(before);
  });

  it('answers 422 when the same key comes with a different request, and creates nothing', async () => {
    await post('/api/referrals', imhaReferral(), 'key-reused-1');
    const before = await referralCount();
    const answer = await post('/api/referrals', imhaReferral(), 'key-reused-1');
    expect(answer.status).toBe(422);
    expect(answer.body.type).toBe('urn:beacon:problem:idempotency-key-reused');
    expect(await referralCount()).toBe(before);
  });

  it('keeps keys per user, and a failed first request does not hold the key', async () => {
    const body = imhaReferral();
    const mine = await post('/api/referrals', body, 'shared-key');
    const theirs = await post('/api/referrals', body, 'shared-key', other.token);
    expect(theirs.status).toBe(201);
    expect(theirs.body.id).not.toBe(mine.body.id);
    const bad = await post('/api/referrals', { ...imhaReferral(), facts: {} }, 'retry-after-400');
    expect(bad.status).toBe(400);
    const fixed = await post('/api/referrals', { ...imhaReferral(), facts: {} }, 'retry-after-400');
    expect(fixed.status).toBe(400);
    const good = await post('/api/referrals', imhaReferral(), 'retry-after-400');
    expect(good.status).toBe(201);
  });

  it('lets one of several simultaneous retries create; the others replay it or are asked to retry', async () => {
    const body = imhaReferral();
    const before = await referralCount();
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post('/api/referrals', body, 'key-race-1')),
    );
    expect(await referralCount()).toBe(before + 1);
    for (const a of answers) expect([201, 409]).toContain(a.status);
    const created = answers.filter((a) => a.status === 201);
    expect(new Set(created.map((a) => a.body.id)).size).toBe(1);
  });

  it('works for notes too, and refuses a malformed key', async () => {
    const referral = await post('/api/referrals', imhaReferral());
    const note = { body: 'Called the ward.', kind: 'ADMIN' };
    const a = await post(`/api/referrals/${referral.body.id}/notes`, note, 'note-key-1');
    const b = await post(`/api/referrals/${referral.body.id}/notes`, note, 'note-key-1');
    expect(b.body.id).toBe(a.body.id);
    const notes = await t.request('GET', `/api/referrals/${referral.body.id}/notes`, {
      token: manager.token,
    });
    expect(notes.body.items).toHaveLength(1);
    const bad = await post(`/api/referrals/${referral.body.id}/notes`, note, 'has spaces in it');
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'Idempotency-Key', message: 'must be 1–255 visible ASCII characters' },
    ]);
  });
});
