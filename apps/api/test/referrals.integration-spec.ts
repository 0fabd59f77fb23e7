import { communityReferral, imhaReferral, newClient } from './helpers/referral-fixtures';
import { startTestApp, type HttpAnswer, type Session, type TestApp, type TestUser } from './helpers/test-app';

let t: TestApp;
let manager: Session;
let admin: Session;
let sam: TestUser;
let samSession: Session;
let jordan: TestUser;
let jordanSession: Session;

beforeAll(async () => {
  t = await startTestApp();
  const [m, a, s, j] = await Promise.all([
    t.createUser(['MANAGER']),
    t.createUser(['ADMIN']),
    t.createUser(['ADVOCATE'], { displayName: 'Sam Taylor' }),
    t.createUser(['ADVOCATE'], { displayName: 'Jordan Reid' }),
  ]);
  sam = s;
  jordan = j;
  [manager, admin, samSession, jordanSession] = await Promise.all([
    t.login(m.email),
    t.login(a.email),
    t.login(s.email),
    t.login(j.email),
  ]);
});
afterAll(() => t.close());

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

async function create(body: unknown, token = manager.token) {
  const answer = await t.request('POST', '/api/referrals', { token, body });
  if (answer.status !== 201) throw new Error(`create failed: ${answer.status} ${answer.text}`);
  return answer.body;
}

async function act(id: string, step: string, body: Record<string, unknown>, token = manager.token) {
  return t.request('POST', `/api/referrals/${id}/${step}`, { token, body });
}

/** A referral taken by the manager, accepted and allocated to `advocate`. */
async function allocatedTo(advocate: TestUser, body: unknown = imhaReferral()) {
  const created = await create(body);
  const accepted = await act(created.id, 'triage', { decision: 'ACCEPT', version: created.version });
  const allocated = await act(created.id, 'allocate', {
    advocateId: advocate.id,
    version: accepted.body.version,
  });
  expect(allocated.status).toBe(200);
  return allocated.body;
}

const auditRows = (entityId: string) =>
  t.dataSource.query(`SELECT action, actor_id FROM audit_events WHERE entity_id = $1 ORDER BY seq`, [
    entityId,
  ]) as Promise<{ action: string; actor_id: string }[]>;

