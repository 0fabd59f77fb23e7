import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

let t: TestApp;
let manager: Session;
let admin: Session;
let sam: TestUser;
let samSession: Session;
let jordan: TestUser;
let jordanSession: Session;
let wardId: string;

const london = (offsetDays = 0) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(
    new Date(Date.now() + offsetDays * 86_400_000),
  );
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()];
const fieldsOf = (body: { errors?: { field: string }[] }) => (body.errors ?? []).map((e) => e.field).sort();

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
  [manager, admin, samSession, jordanSession] = await Promise.all([m, a, s, j].map((u) => t.login(u.email)));
  const hospital = await t.request('POST', '/api/hospitals', {
    token: admin.token,
    body: { name: 'Bradgate Mental Health Unit', address: 'Glenfield Hospital, Leicester' },
  });
  const ward = await t.request('POST', '/api/wards', {
    token: manager.token,
    body: { hospitalId: hospital.body.id, name: 'Ward 3', specialty: 'Acute adult' },
  });
  wardId = ward.body.id;
});
afterAll(() => t.close());

async function schedule(advocate: TestUser, overrides: Record<string, unknown> = {}) {
  const answer = await t.request('POST', '/api/visit-schedules', {
    token: manager.token,
    body: {
      wardId,
      advocateId: advocate.id,
      weekday: weekdayOf(london(-14)),
      startTime: '10:00',
      durationMinutes: 90,
      startsOn: london(-28),
      ...overrides,
    },
  });
  expect(answer.status).toBe(201);
  return answer.body;
}

async function visitsOf(session: Session, from = london(-21), to = london(21), extra = '') {
  const answer = await t.request('GET', `/api/visits?from=${from}&to=${to}${extra}`, {
    token: session.token,
  });
  expect(answer.status).toBe(200);
  return answer.body.items as any[];
}

describe('hospitals and wards', () => {
  it('lists them for everyone; adding is for managers and admins, duplicates refused', async () => {
    const wards = await t.request('GET', '/api/wards', { token: samSession.token });
    expect(
      wards.body.items.map((w: { name: string; hospitalName: string }) => `${w.hospitalName} / ${w.name}`),
    ).toContain('Bradgate Mental Health Unit / Ward 3');
    expect(
      (await t.request('POST', '/api/hospitals', { token: samSession.token, body: { name: 'X' } })).status,
    ).toBe(403);
    const again = await t.request('POST', '/api/hospitals', {
      token: manager.token,
      body: { name: 'Bradgate Mental Health Unit' },
    });
    expect(again.status).toBe(409);
    const badWard = await t.request('POST', '/api/wards', {
      token: manager.token,
      body: { hospitalId: '00000000-0000-4000-8000-000000000000', name: '' },
    });
    expect(fieldsOf(badWard.body)).toEqual(['name']);
  });
});

