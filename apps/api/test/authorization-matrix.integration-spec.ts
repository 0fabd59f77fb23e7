import matrix from './authorization-matrix.json';
import { imhaReferral, newClient } from './helpers/referral-fixtures';
import { PASSWORD, startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

/**
 * Runs authorization-matrix.json over HTTP: for every operation and every kind of caller, a
 * valid request against fresh records that belong to the owner advocate, and the status the
 * matrix expects. Valid bodies matter: a 400 would hide whether authorisation let it through.
 */
type Actor = (typeof matrix.actors)[number];
interface Call {
  path: string;
  body?: unknown;
  /** Cookie routes (login, logout, refresh) are called without a bearer token by everyone. */
  withoutToken?: boolean;
  login?: boolean;
}

let t: TestApp;
let users: Record<Exclude<Actor, 'anonymous'>, TestUser>;
let sessions: Record<Exclude<Actor, 'anonymous'>, Session>;
let wardId: string;

const london = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()];

beforeAll(async () => {
  t = await startTestApp();
  const [ownerAdvocate, otherAdvocate, manager, admin] = await Promise.all([
    t.createUser(['ADVOCATE']),
    t.createUser(['ADVOCATE']),
    t.createUser(['MANAGER']),
    t.createUser(['ADMIN']),
  ]);
  users = { ownerAdvocate, otherAdvocate, manager, admin };
  const logged = await Promise.all(Object.values(users).map((u) => t.login(u.email)));
  sessions = { ownerAdvocate: logged[0], otherAdvocate: logged[1], manager: logged[2], admin: logged[3] };
  const hospital = await ok('POST', '/api/hospitals', { name: 'Matrix Hospital' });
  wardId = (await ok('POST', '/api/wards', { hospitalId: hospital.id, name: 'Matrix Ward' })).id;
});
afterAll(() => t.close());