describe('POST /api/referrals (intake)', () => {
  it('stores the referral with its reference, facts, eligibility, scope, dates and history', async () => {
    const received = new Date(Date.now() - 3_600_000).toISOString();
    const body = await create(
      imhaReferral({ issues: ['TREATMENT', 'BENEFITS'], receivedAt: received, priority: 'URGENT' }),
    );
    expect(body.reference).toMatch(/^REF-\d{4}-\d{6}$/);
    expect(body.status).toBe('RECEIVED');
    expect(body.eligibility.eligible).toBe(true);
    expect(body.eligibility.reasons.length).toBeGreaterThan(0);
    expect(body.scope).toEqual({ inScope: ['TREATMENT'], outOfScope: ['BENEFITS'] });
    expect(body.facts).toMatchObject({
      legalStatus: 'S3',
      dateOfBirth: '1980-05-17',
      localAuthority: 'LEICESTER',
    });
    expect(body.receivedAt).toBe(received);
    expect(body.firstContactAt).toBeNull();
    expect(body.allocatedAdvocateId).toBeNull();
    expect(body.dueDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.version).toBe(1);
    expect(body.history).toHaveLength(1);
    expect(body.history[0]).toMatchObject({ action: 'RECEIVED', toStatus: 'RECEIVED' });
    expect(body.nextActions).toEqual(['TRIAGE_ACCEPT', 'TRIAGE_DECLINE']);
    const actions = (await auditRows(body.id)).map((r) => r.action);
    expect(actions).toEqual(['referral.create']);
  });

  it('numbers references one after another', async () => {
    const a = await create(communityReferral());
    const b = await create(communityReferral());
    const number = (ref: string) => Number(ref.slice(-6));
    expect(number(b.reference)).toBe(number(a.reference) + 1);
  });

  it('records an ineligible referral with the reasons, to be declined', async () => {
    const body = await create(imhaReferral({ facts: { legalStatus: 'S136' } }));
    expect(body.eligibility.eligible).toBe(false);
    expect(body.eligibility.reasons.join(' ')).toMatch(/136/);
    expect(body.nextActions).toEqual(['TRIAGE_DECLINE']);
  });

  it('lets an advocate take a referral on a ward, and see it afterwards', async () => {
    const body = await create(imhaReferral({ source: 'WARD_VISIT' }), samSession.token);
    expect(body.createdBy).toEqual({ id: sam.id, displayName: 'Sam Taylor' });
    expect((await t.request('GET', `/api/referrals/${body.id}`, { token: samSession.token })).status).toBe(
      200,
    );
  });

  it('answers 400 with every bad field named, and stores nothing', async () => {
    const [{ count: before }] = await t.dataSource.query('SELECT count(*)::int AS count FROM referrals');
    const answer = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: {
        serviceType: 'IMHA',
        facts: { legalStatus: 'S3' },
        client: { firstName: '', lastName: 'X', localAuthority: 'MARS', nhsNumber: '1234567890' },
        source: 'PROFESSIONAL',
        issues: ['TREATMENT', 'SHOPPING'],
        colour: 'blue',
      },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual([
      'client.firstName',
      'client.localAuthority',
      'client.nhsNumber',
      'colour',
      'issues',
    ]);
    const [{ count: after }] = await t.dataSource.query('SELECT count(*)::int AS count FROM referrals');
    expect(after).toBe(before);
  });

  it('requires a referrer unless self-referred, and exactly one of client and clientId', async () => {
    const noReferrer = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: imhaReferral({ referrer: undefined }),
    });
    expect(noReferrer.status).toBe(400);
    expect(fieldsOf(noReferrer.body)).toEqual(['referrer']);
    const both = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: imhaReferral({ clientId: '00000000-0000-4000-8000-000000000000' }),
    });
    expect(fieldsOf(both.body)).toEqual(['client']);
  });

  it('answers 400 naming the facts the service needs', async () => {
    const answer = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: imhaReferral({ facts: {} }),
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['facts.legalStatus']);
    const [{ count }] = await t.dataSource.query(
      `SELECT count(*)::int AS count FROM clients WHERE last_name = 'nobody-should-exist'`,
    );
    expect(count).toBe(0);
  });

  it('does not create the new client when the referral is refused', async () => {
    const client = newClient();
    const answer = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: imhaReferral({ client, facts: {} }),
    });
    expect(answer.status).toBe(400);
    const rows = await t.dataSource.query('SELECT id FROM clients WHERE last_name = $1', [client.lastName]);
    expect(rows).toHaveLength(0);
  });

  it('refuses a client the advocate may not see as if it did not exist', async () => {
    const other = await create(communityReferral(), jordanSession.token);
    const answer = await t.request('POST', '/api/referrals', {
      token: samSession.token,
      body: communityReferral({ client: undefined, clientId: other.clientId }),
    });
    expect(answer.status).toBe(400);
    expect(answer.body.errors).toEqual([{ field: 'clientId', message: 'is not a client you can see' }]);
  });

  it('refuses a receivedAt in the future', async () => {
    const answer = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: imhaReferral({ receivedAt: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['receivedAt']);
  });

  it('is not for admins', async () => {
    expect(
      (await t.request('POST', '/api/referrals', { token: admin.token, body: imhaReferral() })).status,
    ).toBe(403);
  });
});