describe('visit schedules and the visits they plan', () => {
  it('expands a weekly schedule into planned visits at the same wall time, each with a stable id', async () => {
    const s = await schedule(sam, { weekday: weekdayOf(london(-14)) });
    expect(s).toMatchObject({
      wardName: 'Ward 3',
      hospitalName: 'Bradgate Mental Health Unit',
      advocateName: 'Sam Taylor',
    });
    const first = (await visitsOf(samSession)).filter((v) => v.scheduleId === s.id);
    expect(first.length).toBeGreaterThanOrEqual(6);
    expect(first.every((v) => weekdayOf(v.date) === s.weekday && v.startTime === '10:00')).toBe(true);
    const again = (await visitsOf(samSession)).filter((v) => v.scheduleId === s.id);
    expect(again.map((v) => v.id)).toEqual(first.map((v) => v.id));
    const past = first.find((v) => v.date < london(0));
    expect(past).toMatchObject({ status: 'PLANNED', missed: true });
  });

  it('shows an advocate only their own visits; managers see everyone’s', async () => {
    const s = await schedule(jordan);
    const samSees = await visitsOf(samSession);
    expect(samSees.some((v) => v.scheduleId === s.id)).toBe(false);
    const samAsksForJordan = await visitsOf(samSession, london(-21), london(21), `&advocateId=${jordan.id}`);
    expect(samAsksForJordan.some((v) => v.advocateId === jordan.id)).toBe(false);
    const managerSees = await visitsOf(manager);
    expect(managerSees.some((v) => v.scheduleId === s.id)).toBe(true);
  });

  it('refuses bad schedules and ranges, each named', async () => {
    const bad = await t.request('POST', '/api/visit-schedules', {
      token: manager.token,
      body: {
        wardId,
        advocateId: jordan.id,
        weekday: 'FUNDAY',
        startTime: '25:00',
        durationMinutes: 0,
        startsOn: '2026-02-30',
      },
    });
    expect(fieldsOf(bad.body)).toEqual(['durationMinutes', 'startTime', 'startsOn', 'weekday']);
    const notAdvocate = await t.request('POST', '/api/visit-schedules', {
      token: manager.token,
      body: {
        wardId,
        advocateId: (await t.request('GET', '/api/auth/me', { token: manager.token })).body.id,
        weekday: 'MONDAY',
        startTime: '10:00',
        durationMinutes: 60,
        startsOn: london(0),
      },
    });
    expect(fieldsOf(notAdvocate.body)).toEqual(['advocateId']);
    const backwards = await t.request('POST', '/api/visit-schedules', {
      token: manager.token,
      body: {
        wardId,
        advocateId: sam.id,
        weekday: 'MONDAY',
        startTime: '10:00',
        durationMinutes: 60,
        startsOn: london(0),
        endsOn: london(-1),
      },
    });
    expect(fieldsOf(backwards.body)).toEqual(['endsOn']);
    const long = await t.request('GET', `/api/visits?from=${london(0)}&to=${london(200)}`, {
      token: manager.token,
    });
    expect(fieldsOf(long.body)).toEqual(['to']);
    expect(
      (await t.request('POST', '/api/visit-schedules', { token: samSession.token, body: {} })).status,
    ).toBe(403);
  });

  it('ends a schedule: its later planned visits go', async () => {
    const s = await schedule(sam, { weekday: weekdayOf(london(-7)) });
    const visits = (await visitsOf(samSession)).filter((v) => v.scheduleId === s.id);
    const ended = await t.request('POST', `/api/visit-schedules/${s.id}/end`, {
      token: manager.token,
      body: { endsOn: london(0), version: 1 },
    });
    expect(ended.status).toBe(200);
    expect(ended.body.endsOn).toBe(london(0));
    const after = (await visitsOf(samSession)).filter((v) => v.scheduleId === s.id);
    expect(after.every((v) => v.date <= london(0))).toBe(true);
    expect(after.length).toBeLessThan(visits.length);
  });
});