/** A setup request as the manager (or admin) that must succeed. */
async function ok(
  method: string,
  path: string,
  body?: unknown,
  as: 'manager' | 'admin' | 'ownerAdvocate' = 'manager',
) {
  const token = (
    as === 'manager' && path.match(/^\/api\/(hospitals|users|signposting)/) ? sessions.admin : sessions[as]
  ).token;
  const answer = await t.request(method, path, { token, body });
  if (answer.status >= 300) throw new Error(`setup ${method} ${path}: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** Fresh records for one cell, made on first use: everything belongs to the owner advocate. */
class Records {
  private cache = new Map<string, Promise<any>>();
  private once<T>(name: string, make: () => Promise<T>): Promise<T> {
    if (!this.cache.has(name)) this.cache.set(name, make());
    return this.cache.get(name) as Promise<T>;
  }
  /** An IMHA referral allocated to the owner (ALLOCATED). */
  referral() {
    return this.once('referral', async () => {
      const created = await ok('POST', '/api/referrals', imhaReferral());
      const accepted = await ok('POST', `/api/referrals/${created.id}/triage`, {
        decision: 'ACCEPT',
        version: 1,
      });
      return ok('POST', `/api/referrals/${created.id}/allocate`, {
        advocateId: users.ownerAdvocate.id,
        version: accepted.version,
      });
    });
  }
  /** A referral the owner took on a ward, waiting for triage. */
  received() {
    return this.once('received', () =>
      ok(
        'POST',
        '/api/referrals',
        imhaReferral({ source: 'WARD_VISIT', referrer: undefined }),
        'ownerAdvocate',
      ),
    );
  }
  note() {
    return this.once('note', async () =>
      ok(
        'POST',
        `/api/referrals/${(await this.referral()).id}/notes`,
        { body: 'Note', kind: 'ADMIN' },
        'ownerAdvocate',
      ),
    );
  }
  /** A reminder of the owner's: no contact on their case. */
  reminder() {
    return this.once('reminder', async () => {
      const [row] = await t.dataSource.query(
        `INSERT INTO reminders (advocate_id, kind, due_on, referral_id, dedupe_key)
         VALUES ($1, 'NO_CONTACT_14_DAYS', current_date, $2, $3) RETURNING id`,
        [users.ownerAdvocate.id, (await this.referral()).id, `matrix:${Math.random()}`],
      );
      return row as { id: string };
    });
  }
  carer() {
    return this.once('carer', () => ok('POST', '/api/clients', newClient(), 'ownerAdvocate'));
  }
  authorisation() {
    return this.once('authorisation', async () =>
      ok('POST', '/api/authorisations', authorisationBody((await this.carer()).id), 'ownerAdvocate'),
    );
  }
  /** A single-visit schedule for the owner on `offset` days from today, and that visit. */
  visit(offset: number) {
    return this.once(`visit${offset}`, async () => {
      const date = london(offset);
      const schedule = await ok('POST', '/api/visit-schedules', {
        wardId,
        advocateId: users.ownerAdvocate.id,
        weekday: weekdayOf(date),
        startTime: '10:00',
        durationMinutes: 60,
        startsOn: date,
        endsOn: date,
      });
      const visits = await ok(
        'GET',
        `/api/visits?from=${date}&to=${date}&advocateId=${users.ownerAdvocate.id}`,
      );
      return visits.items.find((v: { scheduleId: string }) => v.scheduleId === schedule.id);
    });
  }
  schedule() {
    return this.once('schedule', () =>
      ok('POST', '/api/visit-schedules', {
        wardId,
        advocateId: users.ownerAdvocate.id,
        weekday: 'MONDAY',
        startTime: '09:00',
        durationMinutes: 60,
        startsOn: london(0),
      }),
    );
  }
  user(active = true) {
    return this.once(`user${active}`, async () => {
      const user = await ok('POST', '/api/users', {
        email: `matrix-${Math.random().toString(36).slice(2, 10)}@example.org`,
        displayName: 'Matrix User',
        roles: ['ADVOCATE'],
        password: 'a long enough passphrase',
      });
      return active ? user : ok('POST', `/api/users/${user.id}/deactivate`, { version: user.version });
    });
  }
  /** A fresh account signed in once: its id and its session's id. */
  userSession() {
    return this.once('userSession', async () => {
      const user = await t.createUser(['ADVOCATE']);
      const session = await t.login(user.email);
      const sessions = await t.request('GET', '/api/auth/sessions', { token: session.token });
      return { userId: user.id, sessionId: sessions.body.items[0].id as string };
    });
  }
  signpost() {
    return this.once('signpost', () =>
      ok('POST', '/api/signposting-services', {
        key: `MATRIX_${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
        name: 'Matrix',
      }),
    );
  }
}

const authorisationBody = (carerClientId: string) => ({
  carerClientId,
  authorisedName: 'Dana Price',
  authorisedRelationship: 'Sister',
  scope: 'Contact the service',
  givenOn: london(-1),
  method: 'VERBAL',
});

