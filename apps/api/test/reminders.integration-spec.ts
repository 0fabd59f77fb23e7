import { addDays, londonDate, londonInstant } from '@beacon/domain';
import { ReminderRules } from '../src/reminders/reminder-rules';
import { imhaReferral } from './helpers/referral-fixtures';
import { startTestApp, type Session, type TestApp, type TestUser } from './helpers/test-app';

/**
 * The reminder rules, run as the reminders job runs them (ReminderRules.refresh) at a chosen
 * moment: today at 12:00 in London. Each rule is checked at its Europe/London day boundary.
 */
let t: TestApp;
let manager: Session;
let sam: TestUser;
let jo: TestUser;
let samSession: Session;
let joSession: Session;
let wardId: string;

const today = londonDate();
const day = (offset: number) => addDays(today, offset);
const NOW = londonInstant(today, '12:00');
const WEEKDAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];
const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()];

async function ok(session: Session, method: string, path: string, body?: unknown) {
  const answer = await t.request(method, path, { token: session.token, body });
  if (answer.status >= 300) throw new Error(`${method} ${path}: ${answer.status} ${answer.text}`);
  return answer.body;
}

/** A referral allocated to `advocate` (ALLOCATED). */
async function allocated(advocate: TestUser) {
  const created = await ok(manager, 'POST', '/api/referrals', imhaReferral());
  const accepted = await ok(manager, 'POST', `/api/referrals/${created.id}/triage`, {
    decision: 'ACCEPT',
    version: 1,
  });
  return ok(manager, 'POST', `/api/referrals/${created.id}/allocate`, {
    advocateId: advocate.id,
    version: accepted.version,
  });
}

/** A case made ACTIVE by a contact note, whose only contact is then moved back to `at`. */
async function activeSince(advocate: TestUser, at: Date) {
  const referral = await allocated(advocate);
  const session = advocate.id === sam.id ? samSession : joSession;
  await ok(session, 'POST', `/api/referrals/${referral.id}/notes`, {
    body: 'Met on the ward',
    kind: 'CONTACT',
  });
  await t.ownerQuery('UPDATE referrals SET first_contact_at = $2 WHERE id = $1', [referral.id, at]);
  await t.ownerQuery('UPDATE case_notes SET created_at = $2 WHERE referral_id = $1', [referral.id, at]);
  return referral as { id: string; reference: string; client: { firstName: string; lastName: string } };
}

/** A one-day schedule for `advocate` on `date` at 10:00, and its planned visit. */
async function visitOn(advocate: TestUser, date: string) {
  const schedule = await ok(manager, 'POST', '/api/visit-schedules', {
    wardId,
    advocateId: advocate.id,
    weekday: weekdayOf(date),
    startTime: '10:00',
    durationMinutes: 60,
    startsOn: date,
    endsOn: date,
  });
  const visits = await ok(manager, 'GET', `/api/visits?from=${date}&to=${date}&advocateId=${advocate.id}`);
  return visits.items.find((v: { scheduleId: string }) => v.scheduleId === schedule.id);
}

async function meeting(referralId: string, kind: string, startsAt: Date) {
  const [row] = await t.dataSource.query(
    `INSERT INTO meetings (referral_id, kind, starts_at, location, in_private, attendees, created_by)
     VALUES ($1, $2, $3, 'Ward', false, '{}', $4) RETURNING id`,
    [referralId, kind, startsAt, sam.id],
  );
  return row.id as string;
}

const rows = () =>
  t.dataSource.query(
    `SELECT advocate_id, kind, due_on::text AS due_on, referral_id, visit_id, meeting_id, dismissed_at IS NOT NULL AS dismissed
       FROM reminders ORDER BY kind, due_on, referral_id, visit_id, meeting_id`,
  );
const refresh = () => t.app.get(ReminderRules).refresh(NOW);

let visitToday: { id: string };
let meetingCase: { id: string; reference: string };
let meetingAtMidnight: string;
let fourteen: { id: string; reference: string; client: { firstName: string; lastName: string } };
let joCase: { id: string };
let professionalsOnly: { id: string };

beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login((await t.createUser(['MANAGER'])).email);
  [sam, jo] = [await t.createUser(['ADVOCATE']), await t.createUser(['ADVOCATE'])];
  [samSession, joSession] = [await t.login(sam.email), await t.login(jo.email)];
  const admin = await t.login((await t.createUser(['ADMIN'])).email);
  const hospital = await ok(admin, 'POST', '/api/hospitals', { name: 'Bradgate Unit' });
  wardId = (await ok(admin, 'POST', '/api/wards', { hospitalId: hospital.id, name: 'Ashby Ward' })).id;

  // Visits: Sam's today (due), Sam's tomorrow (not yet), Jo's today cancelled ahead (not due).
  visitToday = await visitOn(sam, today);
  await visitOn(sam, day(1));
  const cancelled = await visitOn(jo, day(0));
  await ok(joSession, 'POST', `/api/visits/${cancelled.id}/cancel`, { reason: 'Ward closed', version: 1 });

  // Meetings on a case allocated to Sam: tomorrow from 00:00 London (due), the day after at 00:00 (not).
  meetingCase = await allocated(sam);
  meetingAtMidnight = await meeting(meetingCase.id, 'CPA_REVIEW', londonInstant(day(1), '00:00'));
  await meeting(meetingCase.id, 'TRIBUNAL', londonInstant(day(2), '00:00'));

  // Contact: 14 London days ago late in the evening (due), 13 days ago just after midnight (not):
  // in summer 00:30 in London is 23:30 UTC the day before, so UTC days would count 14.
  fourteen = await activeSince(sam, londonInstant(day(-14), '23:30'));
  await activeSince(sam, londonInstant(day(-13), '00:30'));
  joCase = await activeSince(jo, londonInstant(day(-20), '09:00'));
  // A meeting with the client is contact; a meeting with professionals is not.
  const metClient = await activeSince(sam, londonInstant(day(-30), '09:00'));
  await meeting(metClient.id, 'CLIENT_MEETING', londonInstant(day(-3), '11:00'));
  professionalsOnly = await activeSince(sam, londonInstant(day(-30), '09:00'));
  await meeting(professionalsOnly.id, 'WARD_ROUND', londonInstant(day(-3), '11:00'));
}, 60_000);
afterAll(() => t.close());

describe('the reminder rules', () => {
  it('makes exactly the reminders due today in London', async () => {
    const result = await refresh();
    expect(result).toEqual({
      today,
      created: { VISIT_TODAY: 1, MEETING_TOMORROW: 1, NO_CONTACT_14_DAYS: 3 },
      removed: { VISIT_TODAY: 0, MEETING_TOMORROW: 0, NO_CONTACT_14_DAYS: 0 },
      due: { VISIT_TODAY: 1, MEETING_TOMORROW: 1, NO_CONTACT_14_DAYS: 3 },
    });
    const expected = [
      {
        advocate_id: sam.id,
        kind: 'MEETING_TOMORROW',
        due_on: day(1),
        referral_id: meetingCase.id,
        visit_id: null,
        meeting_id: meetingAtMidnight,
        dismissed: false,
      },
      {
        advocate_id: sam.id,
        kind: 'NO_CONTACT_14_DAYS',
        due_on: day(-16),
        referral_id: professionalsOnly.id,
        visit_id: null,
        meeting_id: null,
        dismissed: false,
      },
      {
        advocate_id: jo.id,
        kind: 'NO_CONTACT_14_DAYS',
        due_on: day(-6),
        referral_id: joCase.id,
        visit_id: null,
        meeting_id: null,
        dismissed: false,
      },
      {
        advocate_id: sam.id,
        kind: 'NO_CONTACT_14_DAYS',
        due_on: today,
        referral_id: fourteen.id,
        visit_id: null,
        meeting_id: null,
        dismissed: false,
      },
      {
        advocate_id: sam.id,
        kind: 'VISIT_TODAY',
        due_on: today,
        referral_id: null,
        visit_id: visitToday.id,
        meeting_id: null,
        dismissed: false,
      },
    ];
    expect(await rows()).toEqual(expected);
  });

  it('is idempotent: a second run adds and removes nothing', async () => {
    const before = await t.dataSource.query('SELECT id FROM reminders ORDER BY id');
    const result = await refresh();
    expect(result.created).toEqual({ VISIT_TODAY: 0, MEETING_TOMORROW: 0, NO_CONTACT_14_DAYS: 0 });
    expect(result.removed).toEqual({ VISIT_TODAY: 0, MEETING_TOMORROW: 0, NO_CONTACT_14_DAYS: 0 });
    expect(await t.dataSource.query('SELECT id FROM reminders ORDER BY id')).toEqual(before);
  });
});

