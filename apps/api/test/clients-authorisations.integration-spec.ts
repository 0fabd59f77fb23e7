import { communityReferral, newClient } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp } from './helpers/test-app';

let t: TestApp;
let manager: Session;
let admin: Session;
let sam: Session;
let jordan: Session;

beforeAll(async () => {
  t = await startTestApp();
  const users = await Promise.all([
    t.createUser(['MANAGER']),
    t.createUser(['ADMIN']),
    t.createUser(['ADVOCATE']),
    t.createUser(['ADVOCATE']),
  ]);
  [manager, admin, sam, jordan] = await Promise.all(users.map((u) => t.login(u.email)));
});
afterAll(() => t.close());

const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();
const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
const shift = (date: string, days: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

async function createClient(body: Record<string, unknown>, token = manager.token) {
  const answer = await t.request('POST', '/api/clients', { token, body });
  expect(answer.status).toBe(201);
  return answer.body;
}

describe('clients', () => {
  it('creates a client and hints at possible duplicates (same name and date of birth)', async () => {
    const first = await createClient(
      newClient({ firstName: 'Morgan', lastName: 'Ellery', dateOfBirth: '1971-03-02' }),
    );
    expect(first.possibleDuplicates).toEqual([]);
    const second = await createClient({
      firstName: ' morgan ',
      lastName: 'ELLERY',
      dateOfBirth: '1971-03-02',
      localAuthority: 'LEICESTER',
    });
    expect(second.firstName).toBe('morgan');
    expect(second.possibleDuplicates.map((c: { id: string }) => c.id)).toEqual([first.id]);
    const other = await createClient({
      firstName: 'Morgan',
      lastName: 'Ellery',
      dateOfBirth: '1972-03-02',
      localAuthority: 'LEICESTER',
    });
    expect(other.possibleDuplicates).toEqual([]);
  });

  it('refuses bad fields, each named, and an NHS number with a wrong check digit', async () => {
    const answer = await t.request('POST', '/api/clients', {
      token: manager.token,
      body: {
        firstName: '',
        lastName: 'Ok',
        dateOfBirth: '2999-01-01',
        nhsNumber: '943 476 5910',
        email: 'nope',
        localAuthority: 'X',
      },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual([
      'dateOfBirth',
      'email',
      'firstName',
      'localAuthority',
      'nhsNumber',
    ]);
  });

  it('searches by name, NHS number and referral reference', async () => {
    const client = await createClient(newClient({ lastName: 'Quennell-Ashby', nhsNumber: '4010232137' }));
    const referral = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: communityReferral({ client: undefined, clientId: client.id }),
    });
    const search = async (q: string) =>
      (
        await t.request('GET', `/api/clients?q=${encodeURIComponent(q)}`, { token: manager.token })
      ).body.items.map((c: { id: string }) => c.id);
    expect(await search('quennell')).toEqual([client.id]);
    expect(await search('401 023 2137')).toEqual([client.id]);
    expect(await search(referral.body.reference)).toEqual([client.id]);
  });

  it('shows an advocate only the clients they created or whose referrals are theirs; 404 otherwise', async () => {
    const samsClient = await createClient(newClient({ lastName: 'Ownershiptest' }), sam.token);
    expect((await t.request('GET', `/api/clients/${samsClient.id}`, { token: sam.token })).status).toBe(200);
    expect((await t.request('GET', `/api/clients/${samsClient.id}`, { token: jordan.token })).status).toBe(
      404,
    );
    expect((await t.request('GET', `/api/clients/${samsClient.id}`, { token: manager.token })).status).toBe(
      200,
    );
    expect(
      (
        await t.request('GET', `/api/clients/${samsClient.id}`, {
          token: admin.token,
          headers: { 'x-access-reason': 'Checking the record for a complaint' },
        })
      ).status,
    ).toBe(200);
    const jordansSearch = await t.request('GET', '/api/clients?q=ownershiptest', { token: jordan.token });
    expect(jordansSearch.body.items).toEqual([]);
  });

  it('audits creation, reads and searches', async () => {
    const client = await createClient(newClient());
    await t.request('GET', `/api/clients/${client.id}`, {
      token: admin.token,
      headers: { 'x-access-reason': 'Checking the record for a complaint' },
    });
    const rows = await t.dataSource.query(
      `SELECT action FROM audit_events WHERE entity_id = $1 ORDER BY seq`,
      [client.id],
    );
    expect(rows.map((r: { action: string }) => r.action)).toEqual(['client.create', 'client.read']);
    await t.request('GET', '/api/clients?q=zz', { token: manager.token });
    const [search] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'client.search' ORDER BY seq DESC LIMIT 1`,
    );
    expect(search.details.kind).toBe('name');
  });
});

describe('third-party authorisations for carers', () => {
  const authorisation = (carerClientId: string, overrides: Record<string, unknown> = {}) => ({
    carerClientId,
    authorisedName: 'Dana Price',
    authorisedRelationship: 'Sister',
    scope: 'Contact the service and attend meetings for the carer',
    givenOn: shift(today(), -10),
    method: 'WRITTEN',
    ...overrides,
  });

  const carersReferral = (clientId: string, authorisationId?: string, source = 'OTHER_CONCERNED') => ({
    serviceType: 'CARERS',
    facts: { isUnpaidCarer: true },
    clientId,
    source,
    referrer: source === 'SELF' ? undefined : { name: 'Dana Price', relationship: 'Sister' },
    issues: ['CARER_RIGHTS'],
    authorisationId,
  });

  it('records, lists (with state) and withdraws an authorisation', async () => {
    const carer = await createClient(newClient());
    const created = await t.request('POST', '/api/authorisations', {
      token: manager.token,
      body: authorisation(carer.id),
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ state: 'VALID', method: 'WRITTEN', expiresOn: null, version: 1 });
    const listed = await t.request('GET', `/api/authorisations?carerClientId=${carer.id}`, {
      token: manager.token,
    });
    expect(listed.body.items.map((a: { id: string }) => a.id)).toEqual([created.body.id]);
    const withdrawn = await t.request('POST', `/api/authorisations/${created.body.id}/withdraw`, {
      token: manager.token,
      body: { reason: 'Carer phoned to withdraw it', version: 1 },
    });
    expect(withdrawn.status).toBe(200);
    expect(withdrawn.body).toMatchObject({
      state: 'WITHDRAWN',
      withdrawalReason: 'Carer phoned to withdraw it',
      version: 2,
    });
    const again = await t.request('POST', `/api/authorisations/${created.body.id}/withdraw`, {
      token: manager.token,
      body: { version: 1 },
    });
    expect(again.status).toBe(409);
  });

  it('accepts a third-party carers referral only with the carer’s valid authorisation (422 otherwise)', async () => {
    const carer = await createClient(newClient());
    const otherCarer = await createClient(newClient());
    const valid = (
      await t.request('POST', '/api/authorisations', { token: manager.token, body: authorisation(carer.id) })
    ).body;
    const expired = (
      await t.request('POST', '/api/authorisations', {
        token: manager.token,
        body: authorisation(carer.id, { givenOn: shift(today(), -30), expiresOn: shift(today(), -1) }),
      })
    ).body;
    const someoneElses = (
      await t.request('POST', '/api/authorisations', {
        token: manager.token,
        body: authorisation(otherCarer.id),
      })
    ).body;
    const attempt = (authorisationId?: string) =>
      t.request('POST', '/api/referrals', {
        token: manager.token,
        body: carersReferral(carer.id, authorisationId),
      });

    for (const [id, message] of [
      [undefined, /authorisation/i],
      [expired.id, /expired/i],
      [someoneElses.id, /not given by this carer/i],
    ] as const) {
      const answer = await attempt(id);
      expect(answer.status).toBe(422);
      expect(answer.body.type).toBe('urn:beacon:problem:authorisation-required');
      expect(answer.body.detail).toMatch(message);
    }
    const ok = await attempt(valid.id);
    expect(ok.status).toBe(201);
    expect(ok.body.authorisationId).toBe(valid.id);

    await t.request('POST', `/api/authorisations/${valid.id}/withdraw`, {
      token: manager.token,
      body: { version: 1 },
    });
    const afterWithdrawal = await attempt(valid.id);
    expect(afterWithdrawal.status).toBe(422);
    expect(afterWithdrawal.body.detail).toMatch(/withdrawn/i);
  });

  it('needs no authorisation when the carer refers themselves', async () => {
    const carer = await createClient(newClient());
    const answer = await t.request('POST', '/api/referrals', {
      token: manager.token,
      body: carersReferral(carer.id, undefined, 'SELF'),
    });
    expect(answer.status).toBe(201);
  });

  it('refuses bad authorisations field by field', async () => {
    const carer = await createClient(newClient());
    const answer = await t.request('POST', '/api/authorisations', {
      token: manager.token,
      body: { carerClientId: carer.id, authorisedName: '', givenOn: '2999-01-01', method: 'TELEPATHY' },
    });
    expect(answer.status).toBe(400);
    expect(fieldsOf(answer.body)).toEqual([
      'authorisedName',
      'authorisedRelationship',
      'givenOn',
      'method',
      'scope',
    ]);
    const backwards = await t.request('POST', '/api/authorisations', {
      token: manager.token,
      body: authorisation(carer.id, { expiresOn: shift(today(), -20) }),
    });
    expect(fieldsOf(backwards.body)).toEqual(['expiresOn']);
  });

  it('follows the carer’s ownership: 404 for an advocate who cannot see the carer', async () => {
    const carer = await createClient(newClient(), sam.token);
    const created = await t.request('POST', '/api/authorisations', {
      token: sam.token,
      body: authorisation(carer.id),
    });
    expect(created.status).toBe(201);
    expect(
      (await t.request('GET', `/api/authorisations?carerClientId=${carer.id}`, { token: jordan.token }))
        .status,
    ).toBe(404);
    expect(
      (await t.request('POST', '/api/authorisations', { token: jordan.token, body: authorisation(carer.id) }))
        .status,
    ).toBe(404);
    expect(
      (
        await t.request('POST', `/api/authorisations/${created.body.id}/withdraw`, {
          token: jordan.token,
          body: { version: 1 },
        })
      ).status,
    ).toBe(404);
  });
});

describe('the signposting directory', () => {
  it('starts with the reference entries, for everyone signed in', async () => {
    const answer = await t.request('GET', '/api/signposting-services', { token: sam.token });
    expect(answer.status).toBe(200);
    const keys = answer.body.items.map((s: { key: string }) => s.key);
    expect(keys).toEqual(expect.arrayContaining(['GP', 'NHS_TALKING_THERAPIES', 'CITIZENS_ADVICE']));
    expect(keys.length).toBeGreaterThanOrEqual(10);
  });

  it('is maintained by admins: add, change, retire; others get 403', async () => {
    const created = await t.request('POST', '/api/signposting-services', {
      token: admin.token,
      body: { key: 'FOODBANK', name: 'Leicester foodbank', contact: 'via Citizens Advice' },
    });
    expect(created.status).toBe(201);
    const duplicate = await t.request('POST', '/api/signposting-services', {
      token: admin.token,
      body: { key: 'FOODBANK', name: 'Again' },
    });
    expect(duplicate.status).toBe(409);
    const retired = await t.request('PATCH', `/api/signposting-services/${created.body.id}`, {
      token: admin.token,
      body: { active: false, version: 1 },
    });
    expect(retired.body).toMatchObject({ active: false, version: 2 });
    const stale = await t.request('PATCH', `/api/signposting-services/${created.body.id}`, {
      token: admin.token,
      body: { name: 'x', version: 1 },
    });
    expect(stale.status).toBe(409);
    const active = await t.request('GET', '/api/signposting-services', { token: manager.token });
    expect(active.body.items.map((s: { key: string }) => s.key)).not.toContain('FOODBANK');
    const all = await t.request('GET', '/api/signposting-services?includeInactive=true', {
      token: admin.token,
    });
    expect(all.body.items.map((s: { key: string }) => s.key)).toContain('FOODBANK');
    for (const token of [manager.token, sam.token]) {
      expect(
        (await t.request('POST', '/api/signposting-services', { token, body: { key: 'X_Y', name: 'x' } }))
          .status,
      ).toBe(403);
    }
  });
});