/** A valid request for each operation, built for `actor` on fresh records. */
const CALLS: Record<string, (r: Records, actor: Actor) => Promise<Call>> = {
  'GET /api/advocates': async () => ({ path: '/api/advocates' }),
  'GET /api/audit': async () => ({ path: '/api/audit?limit=5' }),
  'GET /api/audit/verify': async () => ({ path: '/api/audit/verify' }),
  'GET /api/audit/export.csv': async () => ({
    path: `/api/audit/export.csv?from=${new Date(Date.now() - 60_000).toISOString()}`,
  }),
  'POST /api/auth/login': async (_r, actor) => ({
    path: '/api/auth/login',
    withoutToken: true,
    login: true,
    body: { email: actor === 'anonymous' ? 'nobody@example.org' : users[actor].email, password: PASSWORD },
  }),
  'POST /api/auth/logout': async () => ({ path: '/api/auth/logout', withoutToken: true }),
  'GET /api/auth/me': async () => ({ path: '/api/auth/me' }),
  'GET /api/auth/sessions': async () => ({ path: '/api/auth/sessions' }),
  'GET /api/auth/mfa': async () => ({ path: '/api/auth/mfa' }),
  // Starting enrolment only stores a pending secret: the caller's later cells are unaffected.
  'POST /api/auth/mfa/setup': async () => ({ path: '/api/auth/mfa/setup' }),
  // Past the guard, these stop at the body or the password check (400); managers and admins may not turn it off (403).
  'POST /api/auth/mfa/enable': async () => ({ path: '/api/auth/mfa/enable', body: { code: 'not-a-code' } }),
  'POST /api/auth/mfa/recovery-codes': async () => ({
    path: '/api/auth/mfa/recovery-codes',
    body: { password: 'not the password' },
  }),
  'POST /api/auth/mfa/disable': async () => ({
    path: '/api/auth/mfa/disable',
    body: { password: 'not the password' },
  }),
  // Someone else's session: never one's own (ending it would sign the caller out of later cells).
  'DELETE /api/auth/sessions/{id}': async (r) => ({
    path: `/api/auth/sessions/${(await r.userSession()).sessionId}`,
  }),
  'POST /api/auth/refresh': async () => ({ path: '/api/auth/refresh', withoutToken: true }),
  // A wrong current password: 400 proves the route let the caller through without changing anything shared.
  'POST /api/auth/password': async () => ({
    path: '/api/auth/password',
    body: { currentPassword: 'not the password', newPassword: 'walnut kettle lighthouse' },
  }),
  'GET /api/authorisations': async (r) => ({
    path: `/api/authorisations?carerClientId=${(await r.carer()).id}`,
  }),
  'POST /api/authorisations': async (r) => ({
    path: '/api/authorisations',
    body: authorisationBody((await r.carer()).id),
  }),
  'POST /api/authorisations/{id}/withdraw': async (r) => ({
    path: `/api/authorisations/${(await r.authorisation()).id}/withdraw`,
    body: { version: 1 },
  }),
  'GET /api/calendar': async () => ({ path: `/api/calendar?from=${london(0)}&to=${london(7)}` }),
  'DELETE /api/calendar/feed': async () => ({ path: '/api/calendar/feed' }),
  'GET /api/calendar/feed': async () => ({ path: '/api/calendar/feed' }),
  'POST /api/calendar/feed': async () => ({ path: '/api/calendar/feed' }),
  'GET /api/calendar/feeds/{file}': async () => ({ path: `/api/calendar/feeds/${'x'.repeat(43)}.ics` }),
  'GET /api/clients': async () => ({ path: '/api/clients?q=test' }),
  'POST /api/clients': async () => ({ path: '/api/clients', body: newClient() }),
  'GET /api/clients/{id}': async (r) => ({ path: `/api/clients/${(await r.carer()).id}` }),
  'GET /api/clients/{id}/export': async (r) => ({ path: `/api/clients/${(await r.carer()).id}/export` }),
  'PATCH /api/clients/{id}': async (r) => ({
    path: `/api/clients/${(await r.carer()).id}`,
    body: { gender: 'PREFER_NOT_TO_SAY', version: 1 },
  }),
  'POST /api/eligibility/check': async () => ({
    path: '/api/eligibility/check',
    body: { serviceType: 'IMHA', facts: { legalStatus: 'S3' } },
  }),
  'GET /api/health': async () => ({ path: '/api/health' }),
  'GET /api/health/live': async () => ({ path: '/api/health/live' }),
  'GET /api/health/ready': async () => ({ path: '/api/health/ready' }),
  'GET /api/hospitals': async () => ({ path: '/api/hospitals' }),
  'GET /api/jobs': async () => ({ path: '/api/jobs' }),
  // The matrix runs with jobs switched off: 409 proves the admin got through.
  'POST /api/jobs/{name}/run': async () => ({ path: '/api/jobs/reminders/run' }),
  'GET /api/reminders': async () => ({ path: '/api/reminders' }),
  'GET /api/reminders/count': async () => ({ path: '/api/reminders/count' }),
  'POST /api/reminders/{id}/dismiss': async (r) => ({
    path: `/api/reminders/${(await r.reminder()).id}/dismiss`,
  }),
  'POST /api/hospitals': async () => ({
    path: '/api/hospitals',
    body: { name: `Hospital ${Math.random()}` },
  }),
  'POST /api/notes/{id}/amend': async (r) => ({
    path: `/api/notes/${(await r.note()).id}/amend`,
    body: { body: 'Amended', reason: 'Correction', version: 1 },
  }),
  'GET /api/referrals': async () => ({ path: '/api/referrals?limit=5' }),
  'POST /api/referrals': async () => ({ path: '/api/referrals', body: imhaReferral() }),
  'GET /api/referrals/counts': async () => ({ path: '/api/referrals/counts' }),
  'GET /api/referrals/{id}': async (r) => ({ path: `/api/referrals/${(await r.referral()).id}` }),
  'POST /api/referrals/{id}/allocate': async (r) => {
    const referral = await r.referral();
    return {
      path: `/api/referrals/${referral.id}/allocate`,
      body: { advocateId: users.otherAdvocate.id, version: referral.version },
    };
  },
  'POST /api/referrals/{id}/close': async (r) => {
    const referral = await r.referral();
    return {
      path: `/api/referrals/${referral.id}/close`,
      body: { outcome: 'CLIENT_WITHDREW', reason: 'No longer wanted', version: referral.version },
    };
  },
  'POST /api/referrals/{id}/first-contact': async (r) => {
    const referral = await r.referral();
    return { path: `/api/referrals/${referral.id}/first-contact`, body: { version: referral.version } };
  },
  'GET /api/referrals/{id}/meetings': async (r) => ({
    path: `/api/referrals/${(await r.referral()).id}/meetings`,
  }),
  'POST /api/referrals/{id}/meetings': async (r) => ({
    path: `/api/referrals/${(await r.referral()).id}/meetings`,
    body: {
      kind: 'WARD_ROUND',
      startsAt: new Date(Date.now() + 86_400_000).toISOString(),
      location: 'Ward',
      inPrivate: false,
      attendees: [],
    },
  }),
  'GET /api/referrals/{id}/notes': async (r) => ({ path: `/api/referrals/${(await r.referral()).id}/notes` }),
  'POST /api/referrals/{id}/notes': async (r) => ({
    path: `/api/referrals/${(await r.referral()).id}/notes`,
    body: { body: 'A note', kind: 'ADMIN' },
  }),
  'GET /api/referrals/{id}/record-access': async (r) => ({
    path: `/api/referrals/${(await r.referral()).id}/record-access`,
  }),
  'POST /api/referrals/{id}/record-access': async (r) => ({
    path: `/api/referrals/${(await r.referral()).id}/record-access`,
    body: { recordsDescription: 'Chart', basis: 'CONSENT', heldBy: 'Trust', accessedOn: london(0) },
  }),
  'GET /api/referrals/{id}/timeline': async (r) => ({
    path: `/api/referrals/${(await r.referral()).id}/timeline`,
  }),
  'POST /api/referrals/{id}/triage': async (r) => ({
    path: `/api/referrals/${(await r.received()).id}/triage`,
    body: { decision: 'ACCEPT', version: 1 },
  }),
  'GET /api/reports/summary': async () => ({
    path: `/api/reports/summary?from=${london(-30)}&to=${london(0)}`,
  }),
  'GET /api/reports/summary.csv': async () => ({
    path: `/api/reports/summary.csv?from=${london(-30)}&to=${london(0)}`,
  }),
  'GET /api/reports/targets': async () => ({ path: '/api/reports/targets' }),
  // The version now (an earlier cell may have changed it), so the admin's change goes through.
  'PATCH /api/reports/targets/{serviceType}': async () => {
    const { items } = await ok('GET', '/api/reports/targets');
    const carers = items.find((item: { serviceType: string }) => item.serviceType === 'CARERS');
    return { path: '/api/reports/targets/CARERS', body: { targetDays: 9, version: carers.version } };
  },
  'GET /api/retention/due': async () => ({ path: '/api/retention/due' }),
  // A case that is not due: 409 proves the admin got through without anonymising anything.
  'POST /api/retention/referrals/{id}/anonymise': async (r) => ({
    path: `/api/retention/referrals/${(await r.referral()).id}/anonymise`,
    body: { reason: 'Authorization matrix check' },
  }),
  'GET /api/signposting-services': async () => ({ path: '/api/signposting-services' }),
  'POST /api/signposting-services': async () => ({
    path: '/api/signposting-services',
    body: { key: `NEW_${Math.random().toString(36).slice(2, 8).toUpperCase()}`, name: 'New entry' },
  }),
  'PATCH /api/signposting-services/{id}': async (r) => ({
    path: `/api/signposting-services/${(await r.signpost()).id}`,
    body: { name: 'Renamed', version: 1 },
  }),
  'GET /api/time/weekly': async () => ({ path: `/api/time/weekly?from=${london(-7)}&to=${london(0)}` }),
  'GET /api/users': async () => ({ path: '/api/users' }),
  'POST /api/users': async () => ({
    path: '/api/users',
    body: {
      email: `matrix-new-${Math.random().toString(36).slice(2, 10)}@example.org`,
      displayName: 'New User',
      roles: ['ADVOCATE'],
      password: 'a long enough passphrase',
    },
  }),
  'GET /api/users/{id}': async (r) => ({ path: `/api/users/${(await r.user()).id}` }),
  'PATCH /api/users/{id}': async (r) => {
    const user = await r.user();
    return { path: `/api/users/${user.id}`, body: { displayName: 'Renamed', version: user.version } };
  },
  'POST /api/users/{id}/deactivate': async (r) => {
    const user = await r.user();
    return { path: `/api/users/${user.id}/deactivate`, body: { version: user.version } };
  },
  'GET /api/users/{id}/sessions': async (r) => ({
    path: `/api/users/${(await r.userSession()).userId}/sessions`,
  }),
  'DELETE /api/users/{id}/sessions/{sessionId}': async (r) => {
    const s = await r.userSession();
    return { path: `/api/users/${s.userId}/sessions/${s.sessionId}` };
  },
  // Past the guard, an account without two-step verification has nothing to reset (409).
  'DELETE /api/users/{id}/mfa': async (r) => ({ path: `/api/users/${(await r.userSession()).userId}/mfa` }),
  'POST /api/users/{id}/reset-password': async (r) => ({
    path: `/api/users/${(await r.user()).id}/reset-password`,
  }),
  'POST /api/users/{id}/reactivate': async (r) => {
    const user = await r.user(false);
    return { path: `/api/users/${user.id}/reactivate`, body: { version: user.version } };
  },
  'GET /api/visit-schedules': async () => ({ path: '/api/visit-schedules' }),
  'POST /api/visit-schedules': async () => ({
    path: '/api/visit-schedules',
    body: {
      wardId,
      advocateId: users.ownerAdvocate.id,
      weekday: 'FRIDAY',
      startTime: '15:00',
      durationMinutes: 60,
      startsOn: london(0),
    },
  }),
  'POST /api/visit-schedules/{id}/end': async (r) => ({
    path: `/api/visit-schedules/${(await r.schedule()).id}/end`,
    body: { endsOn: london(30), version: 1 },
  }),
  'GET /api/visits': async () => ({ path: `/api/visits?from=${london(0)}&to=${london(7)}` }),
  'GET /api/visits/coverage': async () => ({
    path: `/api/visits/coverage?from=${london(-7)}&to=${london(0)}`,
  }),
  'GET /api/visits/{id}': async (r) => ({ path: `/api/visits/${(await r.visit(2)).id}` }),
  'POST /api/visits/{id}/cancel': async (r) => {
    const visit = await r.visit(3);
    return {
      path: `/api/visits/${visit.id}/cancel`,
      body: { reason: 'Ward closed', version: visit.version },
    };
  },
  'POST /api/visits/{id}/log': async (r) => {
    const visit = await r.visit(-3);
    return {
      path: `/api/visits/${visit.id}/log`,
      body: { status: 'HELD', patientsSeen: 2, newReferrals: 0, minutesSpent: 60, version: visit.version },
    };
  },
  'POST /api/visits/{id}/move': async (r) => {
    const visit = await r.visit(4);
    return {
      path: `/api/visits/${visit.id}/move`,
      body: { date: london(5), startTime: '11:00', version: visit.version },
    };
  },
  'GET /api/wards': async () => ({ path: '/api/wards' }),
  'POST /api/wards': async () => {
    const hospitals = await ok('GET', '/api/hospitals');
    return { path: '/api/wards', body: { hospitalId: hospitals.items[0].id, name: `Ward ${Math.random()}` } };
  },
};