describe('GET /api/reminders', () => {
  it('shows an advocate only their own, oldest due first, with what each is about', async () => {
    const answer = await t.request('GET', '/api/reminders', { token: samSession.token });
    expect(answer.status).toBe(200);
    expect(answer.body.nextCursor).toBeNull();
    const items = answer.body.items as { kind: string; dueOn: string }[];
    // Oldest due first; reminders due the same day come in id order (random), so compare those as a set.
    expect(items.map((r) => r.dueOn)).toEqual([day(-16), today, today, day(1)]);
    expect(items.map((r) => [r.kind, r.dueOn]).sort()).toEqual(
      [
        ['NO_CONTACT_14_DAYS', day(-16)],
        ['NO_CONTACT_14_DAYS', today],
        ['VISIT_TODAY', today],
        ['MEETING_TOMORROW', day(1)],
      ].sort(),
    );
    const noContact = items.find((r) => r.kind === 'NO_CONTACT_14_DAYS' && r.dueOn === today);
    expect(noContact).toEqual({
      id: expect.any(String),
      kind: 'NO_CONTACT_14_DAYS',
      dueOn: today,
      createdAt: expect.any(String),
      referralId: fourteen.id,
      referralReference: fourteen.reference,
      clientName: `${fourteen.client.firstName} ${fourteen.client.lastName}`,
      visitId: null,
      wardName: null,
      hospitalName: null,
      meetingId: null,
      meetingKind: null,
      startsAt: null,
      lastContactOn: day(-14),
    });
    expect(items.find((r) => r.kind === 'VISIT_TODAY')).toMatchObject({
      kind: 'VISIT_TODAY',
      visitId: visitToday.id,
      wardName: 'Ashby Ward',
      hospitalName: 'Bradgate Unit',
      startsAt: londonInstant(today, '10:00').toISOString(),
      referralId: null,
    });
    expect(items[3]).toMatchObject({
      kind: 'MEETING_TOMORROW',
      meetingId: meetingAtMidnight,
      meetingKind: 'CPA_REVIEW',
      startsAt: londonInstant(day(1), '00:00').toISOString(),
      referralReference: meetingCase.reference,
    });
    const jos = await t.request('GET', '/api/reminders', { token: joSession.token });
    expect(jos.body.items.map((r: { referralId: string }) => r.referralId)).toEqual([joCase.id]);
    expect((await t.request('GET', '/api/reminders/count', { token: samSession.token })).body).toEqual({
      open: 4,
    });
  });

  it('audits the cases it shows', async () => {
    await t.request('GET', '/api/reminders', { token: joSession.token });
    const [event] = await t.dataSource.query(
      `SELECT details FROM audit_events WHERE action = 'reminder.list' AND actor_id = $1 ORDER BY seq DESC LIMIT 1`,
      [jo.id],
    );
    expect(event.details).toEqual({ referrals: [joCase.id] });
  });

  it('pages by keyset', async () => {
    const first = await t.request('GET', '/api/reminders?limit=3', { token: samSession.token });
    expect(first.body.items).toHaveLength(3);
    const second = await t.request('GET', `/api/reminders?limit=3&cursor=${first.body.nextCursor}`, {
      token: samSession.token,
    });
    expect(second.body.items.map((r: { kind: string }) => r.kind)).toEqual(['MEETING_TOMORROW']);
    expect(second.body.nextCursor).toBeNull();
    const bad = await t.request('GET', '/api/reminders?cursor=nonsense', { token: samSession.token });
    expect(bad.status).toBe(400);
  });

  it('is for advocates only', async () => {
    expect((await t.request('GET', '/api/reminders', { token: manager.token })).status).toBe(403);
  });
});