describe('logging, moving and cancelling visits', () => {
  it('logs a held visit with counts and minutes; the advocate’s log is audited', async () => {
    const s = await schedule(sam, { weekday: weekdayOf(london(-7)) });
    const visit = (await visitsOf(samSession)).find((v) => v.scheduleId === s.id && v.date === london(-7));
    const logged = await t.request('POST', `/api/visits/${visit.id}/log`, {
      token: samSession.token,
      body: {
        status: 'HELD',
        patientsSeen: 6,
        newReferrals: 2,
        minutesSpent: 120,
        note: 'Busy ward',
        version: visit.version,
      },
    });
    expect(logged.status).toBe(200);
    expect(logged.body).toMatchObject({
      status: 'HELD',
      patientsSeen: 6,
      newReferrals: 2,
      minutesSpent: 120,
      missed: false,
    });
    const [row] = await t.dataSource.query(`SELECT action, actor_id FROM audit_events WHERE entity_id = $1`, [
      visit.id,
    ]);
    expect(row).toEqual({ action: 'visit.log', actor_id: sam.id });
    const stale = await t.request('POST', `/api/visits/${visit.id}/log`, {
      token: samSession.token,
      body: { status: 'HELD', patientsSeen: 1, newReferrals: 0, minutesSpent: 10, version: visit.version },
    });
    expect(stale.status).toBe(409);
  });

  it('refuses negative counts, more referrals than patients, a cancel without reason, and held before the day', async () => {
    const s = await schedule(sam, { weekday: weekdayOf(london(7)) });
    const visits = (await visitsOf(samSession)).filter((v) => v.scheduleId === s.id);
    const future = visits.find((v) => v.date > london(0));
    const bad = await t.request('POST', `/api/visits/${future.id}/log`, {
      token: samSession.token,
      body: { status: 'HELD', patientsSeen: -1, newReferrals: 0, minutesSpent: -5, version: 1 },
    });
    expect(fieldsOf(bad.body)).toEqual(['minutesSpent', 'patientsSeen']);
    const tooMany = await t.request('POST', `/api/visits/${future.id}/log`, {
      token: samSession.token,
      body: { status: 'HELD', patientsSeen: 1, newReferrals: 3, minutesSpent: 5, version: 1 },
    });
    expect(fieldsOf(tooMany.body)).toEqual(['newReferrals']);
    const noReason = await t.request('POST', `/api/visits/${future.id}/log`, {
      token: samSession.token,
      body: { status: 'CANCELLED', patientsSeen: 0, newReferrals: 0, minutesSpent: 0, version: 1 },
    });
    expect(fieldsOf(noReason.body)).toEqual(['reason']);
    const early = await t.request('POST', `/api/visits/${future.id}/log`, {
      token: samSession.token,
      body: { status: 'HELD', patientsSeen: 1, newReferrals: 0, minutesSpent: 5, version: 1 },
    });
    expect(early.status).toBe(422);
  });

  it('moves one planned visit and cancels another ahead; a logged visit cannot be moved', async () => {
    const s = await schedule(sam, { weekday: weekdayOf(london(3)) });
    const [a, b] = (await visitsOf(samSession)).filter((v) => v.scheduleId === s.id && v.date > london(0));
    const moved = await t.request('POST', `/api/visits/${a.id}/move`, {
      token: samSession.token,
      body: { date: london(4), startTime: '14:30', version: a.version },
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      date: london(4),
      startTime: '14:30',
      moved: true,
      plannedDate: a.date,
    });
    const afterMove = (await visitsOf(samSession)).filter((v) => v.scheduleId === s.id);
    expect(afterMove.filter((v) => v.plannedDate === a.date)).toHaveLength(1);
    const cancelled = await t.request('POST', `/api/visits/${b.id}/cancel`, {
      token: samSession.token,
      body: { reason: 'Ward closed for infection control', version: b.version },
    });
    expect(cancelled.body).toMatchObject({
      status: 'CANCELLED',
      cancelReason: 'Ward closed for infection control',
    });
    const again = await t.request('POST', `/api/visits/${b.id}/move`, {
      token: samSession.token,
      body: { date: london(5), startTime: '10:00', version: cancelled.body.version },
    });
    expect(again.status).toBe(409);
  });

  it('answers 404 when another advocate touches a visit', async () => {
    const s = await schedule(sam);
    const [v] = (await visitsOf(samSession)).filter((x) => x.scheduleId === s.id);
    expect((await t.request('GET', `/api/visits/${v.id}`, { token: samSession.token })).body).toMatchObject({
      id: v.id,
      wardName: 'Ward 3',
    });
    expect((await t.request('GET', `/api/visits/${v.id}`, { token: jordanSession.token })).status).toBe(404);
    const answer = await t.request('POST', `/api/visits/${v.id}/cancel`, {
      token: jordanSession.token,
      body: { reason: 'x', version: v.version },
    });
    expect(answer.status).toBe(404);
  });

  it('links a referral picked up on a visit (WARD_VISIT) to that visit, but only one’s own', async () => {
    const s = await schedule(sam, { weekday: weekdayOf(london(-7)) });
    const visit = (await visitsOf(samSession)).find((v) => v.scheduleId === s.id && v.date === london(-7));
    const ok = await t.request('POST', '/api/referrals', {
      token: samSession.token,
      body: imhaReferral({ source: 'WARD_VISIT', visitId: visit.id }),
    });
    expect(ok.status).toBe(201);
    expect(ok.body.visitId).toBe(visit.id);
    const timeline = await t.request('GET', `/api/referrals/${ok.body.id}/timeline`, {
      token: samSession.token,
    });
    expect(timeline.body.items[0]).toMatchObject({
      type: 'VISIT',
      id: visit.id,
      title: expect.stringContaining('Ward 3'),
    });
    const notMine = await t.request('POST', '/api/referrals', {
      token: jordanSession.token,
      body: imhaReferral({ source: 'WARD_VISIT', visitId: visit.id }),
    });
    expect(fieldsOf(notMine.body)).toEqual(['visitId']);
    const wrongSource = await t.request('POST', '/api/referrals', {
      token: samSession.token,
      body: imhaReferral({ visitId: visit.id }),
    });
    expect(fieldsOf(wrongSource.body)).toEqual(['visitId']);
  });
});