const operations = Object.entries(matrix.operations) as [string, number[]][];

// OWASP API3 (BOPLA): every 2xx JSON answer may hold only the properties its OpenAPI response
// schema declares, at every depth. Response DTOs are mapped by hand, never entities; this proves it.
type Schema = {
  $ref?: string;
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
};
let openApi: { paths: Record<string, Record<string, any>>; components: { schemas: Record<string, Schema> } };

function resolve(schema: Schema): Schema {
  if (!schema.$ref) return schema;
  return resolve(openApi.components.schemas[schema.$ref.replace('#/components/schemas/', '')]);
}

/** Paths in `value` that `schema` does not declare. */
function undeclared(schema: Schema, value: unknown, at = '$'): string[] {
  const s = resolve(schema);
  const variants = s.allOf ?? s.oneOf ?? s.anyOf;
  if (variants) {
    const merged: Schema = { type: 'object', properties: {} };
    for (const part of variants.map(resolve)) Object.assign(merged.properties!, part.properties ?? {});
    return undeclared(merged, value, at);
  }
  if (Array.isArray(value))
    return s.items ? value.flatMap((item, i) => undeclared(s.items!, item, `${at}[${i}]`)) : [];
  if (value === null || typeof value !== 'object') return [];
  if (!s.properties) {
    return typeof s.additionalProperties === 'object'
      ? Object.entries(value).flatMap(([k, v]) =>
          undeclared(s.additionalProperties as Schema, v, `${at}.${k}`),
        )
      : s.additionalProperties === true
        ? []
        : [`${at} (no properties declared)`];
  }
  // Only the subject access export declares open rows (additionalProperties: true), on purpose.
  return Object.entries(value).flatMap(([key, v]) =>
    s.properties![key]
      ? undeclared(s.properties![key], v, `${at}.${key}`)
      : s.additionalProperties === true
        ? []
        : [`${at}.${key}`],
  );
}