describe('POST /api/reminders/{id}/dismiss', () => {
  it('dismisses the advocate’s own, keeps it dismissed on the next run, and answers 404 to anyone else', async () => {
    const [visit] = await t.dataSource.query(`SELECT id FROM reminders WHERE kind = 'VISIT_TODAY'`);
    const other = await t.request('POST', `/api/reminders/${visit.id}/dismiss`, { token: joSession.token });
    expect(other.status).toBe(404);
    expect(
      (await t.request('POST', `/api/reminders/${visit.id}/dismiss`, { token: manager.token })).status,
    ).toBe(403);
    const mine = await t.request('POST', `/api/reminders/${visit.id}/dismiss`, { token: samSession.token });
    expect(mine.status).toBe(204);
    const again = await t.request('POST', `/api/reminders/${visit.id}/dismiss`, { token: samSession.token });
    expect(again.status).toBe(204);
    const list = await t.request('GET', '/api/reminders', { token: samSession.token });
    expect(list.body.items.map((r: { kind: string }) => r.kind)).not.toContain('VISIT_TODAY');
    expect((await t.request('GET', '/api/reminders/count', { token: samSession.token })).body).toEqual({
      open: 3,
    });
    const events = await t.dataSource.query(
      `SELECT actor_id FROM audit_events WHERE action = 'reminder.dismiss' AND entity_id = $1`,
      [visit.id],
    );
    expect(events).toEqual([{ actor_id: sam.id }]);

    const result = await refresh();
    expect(result.created.VISIT_TODAY).toBe(0);
    const [after] = await t.dataSource.query(
      `SELECT id, dismissed_at FROM reminders WHERE kind = 'VISIT_TODAY'`,
    );
    expect(after.id).toBe(visit.id);
    expect(after.dismissed_at).not.toBeNull();
  });

  it('answers 404 for a reminder that does not exist', async () => {
    const answer = await t.request('POST', '/api/reminders/00000000-0000-4000-8000-000000000000/dismiss', {
      token: samSession.token,
    });
    expect(answer.status).toBe(404);
  });
});

describe('when the reason goes', () => {
  it('removes a reminder once contact is made, the visit is logged or the case is reallocated', async () => {
    await ok(samSession, 'POST', `/api/referrals/${fourteen.id}/notes`, { body: 'Phoned', kind: 'CONTACT' });
    await ok(samSession, 'POST', `/api/visits/${visitToday.id}/log`, {
      status: 'HELD',
      patientsSeen: 3,
      newReferrals: 0,
      minutesSpent: 60,
      version: 1,
    });
    // Reallocated to Jo: Sam no longer sees it, even before the next run.
    const current = await ok(manager, 'GET', `/api/referrals/${meetingCase.id}`);
    await ok(manager, 'POST', `/api/referrals/${meetingCase.id}/allocate`, {
      advocateId: jo.id,
      version: current.version,
    });
    const samsNow = await t.request('GET', '/api/reminders', { token: samSession.token });
    expect(samsNow.body.items.map((r: { referralId: string }) => r.referralId)).toEqual([
      professionalsOnly.id,
      fourteen.id,
    ]);

    const result = await refresh();
    expect(result.removed).toEqual({ VISIT_TODAY: 1, MEETING_TOMORROW: 1, NO_CONTACT_14_DAYS: 1 });
    expect(result.created).toEqual({ VISIT_TODAY: 0, MEETING_TOMORROW: 1, NO_CONTACT_14_DAYS: 0 });
    expect(
      (await rows()).map((r: { advocate_id: string; kind: string; referral_id: string }) => [
        r.advocate_id === sam.id ? 'sam' : 'jo',
        r.kind,
        r.referral_id,
      ]),
    ).toEqual([
      ['jo', 'MEETING_TOMORROW', meetingCase.id],
      ['sam', 'NO_CONTACT_14_DAYS', professionalsOnly.id],
      ['jo', 'NO_CONTACT_14_DAYS', joCase.id],
    ]);
  });
});