describe('GET /api/referrals/:id — ownership', () => {
  it('shows a referral to its allocated advocate, managers and admins; 404 to other advocates', async () => {
    const referral = await allocatedTo(sam);
    for (const token of [samSession.token, manager.token, admin.token]) {
      // An admin gives a reason to open case content (break glass).
      const headers: Record<string, string> =
        token === admin.token ? { 'x-access-reason': 'Checking the record for a complaint' } : {};
      expect((await t.request('GET', `/api/referrals/${referral.id}`, { token, headers })).status).toBe(200);
    }
    const hidden = await t.request('GET', `/api/referrals/${referral.id}`, { token: jordanSession.token });
    expect(hidden.status).toBe(404);
    const missing = await t.request('GET', `/api/referrals/00000000-0000-4000-8000-000000000000`, {
      token: jordanSession.token,
    });
    expect(hidden.body).toEqual({
      ...missing.body,
      instance: hidden.body.instance,
      requestId: hidden.body.requestId,
    });
  });

  it('answers 404 to a non-allocated advocate for every action too', async () => {
    const referral = await allocatedTo(sam);
    const bodies: Record<string, Record<string, unknown>> = {
      'first-contact': { version: referral.version },
      close: { version: referral.version, outcome: 'ISSUES_RESOLVED', reason: 'x' },
    };
    for (const [step, body] of Object.entries(bodies)) {
      const answer = await act(referral.id, step, body, jordanSession.token);
      expect(answer.status).toBe(404);
    }
  });

  it('audits every read, with the reader', async () => {
    const referral = await allocatedTo(sam);
    await t.request('GET', `/api/referrals/${referral.id}`, {
      token: admin.token,
      headers: { 'x-access-reason': 'Checking the record for a complaint' },
    });
    const rows = await auditRows(referral.id);
    expect(rows.map((r) => r.action)).toEqual([
      'referral.create',
      'referral.triage-accept',
      'referral.allocate',
      'referral.read',
    ]);
    expect(rows[3].actor_id).toBe(
      (await t.dataSource.query("SELECT id FROM users WHERE roles = ARRAY['ADMIN']"))[0].id,
    );
  });

  it('answers 400 for an id that is not a UUID', async () => {
    const answer = await t.request('GET', '/api/referrals/123', { token: manager.token });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['id']);
  });
});