function responseSchema(method: string, path: string, status: number): Schema | null | undefined {
  const response = openApi.paths[path]?.[method.toLowerCase()]?.responses?.[String(status)];
  return response?.content?.['application/json']?.schema ?? (response ? null : undefined);
}

describe('the authorization matrix', () => {
  it('has a row for every operation of the OpenAPI document, and no other', async () => {
    const doc = (await t.request('GET', '/api/docs-json')).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(Object.keys(matrix.operations).sort()).toEqual(documented);
    expect(Object.keys(CALLS).sort()).toEqual(documented);
  });

  it.each(operations)('%s', async (operation, expected) => {
    const [method, template] = operation.split(' ');
    openApi ??= (await t.request('GET', '/api/docs-json')).body;
    const got: Record<string, number> = {};
    const want: Record<string, number> = {};
    const leaks: string[] = [];
    for (const [i, actor] of (matrix.actors as Actor[]).entries()) {
      const call = await CALLS[operation](new Records(), actor);
      const token = actor === 'anonymous' || call.withoutToken ? undefined : sessions[actor].token;
      // Admins give a reason to open case content (break glass); the SPA asks them for one.
      const headers: Record<string, string> =
        actor === 'admin' ? { 'x-access-reason': 'Authorization matrix check' } : {};
      const answer = await t.request(method, call.path, {
        token,
        headers,
        body: call.body ?? (method === 'GET' ? undefined : {}),
      });
      got[actor] = answer.status;
      want[actor] = expected[i];
      const json = (answer.headers.get('content-type') ?? '').includes('application/json');
      if (answer.status < 300 && json) {
        const schema = responseSchema(method, template, answer.status);
        if (!schema) leaks.push(`${actor}: ${answer.status} has no declared JSON schema`);
        else leaks.push(...undeclared(schema, answer.body).map((p) => `${actor}: ${p}`));
      }
    }
    expect(got).toEqual(want);
    expect(leaks).toEqual([]);
  });
});