describe('ward coverage (managers)', () => {
  it('counts scheduled, held, cancelled, missed and upcoming visits per ward', async () => {
    const answer = await t.request('GET', `/api/visits/coverage?from=${london(-21)}&to=${london(21)}`, {
      token: manager.token,
    });
    expect(answer.status).toBe(200);
    const ward3 = answer.body.items.find((w: { wardId: string }) => w.wardId === wardId);
    expect(ward3.scheduled).toBe(ward3.held + ward3.cancelled + ward3.missed + ward3.upcoming);
    // The same rule as each visit's `missed`: planned, and its end has passed.
    const visits = await visitsOf(manager, london(-21), london(21), `&wardId=${wardId}`);
    expect(ward3.missed).toBe(visits.filter((v) => v.missed).length);
    expect(ward3.held).toBeGreaterThanOrEqual(1);
    expect(ward3.missed).toBeGreaterThanOrEqual(1);
    expect(
      (
        await t.request('GET', `/api/visits/coverage?from=${london(0)}&to=${london(1)}`, {
          token: samSession.token,
        })
      ).status,
    ).toBe(403);
  });
});

describe('calendar', () => {
  it('merges visits and meetings for an advocate', async () => {
    const created = await t.request('POST', '/api/referrals', { token: manager.token, body: imhaReferral() });
    const accepted = await t.request('POST', `/api/referrals/${created.body.id}/triage`, {
      token: manager.token,
      body: { decision: 'ACCEPT', version: 1 },
    });
    await t.request('POST', `/api/referrals/${created.body.id}/allocate`, {
      token: manager.token,
      body: { advocateId: sam.id, version: accepted.body.version },
    });
    await t.request('POST', `/api/referrals/${created.body.id}/meetings`, {
      token: samSession.token,
      body: {
        kind: 'TRIBUNAL',
        startsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
        location: 'Tribunal room',
        inPrivate: false,
        attendees: [],
      },
    });
    const answer = await t.request('GET', `/api/calendar?from=${london(0)}&to=${london(14)}`, {
      token: samSession.token,
    });
    expect(answer.status).toBe(200);
    const types = new Set(answer.body.items.map((i: { type: string }) => i.type));
    expect(types).toEqual(new Set(['VISIT', 'MEETING']));
    const meeting = answer.body.items.find((i: { type: string }) => i.type === 'MEETING');
    expect(meeting).toMatchObject({ referralId: created.body.id, reference: created.body.reference });
    const jordans = await t.request('GET', `/api/calendar?from=${london(0)}&to=${london(14)}`, {
      token: jordanSession.token,
    });
    expect(jordans.body.items.some((i: { id: string }) => i.id === meeting.id)).toBe(false);
  });

  it('serves an iCalendar feed at a secret URL with ward and time only, until revoked', async () => {
    const created = await t.request('POST', '/api/calendar/feed', { token: samSession.token });
    expect(created.status).toBe(200);
    const path = new URL(created.body.url).pathname;
    const feed = await t.request('GET', path);
    expect(feed.status).toBe(200);
    expect(feed.headers.get('content-type')).toContain('text/calendar');
    expect(feed.text).toContain('BEGIN:VCALENDAR');
    expect(feed.text).toContain('SUMMARY:Ward visit: Ward 3');
    expect(feed.text).toContain('SUMMARY:Advocacy: Tribunal hearing');
    expect(feed.text).not.toMatch(/Testperson|Alex|REF-/);
    const status = await t.request('GET', '/api/calendar/feed', { token: samSession.token });
    expect(status.body).toMatchObject({ active: true, url: null });
    const replaced = await t.request('POST', '/api/calendar/feed', { token: samSession.token });
    expect((await t.request('GET', path)).status).toBe(404);
    expect((await t.request('DELETE', '/api/calendar/feed', { token: samSession.token })).status).toBe(204);
    expect((await t.request('GET', new URL(replaced.body.url).pathname)).status).toBe(404);
    expect((await t.request('GET', '/api/calendar/feeds/not-a-token.ics')).status).toBe(404);
  });
});