describe('triage', () => {
  it('accepts an eligible referral into the allocation queue', async () => {
    const created = await create(imhaReferral());
    const answer = await act(created.id, 'triage', { decision: 'ACCEPT', version: 1, priority: 'URGENT' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ status: 'AWAITING_ALLOCATION', priority: 'URGENT', version: 2 });
    expect(answer.body.history.map((h: { action: string }) => h.action)).toEqual([
      'RECEIVED',
      'TRIAGE_ACCEPT',
    ]);
  });

  it('refuses to accept an ineligible referral (422) and changes nothing', async () => {
    const created = await create(imhaReferral({ facts: { legalStatus: 'S4' } }));
    const answer = await act(created.id, 'triage', { decision: 'ACCEPT', version: 1 });
    expect(answer.status).toBe(422);
    expect(answer.body.type).toBe('urn:beacon:problem:not-eligible');
    const after = await t.request('GET', `/api/referrals/${created.id}`, { token: manager.token });
    expect(after.body).toMatchObject({ status: 'RECEIVED', version: 1 });
  });

  it('refuses to accept a referral with only out-of-scope issues (422)', async () => {
    const created = await create(communityReferral({ issues: ['HOUSING', 'DEBT'] }));
    const answer = await act(created.id, 'triage', { decision: 'ACCEPT', version: 1 });
    expect(answer.status).toBe(422);
    expect(answer.body.type).toBe('urn:beacon:problem:no-in-scope-issues');
  });

  it('declines with a reason and signposting from the directory and free text', async () => {
    const created = await create(communityReferral({ issues: ['BENEFITS'] }));
    const directory = await t.request('GET', '/api/signposting-services', { token: manager.token });
    const citizensAdvice = directory.body.items.find((s: { key: string }) => s.key === 'CITIZENS_ADVICE');
    expect(citizensAdvice).toBeDefined();
    const answer = await act(created.id, 'triage', {
      decision: 'DECLINE',
      reason: 'Only a benefits question: outside our contracts.',
      signposting: [
        { serviceId: citizensAdvice.id, note: 'PIP appeal' },
        { name: 'Local welfare rights team' },
      ],
      version: 1,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      status: 'DECLINED',
      declineReason: 'Only a benefits question: outside our contracts.',
      nextActions: [],
    });
    expect(
      answer.body.signposting.map((s: { name: string; note: string | null }) => [s.name, s.note]),
    ).toEqual([
      [citizensAdvice.name, 'PIP appeal'],
      ['Local welfare rights team', null],
    ]);
    expect(answer.body.history[1]).toMatchObject({
      action: 'TRIAGE_DECLINE',
      fromStatus: 'RECEIVED',
      toStatus: 'DECLINED',
      reason: 'Only a benefits question: outside our contracts.',
    });
  });

  it('needs a reason to decline, and signposting when issues are out of scope', async () => {
    const created = await create(communityReferral({ issues: ['HOUSING'] }));
    const answer = await act(created.id, 'triage', { decision: 'DECLINE', version: 1 });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['reason', 'signposting']);
  });

  it('names a signposting entry that does not exist', async () => {
    const created = await create(communityReferral({ issues: ['HOUSING'] }));
    const answer = await act(created.id, 'triage', {
      decision: 'DECLINE',
      reason: 'Housing only',
      signposting: [{ serviceId: '00000000-0000-4000-8000-000000000000' }, {}],
      version: 1,
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['signposting[0].serviceId', 'signposting[1]']);
    const after = await t.request('GET', `/api/referrals/${created.id}`, { token: manager.token });
    expect(after.body.status).toBe('RECEIVED');
  });

  it('answers 409 for a stale version and for a second triage', async () => {
    const created = await create(imhaReferral());
    expect((await act(created.id, 'triage', { decision: 'ACCEPT', version: 1 })).status).toBe(200);
    const stale = await act(created.id, 'triage', { decision: 'ACCEPT', version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body.type).toBe('urn:beacon:problem:stale-version');
    const again = await act(created.id, 'triage', { decision: 'ACCEPT', version: 2 });
    expect(again.status).toBe(409);
    expect(again.body.type).toBe('urn:beacon:problem:illegal-transition');
  });

  it('is for managers only', async () => {
    const created = await create(imhaReferral({ source: 'WARD_VISIT' }), samSession.token);
    const answer = await act(created.id, 'triage', { decision: 'ACCEPT', version: 1 }, samSession.token);
    expect(answer.status).toBe(403);
  });

  it('lets only one of two simultaneous decisions win', async () => {
    const created = await create(imhaReferral());
    const answers = await Promise.all([
      act(created.id, 'triage', { decision: 'ACCEPT', version: 1 }),
      act(created.id, 'triage', { decision: 'DECLINE', reason: 'duplicate', version: 1 }),
    ]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const events = await t.dataSource.query('SELECT action FROM referral_events WHERE referral_id = $1', [
      created.id,
    ]);
    expect(events).toHaveLength(2);
  });
});

describe('allocation, first contact and closure', () => {
  it('allocates, re-allocates with a reason, and keeps who, when and why', async () => {
    const referral = await allocatedTo(sam);
    expect(referral).toMatchObject({
      status: 'ALLOCATED',
      allocatedAdvocateId: sam.id,
      allocatedAdvocate: { id: sam.id, displayName: 'Sam Taylor' },
    });
    const moved = await act(referral.id, 'allocate', {
      advocateId: jordan.id,
      reason: 'Sam is on leave',
      version: referral.version,
    });
    expect(moved.status).toBe(200);
    expect(moved.body.status).toBe('ALLOCATED');
    const last = moved.body.history.at(-1);
    expect(last).toMatchObject({
      action: 'ALLOCATE',
      reason: 'Sam is on leave',
      advocate: { id: jordan.id, displayName: 'Jordan Reid' },
    });
    expect(Date.parse(last.at)).not.toBeNaN();
    // Sam no longer sees it; Jordan does.
    expect(
      (await t.request('GET', `/api/referrals/${referral.id}`, { token: samSession.token })).status,
    ).toBe(404);
    expect(
      (await t.request('GET', `/api/referrals/${referral.id}`, { token: jordanSession.token })).status,
    ).toBe(200);
  });

  it('reads the history in order with every name, whatever an entry’s details hold', async () => {
    const referral = await allocatedTo(sam);
    // An entry written by hand with details the code never writes: an advocateId that is no UUID.
    await t.dataSource.query(
      `INSERT INTO referral_events (referral_id, action, from_status, to_status, actor_id, at, reason, details)
       VALUES ($1, 'ALLOCATE', 'ALLOCATED', 'ALLOCATED', $2, now() + interval '1 second', 'Hand-written', $3)`,
      [referral.id, jordan.id, { advocateId: 'not-a-uuid' }],
    );
    const answer = await t.request('GET', `/api/referrals/${referral.id}`, { token: manager.token });
    expect(answer.status).toBe(200);
    const history = answer.body.history as {
      action: string;
      at: string;
      actor: unknown;
      advocate: unknown;
    }[];
    expect(history.map((e) => e.action)).toEqual(['RECEIVED', 'TRIAGE_ACCEPT', 'ALLOCATE', 'ALLOCATE']);
    expect(history.map((e) => e.at)).toEqual([...history.map((e) => e.at)].sort());
    for (const e of history) expect(e.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(history[2]).toMatchObject({ advocate: { id: sam.id, displayName: 'Sam Taylor' } });
    expect(history[3]).toMatchObject({
      actor: { id: jordan.id, displayName: 'Jordan Reid' },
      advocate: { id: 'not-a-uuid', displayName: 'Unknown user' },
    });
    expect(answer.body.createdBy).toMatchObject({ displayName: expect.any(String) });
    expect(answer.body.receivedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('refuses someone who is not an active advocate, and the same advocate twice', async () => {
    const referral = await allocatedTo(sam);
    const managerId = (await t.request('GET', '/api/auth/me', { token: manager.token })).body.id;
    const notAdvocate = await act(referral.id, 'allocate', {
      advocateId: managerId,
      version: referral.version,
    });
    expect(notAdvocate.status).toBe(400);
    expect(fieldsOf(notAdvocate.body)).toEqual(['advocateId']);
    const same = await act(referral.id, 'allocate', { advocateId: sam.id, version: referral.version });
    expect(same.status).toBe(409);
  });

  it('refuses to allocate a referral nobody has triaged', async () => {
    const created = await create(imhaReferral());
    const answer = await act(created.id, 'allocate', { advocateId: sam.id, version: 1 });
    expect(answer.status).toBe(409);
    expect(answer.body.type).toBe('urn:beacon:problem:illegal-transition');
  });

  it('lets the allocated advocate record first contact and close the case', async () => {
    const referral = await allocatedTo(sam);
    const contactAt = new Date().toISOString();
    const active = await act(
      referral.id,
      'first-contact',
      { at: contactAt, version: referral.version },
      samSession.token,
    );
    expect(active.status).toBe(200);
    expect(active.body).toMatchObject({ status: 'ACTIVE', firstContactAt: contactAt });
    expect(active.body.nextActions).toEqual(['CLOSE']);
    const closed = await act(
      referral.id,
      'close',
      { outcome: 'ISSUES_RESOLVED', reason: 'Tribunal held; discharged.', version: active.body.version },
      samSession.token,
    );
    expect(closed.status).toBe(200);
    expect(closed.body).toMatchObject({
      status: 'CLOSED',
      outcome: 'ISSUES_RESOLVED',
      closureReason: 'Tribunal held; discharged.',
    });
    expect(closed.body.closedAt).not.toBeNull();
  });

  it('refuses first contact before the referral was received, and close without outcome or reason', async () => {
    const referral = await allocatedTo(sam);
    const early = await act(referral.id, 'first-contact', {
      at: '2001-01-01T00:00:00Z',
      version: referral.version,
    });
    expect(early.status).toBe(400);
    expect(fieldsOf(early.body)).toEqual(['at']);
    const bad = await act(referral.id, 'close', { version: referral.version });
    expect(bad.status).toBe(400);
    expect(fieldsOf(bad.body)).toEqual(['outcome', 'reason']);
  });

  it('does not let the advocate who took a referral close it once it is someone else’s', async () => {
    const created = await create(imhaReferral({ source: 'WARD_VISIT' }), samSession.token);
    const accepted = await act(created.id, 'triage', { decision: 'ACCEPT', version: 1 });
    const allocated = await act(created.id, 'allocate', {
      advocateId: jordan.id,
      version: accepted.body.version,
    });
    const answer = await act(
      created.id,
      'close',
      { outcome: 'CLIENT_WITHDREW', reason: 'x', version: allocated.body.version },
      samSession.token,
    );
    expect(answer.status).toBe(403);
  });
});

describe('GET /api/referrals', () => {
  it('lists only the advocate’s own referrals (allocated to or created by them)', async () => {
    const mine = await allocatedTo(sam);
    const theirs = await allocatedTo(jordan);
    const ids = async (token: string) => {
      const all: string[] = [];
      let cursor: string | null = null;
      do {
        const answer: HttpAnswer = await t.request(
          'GET',
          `/api/referrals?limit=200${cursor ? `&cursor=${cursor}` : ''}`,
          {
            token,
          },
        );
        all.push(...answer.body.items.map((r: { id: string }) => r.id));
        cursor = answer.body.nextCursor;
      } while (cursor);
      return all;
    };
    const samIds = await ids(samSession.token);
    expect(samIds).toContain(mine.id);
    expect(samIds).not.toContain(theirs.id);
    const managerIds = await ids(manager.token);
    expect(managerIds).toEqual(expect.arrayContaining([mine.id, theirs.id]));
  });

  it('filters by status, service, advocate, area and search text', async () => {
    const special = newClient({
      lastName: 'Zebedee-Quill',
      localAuthority: 'RUTLAND',
      nhsNumber: '9434765919',
    });
    const target = await create(
      communityReferral({ client: special, facts: { localAuthority: 'RUTLAND' }, issues: ['INFORMATION'] }),
    );
    const query = async (qs: string) =>
      (await t.request('GET', `/api/referrals?${qs}`, { token: manager.token })).body.items.map(
        (r: { id: string }) => r.id,
      );
    expect(await query('q=zebedee')).toEqual([target.id]);
    expect(await query(`q=${target.reference}`)).toEqual([target.id]);
    expect(await query('q=943 476 5919')).toEqual([target.id]);
    expect(await query('q=zebedee&status=RECEIVED,AWAITING_ALLOCATION')).toEqual([target.id]);
    expect(await query('q=zebedee&status=CLOSED')).toEqual([]);
    expect(await query('q=zebedee&serviceType=COMMUNITY&localAuthority=RUTLAND')).toEqual([target.id]);
    expect(await query('q=zebedee&localAuthority=LEICESTER')).toEqual([]);
    expect(await query(`q=zebedee&advocateId=${sam.id}`)).toEqual([]);
    const allocated = await allocatedTo(sam);
    expect(await query(`advocateId=${sam.id}&limit=200`)).toContain(allocated.id);
  });

  it('pages with a keyset cursor in either order, without repeats or gaps', async () => {
    for (let i = 0; i < 5; i += 1)
      await create(communityReferral({ client: newClient({ lastName: 'Pagetest' }) }));
    const walk = async (order: string) => {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const answer: HttpAnswer = await t.request(
          'GET',
          `/api/referrals?q=pagetest&limit=2&order=${order}${cursor ? `&cursor=${cursor}` : ''}`,
          { token: manager.token },
        );
        expect(answer.status).toBe(200);
        expect(answer.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...answer.body.items.map((r: { id: string; receivedAt: string }) => r.id));
        cursor = answer.body.nextCursor;
      } while (cursor);
      return seen;
    };
    const newest = await walk('newest');
    const oldest = await walk('oldest');
    expect(newest).toHaveLength(5);
    expect(new Set(newest).size).toBe(5);
    expect(oldest).toEqual([...newest].reverse());
  });

  it('shows days waiting and the allocated advocate’s name on each row', async () => {
    const received = new Date(Date.now() - 3 * 86_400_000).toISOString();
    const created = await create(
      imhaReferral({ receivedAt: received, client: newClient({ lastName: 'Waitingtest' }) }),
    );
    const answer = await t.request('GET', '/api/referrals?q=waitingtest', { token: manager.token });
    expect(answer.body.items[0]).toMatchObject({ id: created.id, daysWaiting: 3, allocatedAdvocate: null });
  });

  it('answers 400 for bad filters and a forged cursor, each named', async () => {
    const answer = await t.request('GET', '/api/referrals?status=LOST&limit=0&cursor=abc&order=sideways', {
      token: manager.token,
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual(['limit', 'order', 'status']);
    const forged = await t.request('GET', '/api/referrals?cursor=abc', { token: manager.token });
    expect(fieldsOf(forged.body)).toEqual(['cursor']);
  });

  it('audits each list with the ids it showed', async () => {
    await t.request('GET', '/api/referrals?limit=3', { token: samSession.token });
    const [row] = await t.dataSource.query(
      `SELECT actor_id, details FROM audit_events WHERE action = 'referral.list' ORDER BY seq DESC LIMIT 1`,
    );
    expect(row.actor_id).toBe(sam.id);
    expect(Array.isArray(row.details.shown)).toBe(true);
  });
});

describe('GET /api/advocates', () => {
  it('lists active advocates with their open caseload, for managers only', async () => {
    const before = await t.request('GET', '/api/advocates', { token: manager.token });
    const count = (body: { items: { id: string; activeCaseload: number }[] }, id: string) =>
      body.items.find((a) => a.id === id)?.activeCaseload;
    const samBefore = count(before.body, sam.id)!;
    await allocatedTo(sam);
    const after = await t.request('GET', '/api/advocates', { token: manager.token });
    expect(count(after.body, sam.id)).toBe(samBefore + 1);
    expect(after.body.items.map((a: { displayName: string }) => a.displayName)).toEqual(
      expect.arrayContaining(['Sam Taylor', 'Jordan Reid']),
    );
    expect((await t.request('GET', '/api/advocates', { token: samSession.token })).status).toBe(403);
  });
});

describe('the history is append-only', () => {
  it('refuses to change or delete a history entry in the database', async () => {
    const created = await create(imhaReferral());
    await expect(
      t.dataSource.query(`UPDATE referral_events SET reason = 'edited' WHERE referral_id = $1`, [created.id]),
    ).rejects.toThrow(/append-only/);
    await expect(
      t.dataSource.query(`DELETE FROM referral_events WHERE referral_id = $1`, [created.id]),
    ).rejects.toThrow(/permission denied/);
    await expect(
      t.ownerQuery(`DELETE FROM referral_events WHERE referral_id = $1`, [created.id]),
    ).rejects.toThrow(/append-only/);
  });
});

describe('queue counts and "referrals I took"', () => {
  it('counts the referrals each user may see, per status', async () => {
    const before = (await t.request('GET', '/api/referrals/counts', { token: manager.token })).body.byStatus;
    await create(communityReferral());
    const after = (await t.request('GET', '/api/referrals/counts', { token: manager.token })).body.byStatus;
    expect(after.RECEIVED).toBe(before.RECEIVED + 1);
    expect(Object.keys(after).sort()).toEqual(
      ['ACTIVE', 'ALLOCATED', 'AWAITING_ALLOCATION', 'CLOSED', 'DECLINED', 'RECEIVED'].sort(),
    );
    const jordanBefore = (await t.request('GET', '/api/referrals/counts', { token: jordanSession.token }))
      .body.byStatus;
    await create(communityReferral());
    const jordanAfter = (await t.request('GET', '/api/referrals/counts', { token: jordanSession.token })).body
      .byStatus;
    expect(jordanAfter).toEqual(jordanBefore);
  });

  it('filters by who took the referral, and names them on each row', async () => {
    const mine = await create(imhaReferral({ source: 'WARD_VISIT', referrer: undefined }), samSession.token);
    const answer = await t.request('GET', `/api/referrals?createdBy=${sam.id}&limit=200`, {
      token: samSession.token,
    });
    const row = answer.body.items.find((r: { id: string }) => r.id === mine.id);
    expect(row.createdBy).toEqual({ id: sam.id, displayName: 'Sam Taylor' });
    expect(answer.body.items.every((r: { createdBy: { id: string } }) => r.createdBy.id === sam.id)).toBe(
      true,
    );
  });
});
